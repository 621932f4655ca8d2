import { describe, expect, it } from 'vitest';
import { TokenBucket, tenantLimiter } from '../../../src/infoplus/rate-limiter.js';
import type { LimiterClock } from '../../../src/infoplus/rate-limiter.js';

/** A manual clock: timers fire only when the test advances time. */
function manualClock(): LimiterClock & { advance(ms: number): Promise<void> } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
        await Promise.resolve();
      }
      now = end;
      await Promise.resolve();
    },
  };
}

function track(bucket: TokenBucket, n: number): boolean[] {
  const done = Array.from({ length: n }, () => false);
  for (let i = 0; i < n; i++) void bucket.acquire().then(() => (done[i] = true));
  return done;
}

describe('token bucket', () => {
  it('allows a burst of one second, then one request per 1/rate seconds, in order', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, clock);
    const done = track(bucket, 5);
    await clock.advance(0);
    expect(done).toEqual([true, true, false, false, false]);
    await clock.advance(500);
    expect(done).toEqual([true, true, true, false, false]);
    await clock.advance(1000);
    expect(done).toEqual([true, true, true, true, true]);
  });

  it('waits for Retry-After, halves the rate on a 429, and recovers on success', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket(4, clock);
    bucket.onRateLimited(3000);
    expect(bucket.currentRate).toBe(2);
    const done = track(bucket, 1);
    await clock.advance(2900);
    expect(done).toEqual([false]);
    await clock.advance(700);
    expect(done).toEqual([true]);
    for (let i = 0; i < 100; i++) bucket.onSuccess();
    expect(bucket.currentRate).toBe(4);
  });

  it('halves once for a burst of 429s, again for a later one, never below a floor', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket(8, clock);
    for (let i = 0; i < 5; i++) bucket.onRateLimited(0);
    expect(bucket.currentRate).toBe(4);
    await clock.advance(1000);
    bucket.onRateLimited(0);
    expect(bucket.currentRate).toBe(2);
    for (let i = 0; i < 20; i++) {
      await clock.advance(1000);
      bucket.onRateLimited(0);
    }
    expect(bucket.currentRate).toBeGreaterThan(0);
  });

  it('is shared per tenant base URL in the process', () => {
    const a = tenantLimiter('https://shared-test.infopluswms.com/infoplus-wms/api', 5);
    const b = tenantLimiter('https://SHARED-TEST.infopluswms.com/infoplus-wms/api', 5);
    const other = tenantLimiter('https://other-test.infopluswms.com/infoplus-wms/api', 5);
    expect(a).toBe(b);
    expect(a).not.toBe(other);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new TokenBucket(0)).toThrow(/positive/);
  });
});
