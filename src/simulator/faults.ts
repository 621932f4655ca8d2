/** Fault injection: latency, token-bucket rate limit, 5xx, resets, slow answers, commit-then-drop. */
import { createPrng, type Prng } from './prng.js';
import type { FaultConfig } from './types.js';

/** No faults at all. */
export const NO_FAULTS: Readonly<FaultConfig> = {
  latencyMs: 0,
  jitterMs: 0,
  rateLimit: null,
  failRate: 0,
  resetRate: 0,
  slowRate: 0,
  slowMs: 35_000,
  commitThenDropRate: 0,
};

/** What to do with one request. */
export interface FaultDecision {
  /** Seconds for `Retry-After` when the request is rate limited (answer 429, do nothing else). */
  retryAfterSec?: number;
  delayMs: number;
  /** For `slow`: how long to hold the answer. */
  slowMs: number;
  action: 'none' | 'fail' | 'reset' | 'slow';
  /** For writes: apply, then destroy the connection before answering. */
  drop: boolean;
  failStatus: number;
}

const RATES = ['failRate', 'resetRate', 'slowRate', 'commitThenDropRate'] as const;
const DURATIONS = ['latencyMs', 'jitterMs', 'slowMs'] as const;

/** Checks a partial fault configuration; returns messages for bad values. */
export function checkFaults(f: Partial<FaultConfig>): string[] {
  const errors: string[] = [];
  const known = new Set<string>([...RATES, ...DURATIONS, 'rateLimit']);
  for (const k of Object.keys(f)) if (!known.has(k)) errors.push(`${k}: unknown fault setting`);
  for (const k of RATES) {
    const v = f[k];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1)))
      errors.push(`${k}: must be a share between 0 and 1`);
  }
  for (const k of DURATIONS) {
    const v = f[k];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))) {
      errors.push(`${k}: must be a number of milliseconds >= 0`);
    }
  }
  const r = f.rateLimit;
  if (r !== undefined && r !== null && (typeof r !== 'number' || !(r > 0) || !Number.isFinite(r))) {
    errors.push('rateLimit: must be requests per second > 0, or null for no limit');
  }
  return errors;
}

/** Decides the faults of each request from a seeded generator and a token bucket. */
export class FaultEngine {
  private config: FaultConfig;
  private readonly prng: Prng;
  private tokens = 0;
  private lastRefill = 0;
  /** How often each fault fired. */
  readonly counts: Record<string, number> = {};

  constructor(seed: number, initial: Partial<FaultConfig> = {}) {
    this.prng = createPrng(seed ^ 0x5eed_fa17);
    this.config = { ...NO_FAULTS };
    this.set(initial);
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  /** Changes some settings (throws with the messages of bad values). */
  set(f: Partial<FaultConfig>): void {
    const errors = checkFaults(f);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const before = this.config.rateLimit;
    this.config = { ...this.config, ...f };
    if (this.config.rateLimit !== before) {
      this.tokens = this.config.rateLimit ?? 0;
      this.lastRefill = Date.now();
    }
  }

  /** Decides one request; always draws the same number of random values so a seed replays. */
  decide(isWrite: boolean): FaultDecision {
    const c = this.config;
    const [jitter, reset, fail, slow, drop, status] = [0, 0, 0, 0, 0, 0].map(() => this.prng.next()) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const decision: FaultDecision = {
      delayMs: c.latencyMs + Math.floor(jitter * c.jitterMs),
      slowMs: c.slowMs,
      action: 'none',
      drop: false,
      failStatus: status < 0.5 ? 500 : status < 0.8 ? 503 : 502,
    };
    const retryAfter = this.takeToken();
    if (retryAfter !== undefined) {
      this.count('rateLimited');
      return { ...decision, retryAfterSec: retryAfter, delayMs: 0 };
    }
    if (decision.delayMs > 0) this.count('latency');
    if (reset < c.resetRate) decision.action = 'reset';
    else if (fail < c.failRate) decision.action = 'fail';
    else if (slow < c.slowRate) decision.action = 'slow';
    if (decision.action !== 'none') this.count(decision.action === 'fail' ? 'serverError' : decision.action);
    if (isWrite && decision.action !== 'reset' && decision.action !== 'fail' && drop < c.commitThenDropRate) {
      decision.drop = true;
      this.count('commitThenDrop');
    }
    return decision;
  }

  /** undefined when a token was taken; else whole seconds until one is available. */
  private takeToken(): number | undefined {
    const rate = this.config.rateLimit;
    if (rate === null) return undefined;
    const now = Date.now();
    const capacity = Math.max(1, rate);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / rate));
  }

  private count(name: string): void {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
  }
}
