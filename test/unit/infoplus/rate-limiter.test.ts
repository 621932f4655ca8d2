import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LearnedRates } from '../../../src/app/learned-rates.js';
import { START_RATE } from '../../../src/infoplus/adaptive-rate.js';
import { MAX_IN_FLIGHT, TokenBucket, tenantLimiter } from '../../../src/infoplus/rate-limiter.js';
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
    expect(() => new TokenBucket({ adaptive: true, ceiling: -1 })).toThrow(/positive/);
  });

  it('keeps rate x latency x 1.5 requests in flight, bounded (Little’s law)', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(20, clock);
    expect(bucket.inFlightLimit()).toBe(4); // nothing measured yet
    for (let i = 0; i < 50; i++) bucket.onSuccess(100);
    expect(bucket.inFlightLimit()).toBe(4); // 20/s x 0.1 s x 1.5 + 1
    for (let i = 0; i < 50; i++) bucket.onSuccess(1_000);
    expect(bucket.inFlightLimit()).toBe(31);
    bucket.setRate(100);
    for (let i = 0; i < 50; i++) bucket.onSuccess(5_000);
    expect(bucket.inFlightLimit()).toBe(MAX_IN_FLIGHT);
    expect(bucket.snapshot()).toMatchObject({
      mode: 'fixed',
      requestsPerSecond: 100,
      inFlight: MAX_IN_FLIGHT,
    });
  });
});

describe('adaptive token bucket', () => {
  it('starts low, learns the limit from a 429, and the next run resumes from what it saved', async () => {
    const clock = manualClock();
    const rates = new LearnedRates(mkdtempSync(join(tmpdir(), 'learned-rates-')));
    const tenant = 'https://learn-test.infopluswms.com/infoplus-wms/api';
    const first = new TokenBucket({ adaptive: true, ceiling: 50, memory: rates.memory(tenant) }, clock);
    expect(first.currentRate).toBe(START_RATE);
    // requests queue for the rate while every answer is clean: the rate climbs
    for (let s = 0; s < 6; s++) {
      for (let i = 0; i < 30; i++) void first.acquire();
      for (let i = 0; i < 10; i++) {
        await clock.advance(100);
        first.onSuccess(80);
      }
    }
    expect(first.currentRate).toBeGreaterThan(10);
    first.onRateLimited(1_000);
    const learned = rates.get(tenant);
    expect(learned?.knownLimit).toBeGreaterThan(5);
    expect(learned?.rate).toBe(first.currentRate);
    expect(first.snapshot()).toMatchObject({ mode: 'adaptive', ceiling: 50 });

    const next = new TokenBucket({ adaptive: true, ceiling: 50, learned: rates.get(tenant) }, clock);
    expect(next.currentRate).toBeGreaterThan(START_RATE * 2);
    expect(next.currentRate).toBeLessThanOrEqual(learned!.knownLimit!);
  });

  it('stays adaptive when a fixed-rate client of the same tenant comes and goes (a connection test)', () => {
    const url = 'https://adaptive-shared.infopluswms.com/infoplus-wms/api';
    const agent = tenantLimiter(url, { adaptive: true, ceiling: 40 });
    expect(tenantLimiter(url, 5)).toBe(agent);
    expect(agent.snapshot()).toMatchObject({ mode: 'adaptive', ceiling: 40 });
  });

  it('waits out Retry-After like a fixed one', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ adaptive: true }, clock);
    bucket.onRateLimited(3000);
    const done = track(bucket, 1);
    await clock.advance(2900);
    expect(done).toEqual([false]);
    await clock.advance(700);
    expect(done).toEqual([true]);
  });
});
