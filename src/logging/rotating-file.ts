import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Options of a size-rotated append-only file. */
export interface RotatingFileOptions {
  readonly file: string;
  /** Rotate when the current file would grow past this many bytes. */
  readonly maxBytes: number;
  /** How many rotated files (`file.1` newest ... `file.N` oldest) are kept besides the current one. */
  readonly maxFiles: number;
}

/**
 * A size-rotated log file written synchronously.
 * Synchronous appends mean a line handed over is on disk even when the process is killed right after,
 * which is what a crash investigation needs; log volume here is small (one line per record at most).
 */
export class RotatingFile {
  private fd: number | null = null;
  private size = 0;

  constructor(private readonly opts: RotatingFileOptions) {
    mkdirSync(dirname(opts.file), { recursive: true, mode: 0o700 });
  }

  /** Appends one chunk (normally one JSON line), rotating first when it would not fit. */
  write(chunk: string): void {
    const bytes = Buffer.byteLength(chunk);
    if (this.fd === null) this.open();
    if (this.size > 0 && this.size + bytes > this.opts.maxBytes) {
      this.rotate();
      this.open();
    }
    writeSync(this.fd as number, chunk);
    this.size += bytes;
  }

  /** Every file that holds lines, oldest first. */
  files(): string[] {
    const out: string[] = [];
    for (let i = this.opts.maxFiles; i >= 1; i--) {
      if (existsSync(`${this.opts.file}.${i}`)) out.push(`${this.opts.file}.${i}`);
    }
    if (existsSync(this.opts.file)) out.push(this.opts.file);
    return out;
  }

  /** Closes the file handle; a later write reopens it. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    this.fd = openSync(this.opts.file, 'a', 0o600);
    this.size = statSync(this.opts.file).size;
  }

  private rotate(): void {
    this.close();
    const { file, maxFiles } = this.opts;
    rmSync(`${file}.${maxFiles}`, { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (maxFiles >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
  }
}
