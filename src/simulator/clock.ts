/** Write timestamps: the real clock, never going backwards, at the precision the datePrecision variant says. */
export class SimClock {
  private last = 0;

  /** `s` = whole seconds (the milliseconds are always 000), `ms` = milliseconds. */
  constructor(private readonly precision: 's' | 'ms' = 'ms') {}

  /** Milliseconds since the epoch, at least the previous value (equal values are allowed). */
  nowMs(): number {
    let now = Date.now();
    if (this.precision === 's') now -= now % 1000;
    if (now > this.last) this.last = now;
    return this.last;
  }

  /** The current time as ISO-8601 UTC with milliseconds and `Z`. */
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}
