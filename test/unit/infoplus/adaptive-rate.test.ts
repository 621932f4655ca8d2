import { describe, expect, it } from 'vitest';
import { AdaptiveRate, START_RATE } from '../../../src/infoplus/adaptive-rate.js';
import { TokenBucket, type LimiterClock } from '../../../src/infoplus/rate-limiter.js';

/**
 * A tenant with a token-bucket limit the client does not know (like the simulator's: one second of burst,
 * 429 + Retry-After in whole seconds), driven on a virtual clock by workers that keep as many requests in
 * flight as the limiter asks for. Deterministic: no real time passes.
 */
class VirtualWorld implements LimiterClock {
  private t = 0;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  limit: number;
  private tokens: number;
  private refilled = 0;
  readonly log: { at: number; ok: boolean }[] = [];

  constructor(limit: number) {
    this.limit = limit;
    this.tokens = limit;
  }

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x !== handle);
  }

  /** The tenant answers: undefined = accepted, else Retry-After in ms. */
  answer(): number | undefined {
    this.tokens = Math.min(this.limit, this.tokens + ((this.t - this.refilled) / 1000) * this.limit);
    this.refilled = this.t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.log.push({ at: this.t, ok: true });
      return undefined;
    }
    this.log.push({ at: this.t, ok: false });
    return Math.max(1, Math.ceil((1 - this.tokens) / this.limit)) * 1000;
  }

  setLimit(limit: number): void {
    this.answer(); // settle the bucket at the old rate first
    this.log.pop();
    this.limit = limit;
  }

  /** Runs timers (and the promise jobs they release) until `until`. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await flush();
      const next = this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = until;
    await flush();
  }

  /** Accepted requests per second and 429 share in [from, to). */
  figures(from: number, to: number): { rate: number; share429: number } {
    const inside = this.log.filter((e) => e.at >= from && e.at < to);
    const ok = inside.filter((e) => e.ok).length;
    return { rate: (ok * 1000) / (to - from), share429: (inside.length - ok) / Math.max(1, inside.length) };
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Workers sending without end through the bucket, as many in flight as it asks for. */
function drive(world: VirtualWorld, bucket: TokenBucket, latencyMs: number): { stop(): void } {
  let stopped = false;
  let inFlight = 0;
  const sleep = (ms: number): Promise<void> => new Promise((r) => world.setTimeout(r, ms));
  const worker = async (): Promise<void> => {
    inFlight++;
    try {
      while (!stopped && inFlight <= bucket.inFlightLimit()) {
        await bucket.acquire();
        await sleep(latencyMs);
        const retryAfter = world.answer();
        if (retryAfter === undefined) bucket.onSuccess(latencyMs);
        else {
          bucket.onRateLimited(retryAfter);
          await sleep(retryAfter);
        }
      }
    } finally {
      inFlight--;
    }
  };
  // A supervisor tops up the workers the way the push pool does when the limit grows.
  const supervise = (): void => {
    if (stopped) return;
    while (inFlight < bucket.inFlightLimit()) void worker();
    world.setTimeout(supervise, 50);
  };
  supervise();
  return { stop: () => (stopped = true) };
}

describe('adaptive rate against a tenant whose limit it does not know', () => {
  it('finds a limit of 12 req/s: >= 0.9 of it, fewer than 2% 429s, and again after 12 -> 6 -> 12', async () => {
    const world = new VirtualWorld(12);
    const bucket = new TokenBucket({ adaptive: true }, world);
    const run = drive(world, bucket, 100);
    await world.runUntil(150_000);
    const steady = world.figures(30_000, 150_000);
    expect(steady.rate).toBeGreaterThanOrEqual(0.9 * 12);
    expect(steady.share429).toBeLessThan(0.02);

    world.setLimit(6);
    await world.runUntil(210_000);
    const low = world.figures(165_000, 210_000);
    expect(low.rate).toBeGreaterThanOrEqual(0.9 * 6);
    expect(low.share429).toBeLessThan(0.05);

    world.setLimit(12);
    await world.runUntil(330_000);
    // within 60 s of the raise it is back at >= 0.9 of the limit, and stays there
    expect(world.figures(270_000, 330_000).rate).toBeGreaterThanOrEqual(0.9 * 12);
    run.stop();
  });

  it('keeps enough requests in flight for a high limit at a high latency (Little’s law)', async () => {
    const world = new VirtualWorld(80);
    const bucket = new TokenBucket({ adaptive: true }, world);
    const run = drive(world, bucket, 400);
    await world.runUntil(90_000);
    expect(world.figures(45_000, 90_000).rate).toBeGreaterThanOrEqual(0.9 * 80);
    expect(bucket.inFlightLimit()).toBeGreaterThanOrEqual(Math.ceil(0.9 * 80 * 0.4));
    run.stop();
  });

  it('never goes above the ceiling of the profile', async () => {
    const world = new VirtualWorld(50);
    const bucket = new TokenBucket({ adaptive: true, ceiling: 7 }, world);
    const run = drive(world, bucket, 50);
    await world.runUntil(60_000);
    expect(bucket.currentRate).toBeLessThanOrEqual(7);
    expect(world.figures(20_000, 60_000).rate).toBeLessThanOrEqual(7.2);
    expect(world.figures(20_000, 60_000).share429).toBe(0);
    run.stop();
  });
});

describe('adaptive rate controller', () => {
  it('starts conservatively and grows only while requests wait for the rate', () => {
    const a = new AdaptiveRate(0);
    expect(a.rate).toBe(START_RATE);
    for (let t = 100; t <= 5_000; t += 100) a.onSuccess(t, 80); // clean, but never waiting for the rate
    expect(a.rate).toBe(START_RATE);
    for (let t = 5_100; t <= 8_000; t += 100) {
      a.saturated();
      a.onSuccess(t, 80);
    }
    expect(a.rate).toBeGreaterThan(START_RATE * 2);
  });

  it('backs off once per burst of 429s and takes what the tenant accepted as its limit', () => {
    const a = new AdaptiveRate(0, { learned: { rate: 20, knownLimit: null, at: '' } });
    for (let t = 0; t < 2_000; t += 100) a.onSuccess(t, 50); // 10 accepted per second
    a.onRateLimited(2_000);
    const after = a.rate;
    expect(a.knownLimit).toBeCloseTo(10, 0);
    expect(after).toBeLessThan(10);
    a.onRateLimited(2_100);
    a.onRateLimited(2_200);
    expect(a.rate).toBe(after);
  });

  it('eases off when latency climbs well above its baseline', () => {
    const a = new AdaptiveRate(0, { learned: { rate: 10, knownLimit: null, at: '' } });
    let t = 0;
    for (; t < 3_000; t += 100) a.onSuccess(t, 100);
    const before = a.rate;
    for (; t < 5_000; t += 100) a.onSuccess(t, 600);
    expect(a.rate).toBeLessThan(before);
  });

  it('resumes from what an earlier run learned, under the ceiling, and ignores damaged memory', () => {
    expect(new AdaptiveRate(0, { learned: { rate: 11, knownLimit: 12, at: '' } }).rate).toBeCloseTo(10.2, 1);
    expect(new AdaptiveRate(0, { ceiling: 4, learned: { rate: 11, knownLimit: 12, at: '' } }).rate).toBe(4);
    expect(new AdaptiveRate(0, { learned: { rate: Number.NaN, knownLimit: 3, at: '' } }).rate).toBe(
      START_RATE,
    );
  });
});
