import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AsyncLock } from './async-lock.js';
import { ErpError } from './errors.js';
import { bindNamedParams } from './named-params.js';
import { checkedValues, statementContext, whileOpen } from './driver-support.js';
import { dateToSqliteText, decimalFromNumber, integerValue, parseSqliteDate } from './sql-values.js';
import { mapSqliteError } from './sqlite-errors.js';
import { isMemoryPath as isMemory, sqlitePath } from './sqlite-path.js';
import { stoppedError, throwIfAborted } from './statement-guard.js';
import type { ErpConnection, ErpExecutor, Row, SqlParams, StatementOptions, UrlErpConfig } from './types.js';

type Db = Database.Database;

/**
 * 4 MB of page cache per connection instead of better-sqlite3's 16 MB: scans read on, writes touch few pages,
 * and each of the main and reader connections otherwise kept up to 16 MB once the ERP was that big (a long
 * run's RSS grew by it).
 */
const CACHE_SIZE = 'cache_size = -4000';
type Converter = (v: unknown) => unknown;

/**
 * Opens a SQLite database with better-sqlite3: WAL journal, busy_timeout = requestTimeoutMs (default 5 s).
 * The file must exist unless config.createIfMissing is set, so a typo does not create an empty ERP.
 */
export async function openSqlite(config: UrlErpConfig): Promise<ErpConnection> {
  const path = sqlitePath(config.url);
  const busyMs = config.requestTimeoutMs ?? 5000;
  if (!isMemory(path) && !config.createIfMissing && !existsSync(path)) {
    throw new ErpError({
      code: 'database-not-found',
      driver: 'sqlite',
      detail: `SQLite database file ${path} does not exist (check the path; set createIfMissing to create it)`,
    });
  }
  let db: Db;
  try {
    db = new Database(path, { timeout: busyMs });
    db.pragma(CACHE_SIZE);
    if (!isMemory(path)) db.pragma('journal_mode = WAL');
  } catch (e) {
    throw mapSqliteError(e, undefined, path);
  }
  return new SqliteConnection(db, path, busyMs);
}

function converterFor(declared: string | null): Converter | null {
  if (declared === null) return null;
  const t = declared.toUpperCase();
  if (/BOOL/.test(t)) return (v) => (v === 0n || v === 1n || v === 0 || v === 1 ? Number(v) === 1 : v);
  const dec = /^(DECIMAL|NUMERIC|MONEY)\b\s*(?:\(\s*\d+\s*(?:,\s*(\d+)\s*)?\))?/.exec(t);
  if (dec) {
    const scale = dec[2] !== undefined ? Number(dec[2]) : undefined;
    return (v) => {
      if (typeof v === 'number') return decimalFromNumber(v, scale);
      if (typeof v === 'bigint') return scale ? `${v.toString()}.${'0'.repeat(scale)}` : v.toString();
      return v;
    };
  }
  if (/^(DATE|DATETIME|TIMESTAMP)/.test(t)) return (v) => (typeof v === 'string' ? parseSqliteDate(v) : v);
  return null;
}

/**
 * Rows of a reading statement as objects, built from better-sqlite3's raw arrays with one converter per column
 * picked once per statement (a full scan converts every value of every row: no per-value look-up by name).
 */
interface RowReader {
  readonly raw: boolean;
  readonly build: (values: unknown[]) => Row;
}

function rowReader(stmt: Database.Statement): RowReader {
  const columns = stmt.columns();
  const names = columns.map((c) => c.name);
  // a column named like an Object.prototype member would change the object itself when assigned: objects then
  // come from better-sqlite3 as before
  if (names.some((n) => n === '__proto__')) {
    const conv = new Map<string, Converter>();
    for (const c of columns) {
      const f = converterFor(c.type);
      if (f) conv.set(c.name, f);
    }
    return {
      raw: false,
      build: (values) => {
        const row = values as unknown as Record<string, unknown>;
        for (const k in row) {
          const f = conv.get(k);
          let v = f ? f(row[k]) : row[k];
          if (typeof v === 'bigint') v = integerValue(v);
          row[k] = v;
        }
        return row;
      },
    };
  }
  const convs = columns.map((c) => converterFor(c.type));
  const n = names.length;
  return {
    raw: true,
    build: (values) => {
      const row: Row = {};
      for (let i = 0; i < n; i++) {
        const f = convs[i];
        let v = f ? f(values[i]) : values[i];
        if (typeof v === 'bigint') v = integerValue(v);
        row[names[i]!] = v;
      }
      return row;
    },
  };
}

function prepare(
  db: Db,
  sql: string,
  params: SqlParams | undefined,
  opts: StatementOptions | undefined,
  cached = true,
): { stmt: Database.Statement; values: unknown[] } {
  const ctx = statementContext('sqlite', opts);
  const bound = bindNamedParams(sql, params, 'question', ctx);
  const values = checkedValues(bound.values, bound.names, ctx, (v) => {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Date) return dateToSqliteText(v);
    return v;
  });
  return { stmt: cached ? prepared(db, bound.sql) : fresh(db, bound.sql), values };
}

function fresh(db: Db, sql: string): Database.Statement {
  const stmt = db.prepare(sql);
  stmt.safeIntegers(true);
  return stmt;
}

// Prepared statements per connection and SQL text: a pull runs the same statements for every record. Streams
// prepare their own (an iterating statement is busy until it ends).
const preparedByDb = new WeakMap<Db, Map<string, Database.Statement>>();
const PREPARED_MAX = 500;

function prepared(db: Db, sql: string): Database.Statement {
  let cache = preparedByDb.get(db);
  if (!cache) preparedByDb.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= PREPARED_MAX) cache.clear();
    stmt = fresh(db, sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

function runQuery<T extends Row>(db: Db, sql: string, params?: SqlParams, opts?: StatementOptions): T[] {
  const { stmt, values } = prepare(db, sql, params, opts);
  if (!stmt.reader) {
    stmt.run(values);
    return [];
  }
  const reader = rowReader(stmt);
  stmt.raw(reader.raw);
  const rows = stmt.all(values) as unknown[][];
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = reader.build(rows[i]!) as T;
  return out;
}

function runExecute(
  db: Db,
  sql: string,
  params?: SqlParams,
  opts?: StatementOptions,
): { rowsAffected: number } {
  const { stmt, values } = prepare(db, sql, params, opts);
  if (stmt.reader) return { rowsAffected: stmt.all(values).length };
  return { rowsAffected: stmt.run(values).changes };
}

/** Rows `stream` reads per synchronous step. */
const STREAM_READ_AHEAD = 64;

class SqliteConnection implements ErpConnection {
  readonly driver = 'sqlite' as const;
  private readonly lock = new AsyncLock();
  // marks code running inside one of our transaction callbacks: it must use `tx`, the lock is its own
  private readonly inTransaction = new AsyncLocalStorage<symbol>();
  private activeTx: symbol | null = null;
  private readonly idleReaders: Db[] = [];
  private readonly allReaders = new Set<Db>();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly path: string,
    private readonly busyMs: number,
  ) {}

  private guard<T>(opts: StatementOptions | undefined, fn: () => T): T {
    throwIfAborted(opts, 'sqlite');
    try {
      return fn();
    } catch (e) {
      throw mapSqliteError(e, opts, this.path);
    }
  }

  /** Runs a statement on the main connection once no transaction holds it. */
  private async locked<T>(opts: StatementOptions | undefined, fn: () => T): Promise<T> {
    this.refuseInsideTransaction(opts);
    return this.lock.run(() => this.guard(opts, fn));
  }

  /** The outer connection used inside a transaction callback would wait for that transaction forever. */
  private refuseInsideTransaction(opts: StatementOptions | undefined): void {
    const mark = this.inTransaction.getStore();
    if (mark !== undefined && mark === this.activeTx) {
      throw new ErpError({
        code: 'unknown',
        driver: 'sqlite',
        detail:
          'a statement on the connection itself was run inside a transaction callback; use the `tx` executor ' +
          'the callback receives (SQLite has one connection, so this would wait for the transaction forever)',
        ...(opts?.name !== undefined ? { statement: opts.name } : {}),
        ...(opts?.touchpoint !== undefined ? { touchpoint: opts.touchpoint } : {}),
      });
    }
  }

  query<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<T[]> {
    return this.locked(opts, () => runQuery<T>(this.db, sql, params, opts));
  }

  execute(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<{ rowsAffected: number }> {
    return this.locked(opts, () => runExecute(this.db, sql, params, opts));
  }

  stream<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => this.iterate<T>(sql, params, opts) };
  }

  streamBatches<T extends Row = Row>(
    sql: string,
    params: SqlParams | undefined,
    size: number,
    opts?: StatementOptions,
  ): AsyncIterable<T[]> {
    return { [Symbol.asyncIterator]: () => this.iterateBatches<T>(sql, params, Math.max(1, size), opts) };
  }

  private async *iterate<T extends Row>(
    sql: string,
    params?: SqlParams,
    opts?: StatementOptions,
  ): AsyncGenerator<T> {
    // a few rows read ahead per step; the consumer still gets them one by one. An in-memory database streams on
    // its only connection: one row at a time, so a statement run inside the loop is refused as before.
    const ahead = isMemory(this.path) ? 1 : STREAM_READ_AHEAD;
    for await (const batch of this.iterateBatches<T>(sql, params, ahead, opts)) yield* batch;
  }

  /** Reads `size` rows synchronously per step: one promise per batch, not per row. */
  private async *iterateBatches<T extends Row>(
    sql: string,
    params: SqlParams | undefined,
    size: number,
    opts?: StatementOptions,
  ): AsyncGenerator<T[]> {
    throwIfAborted(opts, 'sqlite');
    const reader = this.acquireReader();
    let it: IterableIterator<unknown> | undefined;
    try {
      const prepared = this.guard(opts, () => prepare(reader, sql, params, opts, false));
      const rows = prepared.stmt.reader ? rowReader(prepared.stmt) : null;
      if (rows) prepared.stmt.raw(rows.raw);
      it = this.guard(opts, () => prepared.stmt.iterate(prepared.values));
      for (let done = false; !done;) {
        if (opts?.signal?.aborted) throw stoppedError('cancelled', 'sqlite', opts, undefined);
        const batch: T[] = [];
        while (batch.length < size) {
          // the guard's error mapping inline: a closure per row costs more than the row itself on big scans
          let r: IteratorResult<unknown>;
          try {
            r = it.next();
          } catch (e) {
            throw mapSqliteError(e, opts, this.path);
          }
          if (r.done) {
            done = true;
            break;
          }
          batch.push((rows ? rows.build(r.value as unknown[]) : r.value) as T);
        }
        if (batch.length > 0) yield batch;
      }
    } finally {
      it?.return?.();
      this.releaseReader(reader);
    }
  }

  /** File databases stream on their own read-only connection so the main one stays free for writes. */
  private acquireReader(): Db {
    if (this.closed)
      throw mapSqliteError(new TypeError('The database connection is not open'), undefined, this.path);
    if (isMemory(this.path)) return this.db;
    const idle = this.idleReaders.pop();
    if (idle) return idle;
    try {
      const r = new Database(this.path, { readonly: true, fileMustExist: true, timeout: this.busyMs });
      r.pragma(CACHE_SIZE);
      this.allReaders.add(r);
      return r;
    } catch (e) {
      throw mapSqliteError(e, undefined, this.path);
    }
  }

  private releaseReader(r: Db): void {
    if (r === this.db) return;
    if (this.closed) {
      r.close();
      this.allReaders.delete(r);
    } else {
      this.idleReaders.push(r);
    }
  }

  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    try {
      this.refuseInsideTransaction(opts);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.lock.run(async () => {
      this.guard(opts, () => this.db.exec('BEGIN IMMEDIATE'));
      let open = true;
      const tx = whileOpen('sqlite', () => open, {
        query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) =>
          this.guard(o, () => runQuery<T>(this.db, sql, params, o)),
        execute: async (sql, params, o) => this.guard(o, () => runExecute(this.db, sql, params, o)),
      });
      try {
        const mark = Symbol('sqlite transaction');
        this.activeTx = mark;
        const result = await this.inTransaction.run(mark, () => fn(tx));
        this.guard(opts, () => this.db.exec('COMMIT'));
        return result;
      } catch (e) {
        try {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
        } catch {
          // the original error matters more; SQLite drops the transaction when the connection closes anyway
        }
        throw e;
      } finally {
        open = false;
        this.activeTx = null;
      }
    });
  }

  async serverInfo(): Promise<string> {
    const rows = await this.query<{ v: string }>('SELECT sqlite_version() AS v');
    return `SQLite ${rows[0]?.v ?? '?'}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock.run(() => {
      for (const r of this.idleReaders.splice(0)) {
        r.close();
        this.allReaders.delete(r);
      }
      this.db.close();
    });
  }
}
