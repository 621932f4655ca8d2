/** Shared pieces of the `run`, `status`, `demo` and `serve` commands. */
import { InvalidArgumentError } from 'commander';
import { isTouchpoint, TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { defaultDataDir } from './data-dir.js';

/** Options every engine command shares. */
export interface CommonCliOptions {
  config?: string;
  demo?: boolean;
  dataDir?: string;
  json?: boolean;
}

/** Commander argument parser collecting repeated `--touchpoint NAME`. */
export function collectTouchpoint(value: string, previous: TouchpointName[] = []): TouchpointName[] {
  if (!isTouchpoint(value)) {
    throw new InvalidArgumentError(`"${value}" is not a touchpoint; use one of: ${TOUCHPOINTS.join(', ')}.`);
  }
  return [...previous, value];
}

/** Commander parser of a positive whole number. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1.`);
  return n;
}

/** Commander parser of a TCP port (0 = any free one). */
export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port (0-65535).`);
  return n;
}

/** The data folder: --data-dir, else INFOPLUS_SYNC_DATA_DIR, else the OS app-data folder. */
export function dataDirOf(opts: CommonCliOptions): string {
  return opts.dataDir ?? defaultDataDir();
}

/** Refuses --config together with --demo. */
export function checkConfigOrDemo(opts: CommonCliOptions): void {
  if (opts.config && opts.demo) throw new Error('Use either --config FILE or --demo, not both.');
}

/** Formats rows as a left/right aligned text table (numbers right-aligned). */
export function table(header: string[], rows: (string | number)[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: (string | number)[]): string =>
    cells
      .map((c, i) =>
        typeof c === 'number' ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Writes a line to stdout. */
export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}
