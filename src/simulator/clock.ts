/** Write timestamps: the real clock at millisecond resolution, never going backwards. */
export class SimClock {
  private last = 0;

  /** Milliseconds since the epoch, at least the previous value (equal values are allowed). */
  nowMs(): number {
    const now = Date.now();
    if (now > this.last) this.last = now;
    return this.last;
  }

  /** The current time as ISO-8601 UTC with milliseconds and `Z`. */
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}
