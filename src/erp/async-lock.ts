/** A FIFO mutex for async work: one holder at a time, waiters in arrival order. */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();

  /** Runs fn once every earlier holder has finished. */
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
