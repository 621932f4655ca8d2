import { describe, expect, it } from 'vitest';
import { paceOf, type Sample } from '../../../renderer/src/hooks/pace.js';

describe('pace of a run in flight', () => {
  it('is measured from the first sample, then over the latest 20 s only', () => {
    const list: Sample[] = [];
    expect(paceOf(list, { at: 1000, done: 0 })).toBeNull();
    expect(paceOf(list, { at: 3000, done: 10 })).toEqual({ records: 10, ms: 2000 });
    // a slow start fades out: after 20 s the pace is the recent one
    for (let t = 4000; t <= 40_000; t += 1000) paceOf(list, { at: t, done: 10 + (t - 3000) / 100 });
    const pace = paceOf(list, { at: 41_000, done: 390 });
    expect(pace!.records / pace!.ms).toBeCloseTo(0.01, 3);
    expect(list.length).toBeLessThanOrEqual(22);
  });
});
