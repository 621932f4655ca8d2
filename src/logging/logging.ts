import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, stdSerializers, stdTimeFunctions, type Logger } from 'pino';
import type { LogEntry, LogLevel } from '../contract/dto.js';
import { REDACTED, SecretScrubber, redactPaths } from './redact.js';
import { RingBuffer } from './ring-buffer.js';
import { RotatingFile } from './rotating-file.js';

/** What the engine's modules log through: pino's `(obj, msg)` call shape. */
export interface LoggerLike {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options of the process-wide logging set-up. */
export interface LoggingOptions {
  /** Folder of the rotated `sync.log` files; null keeps logs in memory only (tests, `status`). */
  readonly dir: string | null;
  readonly level?: LogLevel;
  /** Default 5 MB per file. */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one; default 5. */
  readonly maxFiles?: number;
  /** Recent entries kept for the Logs window; default 2,000. */
  readonly ringSize?: number;
  /** Also write each line to this stream (e.g. stderr for `serve`). */
  readonly echo?: { write(text: string): unknown } | null;
}

/** Query of the recent entries. */
export interface LogQuery {
  readonly level?: LogLevel;
  readonly search?: string;
  readonly limit?: number;
}

/** One logger per process: named children per module, a redacted rotated file, and a ring buffer for the UI. */
export interface Logging {
  /** A child logger whose lines carry `module`. */
  logger(module: string): Logger;
  /** Registers a secret value so it never reaches a log line, whatever field or message carries it. */
  registerSecret(value: string | null | undefined): void;
  /** The text with every registered secret and credential-shaped part replaced (for text stored elsewhere). */
  scrub(text: string): string;
  /** Recent entries, oldest first, filtered by minimum level and case-insensitive search text. */
  getLogs(query?: LogQuery): LogEntry[];
  /** The whole kept log history (rotated files included, capped at ~10 MB, newest kept) as JSON lines. */
  exportLogs(now?: Date): { fileName: string; jsonl: string };
  /** Called for every entry written; returns an unsubscribe function. */
  onEntry(listener: (entry: LogEntry) => void): () => void;
  /** The current log file, or null when logging to memory only. */
  readonly file: string | null;
  /** Flushes and closes the file. */
  close(): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50 };
const EXPORT_CAP = 10 * 1024 * 1024;

/** Maps pino level labels (incl. trace/fatal) onto the four the UI knows. */
function toLevel(label: unknown): LogLevel {
  if (label === 'trace' || label === 'debug') return 'debug';
  if (label === 'warn') return 'warn';
  if (label === 'error' || label === 'fatal') return 'error';
  return 'info';
}

/** Turns one serialized pino line into a LogEntry, or null when it is not JSON. */
export function parseLogLine(line: string): LogEntry | null {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { level, time, module, msg, ...rest } = obj;
  const context = Object.keys(rest).length > 0 ? rest : undefined;
  return {
    time: typeof time === 'string' ? time : new Date().toISOString(),
    level: toLevel(level),
    module: typeof module === 'string' ? module : 'app',
    msg: typeof msg === 'string' ? msg : '',
    ...(context ? { context } : {}),
  };
}

/** Creates the process's logging: pino with redaction, a rotated file, a ring buffer and live listeners. */
export function createLogging(opts: LoggingOptions): Logging {
  const scrubber = new SecretScrubber();
  const ring = new RingBuffer<LogEntry>(opts.ringSize ?? 2000);
  const listeners = new Set<(e: LogEntry) => void>();
  const file = opts.dir
    ? new RotatingFile({
        file: join(opts.dir, 'sync.log'),
        maxBytes: opts.maxBytes ?? 5 * 1024 * 1024,
        maxFiles: opts.maxFiles ?? 5,
      })
    : null;

  const destination = {
    write(chunk: string): void {
      const text = scrubber.scrub(chunk);
      file?.write(text);
      opts.echo?.write(text);
      const entry = parseLogLine(text);
      if (!entry) return;
      ring.push(entry);
      for (const l of listeners) {
        try {
          l(entry);
        } catch {
          // A failing UI listener must never break logging.
        }
      }
    },
  };

  const root = pino(
    {
      level: opts.level ?? 'info',
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor: REDACTED },
      serializers: { err: stdSerializers.err, error: stdSerializers.err },
    },
    destination,
  );

  return {
    file: file ? join(opts.dir as string, 'sync.log') : null,
    logger: (module) => root.child({ module }),
    registerSecret: (value) => scrubber.add(value),
    scrub: (text) => scrubber.scrub(text),
    getLogs(query = {}) {
      const min = LEVEL_RANK[query.level ?? 'debug'];
      const needle = query.search?.trim().toLowerCase();
      let out = ring.toArray().filter((e) => LEVEL_RANK[e.level] >= min);
      if (needle) {
        out = out.filter((e) =>
          `${e.module} ${e.msg} ${e.context ? JSON.stringify(e.context) : ''}`.toLowerCase().includes(needle),
        );
      }
      const limit = query.limit ?? 500;
      return out.slice(-limit);
    },
    exportLogs(now = new Date()) {
      const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
      const fileName = `infoplus-sync-logs-${stamp}.jsonl`;
      if (!file) {
        return {
          fileName,
          jsonl:
            ring
              .toArray()
              .map((e) => JSON.stringify(e))
              .join('\n') + '\n',
        };
      }
      const parts = file.files().map((f) => readFileSync(f, 'utf8'));
      let jsonl = parts.join('');
      if (jsonl.length > EXPORT_CAP) {
        jsonl = jsonl.slice(jsonl.length - EXPORT_CAP);
        jsonl = jsonl.slice(jsonl.indexOf('\n') + 1);
      }
      // Lines were scrubbed when written; scrub again for secrets registered since.
      return { fileName, jsonl: scrubber.scrub(jsonl) };
    },
    onEntry(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      root.flush();
      file?.close();
    },
  };
}
