/**
 * Token-bucket rate limiter, one per tenant (base URL) per process, shared by every client instance for that
 * tenant. It halves its rate on a 429, waits out Retry-After, and recovers step by step on success (AIMD).
 */

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

/** A token bucket with AIMD slow-down on 429. */
export class TokenBucket {
  private configured: number;
  private rate: number;
  private tokens: number;
  private last: number;
  private blockedUntil = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  private readonly waiters: (() => void)[] = [];
  private timer: unknown = undefined;

  constructor(
    requestsPerSecond: number,
    private readonly clock: LimiterClock = realClock,
  ) {
    this.configured = checkRate(requestsPerSecond);
    this.rate = this.configured;
    this.tokens = this.capacity();
    this.last = clock.now();
  }

  /** Current allowed rate (requests/second), lower than configured after 429s. */
  get currentRate(): number {
    return this.rate;
  }

  /** Configured rate (requests/second). */
  get configuredRate(): number {
    return this.configured;
  }

  /** Change the configured rate (the latest client's setting wins). */
  setRate(requestsPerSecond: number): void {
    const throttled = this.rate < this.configured;
    this.configured = checkRate(requestsPerSecond);
    this.rate = throttled ? Math.min(this.rate, this.configured) : this.configured;
  }

  /** Wait for a token (FIFO). Resolves with the time waited in ms. */
  acquire(): Promise<number> {
    const started = this.clock.now();
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1 && started >= this.blockedUntil) {
      this.tokens -= 1;
      return Promise.resolve(0);
    }
    return new Promise((resolve) => {
      this.waiters.push(() => resolve(this.clock.now() - started));
      this.schedule();
    });
  }

  /** A 429 arrived: halve the rate, empty the bucket, and block until Retry-After (if given) has passed. */
  onRateLimited(retryAfterMs?: number): void {
    const now = this.clock.now();
    this.refill();
    // A burst of concurrent requests brings a burst of 429s: that is one signal, so cut once per window.
    if (now - this.lastCut >= CUT_WINDOW_MS) {
      this.rate = Math.max(MIN_RATE, this.rate / 2);
      this.lastCut = now;
    }
    this.tokens = 0;
    const wait = retryAfterMs ?? 1000 / this.rate;
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    this.schedule();
  }

  /** A request succeeded: climb back towards the configured rate. */
  onSuccess(): void {
    if (this.rate >= this.configured) return;
    this.refill();
    this.rate = Math.min(this.configured, this.rate + this.configured / RECOVERY_STEPS);
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

const tenantLimiters = new Map<string, TokenBucket>();

/** The process-wide limiter for a tenant (keyed by base URL); created on first use. */
export function tenantLimiter(baseUrl: string, requestsPerSecond: number): TokenBucket {
  const key = baseUrl.toLowerCase();
  let bucket = tenantLimiters.get(key);
  if (bucket === undefined) {
    bucket = new TokenBucket(requestsPerSecond);
    tenantLimiters.set(key, bucket);
  } else if (bucket.configuredRate !== requestsPerSecond) {
    bucket.setRate(requestsPerSecond);
  }
  return bucket;
}
