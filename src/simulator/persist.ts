/** Optional state file: loaded at start, written atomically (temp file + rename) shortly after changes. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SimStore, StoreSnapshot } from './store.js';

/** Writes the store to a JSON file, debounced, never leaving a half-written file behind. */
export class StatePersister {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly store: SimStore,
    private readonly debounceMs = 200,
  ) {}

  /** Loads the file into the store when it exists; returns whether it did. */
  load(): boolean {
    if (!existsSync(this.file)) return false;
    let snap: StoreSnapshot;
    try {
      snap = JSON.parse(readFileSync(this.file, 'utf8')) as StoreSnapshot;
    } catch (e) {
      throw new Error(`simulator state file ${this.file} is not valid JSON: ${(e as Error).message}`);
    }
    this.store.restore(snap);
    return true;
  }

  /** Marks the state changed; a write follows within the debounce time. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if anything changed (waits for a write in progress first). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        const text = JSON.stringify(this.store.snapshot());
        await mkdir(dirname(this.file), { recursive: true });
        const tmp = `${this.file}.${process.pid}.tmp`;
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, this.file);
      });
    return this.writing;
  }
}
