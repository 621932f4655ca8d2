/** The clock and timers the scheduler and watchdog run on; tests pass a fake one they advance by hand. */
export interface SchedulerPort {
  now(): Date;
  /** Calls fn once at `at` (immediately when `at` has passed); returns a cancel function. */
  at(at: Date, fn: () => void): () => void;
}

/** A hand-driven port for tests: time moves only when `advance` or `set` is called. */
export class FakeSchedulerPort implements SchedulerPort {
  private timers: { at: number; fn: () => void; seq: number }[] = [];
  private seq = 0;
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  at(at: Date, fn: () => void): () => void {
    const t = { at: Math.max(at.getTime(), this.current), fn, seq: this.seq++ };
    this.timers.push(t);
    return () => {
      this.timers = this.timers.filter((x) => x !== t);
    };
  }

  /** Moves time forward, firing due timers in order (timers they set are fired too when due). */
  advance(ms: number): void {
    this.set(new Date(this.current + ms));
  }

  /** Moves time to `to`, firing due timers in order. */
  set(to: Date): void {
    const target = to.getTime();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = Math.max(this.current, target);
  }

  /** Number of armed timers. */
  get pending(): number {
    return this.timers.length;
  }
}
