import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  formatWallClock,
  instantFromWallClock,
  wallClockOf,
} from '../../../src/domain/mapping/index.js';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  entries.sort(
    (a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? 1 : -1),
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

describe('mapping properties', () => {
  it('contentHash ignores key order for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 1000 }), (v, seed) => {
        expect(contentHash(shuffleKeys(v, seed))).toBe(contentHash(v));
      }),
    );
  });

  it('any instant survives instant -> ERP wall clock -> instant, except in the repeated fall-back hour', () => {
    const zones = ['America/Chicago', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = new Date(ms);
          const back = instantFromWallClock(wallClockOf(instant, zone), zone);
          // in the repeated hour the earlier instant is chosen: it shows the same wall clock
          if (back.getTime() !== ms) {
            expect(back.getTime()).toBeLessThan(ms);
            expect(formatWallClock(back, zone)).toBe(formatWallClock(instant, zone));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
