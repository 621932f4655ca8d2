/**
 * Bounded concurrency: up to `size` tasks in flight, `submit` waits for a free slot (back-pressure on the
 * producer). The rate limit itself is the Infoplus client's token bucket; the pool only keeps enough
 * requests in flight to use it (≈ rate × latency × 1.5). `size` may be a function: it is asked again for
 * every task, so the pool follows a rate that changes during the run.
 */
export class TaskPool {
  private running = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private firstError: unknown = null;

  private readonly size: () => number;

  constructor(size: number | (() => number)) {
    if (typeof size === 'number' && !(size >= 1))
      throw new Error(`Pool size must be at least 1, got ${size}`);
    this.size = typeof size === 'number' ? () => size : () => Math.max(1, size());
  }

  /** Starts the task once a slot is free; resolves when it started (not when it finished). */
  async submit(task: () => Promise<void>): Promise<void> {
    while (this.running >= this.size()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.running++;
    void task()
      .catch((e: unknown) => {
        // Tasks handle their own record-level errors; anything reaching here is a bug worth surfacing.
        this.firstError ??= e;
      })
      .finally(() => {
        this.running--;
        this.waiters.shift()?.();
        if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
  }

  /** Resolves when every started task finished; rethrows the first unexpected task error. */
  async drain(): Promise<void> {
    if (this.running > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    if (this.firstError !== null) {
      const e = this.firstError;
      this.firstError = null;
      throw e;
    }
  }
}
