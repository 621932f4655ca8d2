/**
 * Token-bucket rate limiter, one per tenant (base URL) per process, shared by every client instance for that
 * tenant. Adaptive (the agent's mode): the rate is found by AdaptiveRate and remembered across runs. Fixed
 * (tests, tools): it halves its rate on a 429 and recovers step by step on success. Either way it waits out
 * Retry-After, and it says how many requests should be in flight to use the rate (Little's law).
 */
import { AdaptiveRate, type AdaptiveRateOptions, type LearnedRate } from './adaptive-rate.js';

/** Clock and timer seams, so tests need not wait for real time. */
export interface LimiterClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Lowest rate the limiter backs off to. */
const MIN_RATE = 0.2;
/** 429s within this window after a cut do not cut the rate again. */
const CUT_WINDOW_MS = 1_000;
/** Successes needed to climb from the floor back to the configured rate (in equal steps). */
const RECOVERY_STEPS = 20;

/** Where a tenant's learned rate is kept between runs (the data folder). */
export interface RateMemory {
  save(learned: LearnedRate): void;
}

/** How the limiter finds its rate: a fixed rate, or adaptive under a ceiling. */
export type RateSpec =
  number | (AdaptiveRateOptions & { readonly adaptive: true; readonly memory?: RateMemory | undefined });

/** What the dashboard shows about the rate in use. */
export interface RateSnapshot {
  readonly mode: 'adaptive' | 'fixed';
  /** Requests/second in use now. */
  readonly requestsPerSecond: number;
  /** Adaptive: the profile's ceiling; fixed: the configured rate. */
  readonly ceiling: number;
  /** Adaptive: the limit learned from 429s (null: none seen). */
  readonly knownLimit: number | null;
  /** Smoothed latency of clean answers (null before the first). */
  readonly latencyMs: number | null;
  /** Requests worth keeping in flight: rate x latency (Little's law), bounded. */
  readonly inFlight: number;
}

/** Most requests in flight at once, whatever rate x latency says. */
export const MAX_IN_FLIGHT = 64;
/** Requests in flight before any latency was measured. */
const DEFAULT_IN_FLIGHT = 4;
/** Least time between two saves of a learned rate. */
const SAVE_EVERY_MS = 5_000;

/** A token bucket whose rate is adaptive (or fixed with AIMD slow-down on 429). */
export class TokenBucket {
  private configured: number;
  private rate: number;
  private tokens: number;
  private last: number;
  private blockedUntil = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  private readonly waiters: (() => void)[] = [];
  private timer: unknown = undefined;
  private adaptive: AdaptiveRate | null = null;
  private memory: RateMemory | undefined;
  private savedVersion = 0;
  private lastSave = Number.NEGATIVE_INFINITY;
  private latencyEwma: number | null = null;

  constructor(
    spec: RateSpec,
    private readonly clock: LimiterClock = realClock,
  ) {
    this.configured = 1;
    this.rate = 1;
    this.last = clock.now();
    this.configure(spec);
    // A fixed rate allows a second's burst at once; an adaptive one starts as carefully as it sends.
    this.tokens = this.adaptive ? 1 : this.capacity();
  }

  /** Changes the rate / ceiling, or turns a fixed bucket adaptive (the latest client's setting wins). */
  configure(spec: RateSpec): void {
    // A short-lived fixed-rate client (a connection test beside the running agent) must not throw away what the
    // agent's adaptive rate learned: it shares the adaptive rate instead.
    if (typeof spec === 'number' && this.adaptive) return;
    if (typeof spec === 'number') {
      this.adaptive = null;
      this.memory = undefined;
      this.setRate(spec);
      return;
    }
    this.memory = spec.memory;
    if (this.adaptive) this.adaptive.setCeiling(spec.ceiling ?? this.adaptive.ceiling);
    else this.adaptive = new AdaptiveRate(this.clock.now(), spec);
    this.configured = this.adaptive.ceiling;
    this.rate = this.adaptive.rate;
  }

  /** Whether the rate is found by itself. */
  get isAdaptive(): boolean {
    return this.adaptive !== null;
  }

  /** Current allowed rate (requests/second). */
  get currentRate(): number {
    return this.rate;
  }

  /** Configured rate, or the ceiling of an adaptive rate (requests/second). */
  get configuredRate(): number {
    return this.configured;
  }

  /** Change the configured rate of a fixed limiter. */
  setRate(requestsPerSecond: number): void {
    const throttled = this.rate < this.configured;
    this.configured = checkRate(requestsPerSecond);
    this.rate = throttled ? Math.min(this.rate, this.configured) : this.configured;
  }

  /** Requests worth keeping in flight to use the rate: rate x latency x 1.5 (Little's law), bounded. */
  inFlightLimit(): number {
    const latency = this.adaptive?.latencyMs ?? this.latencyEwma;
    if (latency === null) return DEFAULT_IN_FLIGHT;
    return Math.max(2, Math.min(MAX_IN_FLIGHT, Math.ceil((this.rate * latency * 1.5) / 1000) + 1));
  }

  /** The rate in use, for the status. */
  snapshot(): RateSnapshot {
    const a = this.adaptive;
    return {
      mode: a ? 'adaptive' : 'fixed',
      requestsPerSecond: round2(this.rate),
      ceiling: this.configured,
      knownLimit: a?.knownLimit != null ? round2(a.knownLimit) : null,
      latencyMs:
        (a?.latencyMs ?? this.latencyEwma) === null ? null : Math.round((a?.latencyMs ?? this.latencyEwma)!),
      inFlight: this.inFlightLimit(),
    };
  }

  /** Wait for a token (FIFO). Resolves with the time waited in ms. */
  acquire(): Promise<number> {
    const started = this.clock.now();
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1 && started >= this.blockedUntil) {
      this.tokens -= 1;
      return Promise.resolve(0);
    }
    // Work waits for the rate: an adaptive rate may grow.
    this.adaptive?.saturated();
    return new Promise((resolve) => {
      this.waiters.push(() => resolve(this.clock.now() - started));
      this.schedule();
    });
  }

  /** A 429 arrived: halve the rate, empty the bucket, and block until Retry-After (if given) has passed. */
  onRateLimited(retryAfterMs?: number): void {
    const now = this.clock.now();
    this.refill();
    if (this.adaptive) {
      this.adaptive.onRateLimited(now);
      this.rate = this.adaptive.rate;
      this.remember(true);
    } else if (now - this.lastCut >= CUT_WINDOW_MS) {
      // A burst of concurrent requests brings a burst of 429s: that is one signal, so cut once per window.
      this.rate = Math.max(MIN_RATE, this.rate / 2);
      this.lastCut = now;
    }
    this.tokens = 0;
    const wait = retryAfterMs ?? 1000 / this.rate;
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    this.schedule();
  }

  /** A request succeeded after `latencyMs`: an adaptive rate learns from it; a fixed one climbs back. */
  onSuccess(latencyMs = 0): void {
    if (this.adaptive) {
      this.refill();
      this.adaptive.onSuccess(this.clock.now(), latencyMs);
      this.rate = this.adaptive.rate;
      this.remember(false);
      return;
    }
    this.latencyEwma = this.latencyEwma === null ? latencyMs : this.latencyEwma * 0.8 + latencyMs * 0.2;
    if (this.rate >= this.configured) return;
    this.refill();
    this.rate = Math.min(this.configured, this.rate + this.configured / RECOVERY_STEPS);
  }

  /** Saves what was learned: at once after a back-off, else at most every few seconds. */
  private remember(now: boolean): void {
    const a = this.adaptive;
    if (!a || !this.memory || a.version === this.savedVersion) return;
    const t = this.clock.now();
    if (!now && t - this.lastSave < SAVE_EVERY_MS) return;
    this.savedVersion = a.version;
    this.lastSave = t;
    try {
      this.memory.save(a.learned(new Date(t)));
    } catch {
      // Losing what was learned costs a slower start next time, never a request.
    }
  }

  private capacity(): number {
    // One second's worth of burst, at least one request.
    return Math.max(1, this.rate);
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - Math.max(this.last, this.blockedUntil));
    this.tokens = Math.min(this.capacity(), this.tokens + (elapsed * this.rate) / 1000);
    this.last = Math.max(this.last, now);
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.drain();
    if (this.waiters.length === 0) return;
    const now = this.clock.now();
    const untilUnblocked = this.blockedUntil - now;
    const untilToken = ((1 - this.tokens) * 1000) / this.rate;
    const delay = Math.max(1, Math.ceil(Math.max(untilUnblocked, untilToken)));
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, delay);
  }

  private drain(): void {
    this.refill();
    const now = this.clock.now();
    while (this.waiters.length > 0 && this.tokens >= 1 && now >= this.blockedUntil) {
      this.tokens -= 1;
      this.waiters.shift()?.();
    }
  }
}

function checkRate(requestsPerSecond: number): number {
  if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
    throw new RangeError(`requestsPerSecond must be a positive number (got ${requestsPerSecond})`);
  }
  return requestsPerSecond;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const tenantLimiters = new Map<string, TokenBucket>();

/** The process-wide limiter for a tenant (keyed by base URL); created on first use. */
export function tenantLimiter(baseUrl: string, spec: RateSpec): TokenBucket {
  const key = baseUrl.toLowerCase();
  let bucket = tenantLimiters.get(key);
  if (bucket === undefined) {
    bucket = new TokenBucket(spec);
    tenantLimiters.set(key, bucket);
  } else {
    bucket.configure(spec);
  }
  return bucket;
}
