import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/app/event-bus.js';
import { printRunProgress, progressLine } from '../../../src/cli/run-progress.js';
import type { RunProgress, RunSummary } from '../../../src/contract/index.js';

const counts = { created: 1150, updated: 30, unchanged: 0, skipped: 18, failed: 2, pulled: 0 };
const progress = (done: number): RunProgress => ({
  runId: 'r1',
  touchpoint: 'orders',
  counts,
  done,
  total: 5000,
});

describe('progress of a long run', () => {
  it('says how far the run is, what it did and what waits', () => {
    expect(progressLine(progress(1200), 40_000)).toBe(
      'orders: 1,200 of 5,000 records after 40 s (created 1,150, updated 30, failed 2, waiting 18)',
    );
  });

  it('prints at most one line per interval, none for a short run, and nothing once stopped', () => {
    const bus = new EventBus();
    const lines: string[] = [];
    let t = 0;
    const stop = printRunProgress(
      bus,
      (l) => lines.push(l),
      10_000,
      () => t,
    );
    bus.emit('run-started', { touchpoint: 'orders' } as RunSummary);
    t = 3000;
    bus.emit('run-progress', progress(10));
    expect(lines).toEqual([]);
    t = 10_500;
    bus.emit('run-progress', progress(300));
    t = 12_000;
    bus.emit('run-progress', progress(400));
    expect(lines).toEqual([progressLine(progress(300), 10_500)]);
    stop();
    t = 60_000;
    bus.emit('run-progress', progress(900));
    expect(lines).toHaveLength(1);
  });
});
