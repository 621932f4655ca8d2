/**
 * Finds a tenant's request rate by itself: Infoplus publishes no limit, so the rate starts low, grows while
 * answers are clean and the rate is what holds the work back, and backs off on 429s and on rising latency.
 * Pure: it is told the time with every event, so it can be tested and tuned without a clock.
 *
 * Without a known limit the rate grows fast (x2 per clean second). After a back-off it climbs like TCP
 * CUBIC: quickly back towards the limit it learned, flat near it (so a steady limit costs few 429s), then
 * faster and faster beyond it (so a limit that was raised is found again within seconds).
 */

/** What a run learned about a tenant, kept across runs. */
export interface LearnedRate {
  /** The rate in use when it was saved (requests/second). */
  readonly rate: number;
  /** The highest rate the tenant accepted before it answered 429; null when it never did. */
  readonly knownLimit: number | null;
  /** ISO time it was saved. */
  readonly at: string;
}

/** Settings of the adaptive rate. */
export interface AdaptiveRateOptions {
  /** Never above this (requests/second); default 100. */
  readonly ceiling?: number;
  /** What an earlier run learned; without it the rate starts at START_RATE. */
  readonly learned?: LearnedRate | null;
}

/** Rate of a tenant nothing is known about: below any limit a third-party client reports for Infoplus. */
export const START_RATE = 2;
/** Ceiling when the profile sets none. */
export const DEFAULT_CEILING = 100;
/** Lowest rate it backs off to. */
export const MIN_RATE = 0.2;
/** How long answers are counted before the rate is reconsidered. */
const WINDOW_MS = 1_000;
/** Back-off factor on a 429 (applied to the rate the tenant was seen to accept). */
const CUT = 0.85;
/** Back-off factor when latency rises (the server is queueing our requests). */
const SOFT_CUT = 0.9;
/** Growth per clean window while no limit is known. */
const SLOW_START = 2;
/** Most growth per window once a limit is known. */
const MAX_STEP = 1.25;
/** Seconds after a back-off at which the climb reaches the learned limit again (then probes beyond it). */
const PLATEAU_S = 10;
/** Cubic coefficient: the climb starts at CUT x limit and flattens at the limit after PLATEAU_S. */
const CUBIC = (1 - CUT) / PLATEAU_S ** 3;
/** Latency counts as risen when the window's mean exceeds baseline x this, plus LATENCY_SLACK_MS. */
const LATENCY_FACTOR = 2;
const LATENCY_SLACK_MS = 50;
/** Fewest answers in a window for its latency to mean anything. */
const LATENCY_SAMPLES = 5;

/** The rate controller of one tenant. */
export class AdaptiveRate {
  private rateNow: number;
  private limit: number | null;
  private ceilingNow: number;
  /** When the last back-off happened: the cubic climb counts from it. */
  private epoch: number;
  private windowStart: number;
  private windowOk = 0;
  private windowLatency = 0;
  private windowSaturated = false;
  private previous: { start: number; ok: number } | null = null;
  private lastCut = Number.NEGATIVE_INFINITY;
  private baseline: number | null = null;
  private latencyEwma: number | null = null;
  private changes = 0;

  constructor(now: number, opts: AdaptiveRateOptions = {}) {
    this.ceilingNow = checkCeiling(opts.ceiling ?? DEFAULT_CEILING);
    const learned = usable(opts.learned);
    this.limit = learned?.knownLimit ?? null;
    // A remembered limit is approached as after a back-off; a remembered rate alone is resumed a little lower.
    const start =
      this.limit !== null ? this.limit * CUT : learned ? Math.max(MIN_RATE, learned.rate * 0.9) : START_RATE;
    this.rateNow = Math.min(this.ceilingNow, start);
    this.epoch = now;
    this.windowStart = now;
  }

  /** The rate to send at now (requests/second). */
  get rate(): number {
    return this.rateNow;
  }

  /** The limit learned from 429s (null: none seen). */
  get knownLimit(): number | null {
    return this.limit;
  }

  get ceiling(): number {
    return this.ceilingNow;
  }

  /** Smoothed latency of clean answers in ms (null before the first). */
  get latencyMs(): number | null {
    return this.latencyEwma;
  }

  /** Grows with every change of the rate (lets the owner save only when something changed). */
  get version(): number {
    return this.changes;
  }

  /** Changes the ceiling (the profile changed). */
  setCeiling(ceiling: number): void {
    this.ceilingNow = checkCeiling(ceiling);
    this.set(Math.min(this.rateNow, this.ceilingNow));
  }

  /** Requests waited for the rate in this window: the rate, not the work, was the bottleneck. */
  saturated(): void {
    this.windowSaturated = true;
  }

  /** A clean answer arrived after `latencyMs`. */
  onSuccess(now: number, latencyMs: number): void {
    this.windowOk++;
    this.windowLatency += latencyMs;
    this.latencyEwma = this.latencyEwma === null ? latencyMs : this.latencyEwma * 0.8 + latencyMs * 0.2;
    if (now - this.windowStart >= WINDOW_MS) this.closeWindow(now);
  }

  /**
   * A 429 arrived. Requests in flight when the limit was hit answer 429 too: one back-off per burst, and the
   * limit is what the tenant was seen to accept, not the rate we asked for.
   */
  onRateLimited(now: number): void {
    const guard = Math.max(WINDOW_MS, 2 * (this.latencyEwma ?? 0));
    if (now - this.lastCut < guard) return;
    const accepted = this.acceptedRate(now);
    this.backOff(now, accepted === null ? this.rateNow : Math.min(this.rateNow, accepted), CUT);
  }

  private backOff(now: number, limit: number, factor: number): void {
    this.lastCut = now;
    this.epoch = now;
    this.limit = Math.max(MIN_RATE, limit);
    this.set(Math.max(MIN_RATE, Math.min(this.ceilingNow, this.limit * factor)));
    this.startWindow(now);
  }

  /** Successes per second over the current and the previous window, when long enough to mean something. */
  private acceptedRate(now: number): number | null {
    const start = this.previous?.start ?? this.windowStart;
    const ok = this.windowOk + (this.previous?.ok ?? 0);
    const span = now - start;
    return span >= WINDOW_MS / 2 ? (ok * 1000) / span : null;
  }

  private closeWindow(now: number): void {
    const n = this.windowOk;
    const mean = n > 0 ? this.windowLatency / n : null;
    const saturated = this.windowSaturated;
    this.previous = { start: this.windowStart, ok: n };
    this.startWindow(now);
    if (mean !== null && n >= LATENCY_SAMPLES) {
      const base = this.baseline;
      if (base !== null && mean > base * LATENCY_FACTOR + LATENCY_SLACK_MS) {
        // The tenant slows down before it refuses: ease off, taking the rate that caused it as the limit.
        this.baseline = Math.min(mean, base * 1.1);
        this.backOff(now, this.rateNow, SOFT_CUT);
        return;
      }
      // The baseline follows the fastest windows and drifts up slowly, so a slower network is accepted.
      this.baseline = base === null ? mean : Math.min(mean, base * 1.02);
    }
    if (saturated) this.grow(now);
  }

  private grow(now: number): void {
    const r = this.rateNow;
    const limit = this.limit;
    let next: number;
    if (limit === null) next = r * SLOW_START;
    else {
      // CUBIC-like: fast while far below the learned limit, flat near it, then faster and faster beyond it.
      const t = (now - this.epoch) / 1000 - PLATEAU_S;
      next = Math.min(r * MAX_STEP, limit * (1 + CUBIC * t * t * t));
    }
    this.set(Math.min(this.ceilingNow, Math.max(r, next)));
  }

  private set(rate: number): void {
    if (rate !== this.rateNow) this.changes++;
    this.rateNow = rate;
  }

  private startWindow(now: number): void {
    this.windowStart = now;
    this.windowOk = 0;
    this.windowLatency = 0;
    this.windowSaturated = false;
  }

  /** What to remember for the next run. */
  learned(at: Date): LearnedRate {
    return { rate: this.rateNow, knownLimit: this.limit, at: at.toISOString() };
  }
}

function checkCeiling(ceiling: number): number {
  if (!Number.isFinite(ceiling) || ceiling <= 0) {
    throw new RangeError(`the rate ceiling must be a positive number (got ${ceiling})`);
  }
  return ceiling;
}

/** A remembered rate only when its numbers are sane (the file may have been edited or damaged). */
function usable(l: LearnedRate | null | undefined): LearnedRate | null {
  if (!l || !(l.rate > 0) || !Number.isFinite(l.rate)) return null;
  const limit = l.knownLimit;
  if (limit !== null && !(limit > 0 && Number.isFinite(limit))) return { ...l, knownLimit: null };
  return l;
}
