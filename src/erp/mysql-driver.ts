import type { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import type { FieldPacket, Pool, PoolConnection, PoolOptions } from 'mysql2/promise';
import { attachRollbackError, type ErpError } from './errors.js';
import { bindNamedParams } from './named-params.js';
import { poolOptions, rowFixer } from './mysql-config.js';
import type { Target } from './mysql-config.js';
import { mapMysqlError } from './mysql-errors.js';
import {
  checkedValues,
  guardedRows,
  probed,
  statementContext,
  stoppedBy,
  whileOpen,
} from './driver-support.js';
import { guardStatement, throwIfAborted } from './statement-guard.js';
import type { StatementGuard } from './statement-guard.js';
import type { ErpConnection, ErpExecutor, Row, SqlParams, StatementOptions, UrlErpConfig } from './types.js';

/** Opens a mysql2 pool (session time_zone +00:00, utf8mb4) and checks it with SELECT 1. */
export async function openMysql(config: UrlErpConfig): Promise<ErpConnection> {
  const { options, target } = poolOptions(config);
  const pool = mysql.createPool(options);
  pool.pool.on('connection', (core) => {
    // mysql2's pool listens only once; a second fatal error on a dying connection must not crash the
    // process (statements already get their error through their own callbacks)
    core.on('error', () => undefined);
    // session clock in UTC so NOW()/TIMESTAMP columns agree with the UTC Dates we bind and read
    core.query("SET time_zone = '+00:00'", () => undefined);
  });
  return probed(new MysqlConnection(pool, options, target, config.requestTimeoutMs ?? 60_000));
}

/** Binds @names as `?` and checks the values; bigints go as text so no precision is lost. */
function bindMysql(sql: string, params: SqlParams | undefined, opts: StatementOptions | undefined) {
  const ctx = statementContext('mysql', opts);
  const bound = bindNamedParams(sql, params, 'question', ctx);
  const values = checkedValues(bound.values, bound.names, ctx, (v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
  return { sql: bound.sql, values };
}

type Result = [unknown, FieldPacket[] | undefined];

class MysqlConnection implements ErpConnection {
  readonly driver = 'mysql' as const;

  constructor(
    private readonly pool: Pool,
    private readonly options: PoolOptions,
    private readonly target: Target,
    private readonly defaultTimeoutMs: number,
  ) {}

  private async acquire(opts: StatementOptions | undefined): Promise<PoolConnection> {
    throwIfAborted(opts, 'mysql');
    try {
      return await this.pool.getConnection();
    } catch (e) {
      throw mapMysqlError(e, opts, this.target);
    }
  }

  /** KILL QUERY from a separate short-lived connection; the victim connection is discarded afterwards. */
  private killQuery(threadId: number): void {
    // pool-only keys would make mysql2 print warnings for a plain connection
    const { connectionLimit: _l, waitForConnections: _w, ...single } = this.options;
    void mysql
      .createConnection(single)
      .then(async (c) => {
        c.on('error', () => undefined); // a killer dropped mid-way must not crash the process
        try {
          await c.query(`KILL QUERY ${Math.trunc(threadId)}`);
        } finally {
          await c.end();
        }
      })
      .catch(() => undefined);
  }

  private stopped(guard: StatementGuard, opts: StatementOptions | undefined, e: unknown): ErpError | null {
    return stoppedBy(guard, 'mysql', opts, e, this.defaultTimeoutMs);
  }

  private async run(
    conn: PoolConnection,
    state: { broken: boolean },
    sql: string,
    params: SqlParams | undefined,
    opts: StatementOptions | undefined,
  ): Promise<Result> {
    throwIfAborted(opts, 'mysql');
    const { sql: text, values } = bindMysql(sql, params, opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => {
      state.broken = true; // a late KILL must never hit the next statement on this connection
      this.killQuery(conn.threadId);
    });
    try {
      // real server-side parameters (binary protocol) when there are values; plain text protocol otherwise
      const r = (
        values.length ? await conn.execute(text, values as never) : await conn.query(text)
      ) as Result;
      const stop = this.stopped(guard, opts, undefined);
      if (stop) throw stop; // MariaDB ends a killed SLEEP() with a result, not an error
      return r;
    } catch (e) {
      const err = this.stopped(guard, opts, e) ?? mapMysqlError(e, opts, this.target);
      if (err.code === 'connection-lost') state.broken = true;
      throw err;
    } finally {
      guard.done();
    }
  }

  private async withConn<T>(
    opts: StatementOptions | undefined,
    fn: (c: PoolConnection, state: { broken: boolean }) => Promise<T>,
  ): Promise<T> {
    const conn = await this.acquire(opts);
    const state = { broken: false };
    try {
      return await fn(conn, state);
    } finally {
      if (state.broken) conn.destroy();
      else conn.release();
    }
  }

  query<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<T[]> {
    return this.withConn(opts, async (c, s) => rowsOf<T>(await this.run(c, s, sql, params, opts)));
  }

  execute(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<{ rowsAffected: number }> {
    return this.withConn(opts, async (c, s) => ({
      rowsAffected: affectedOf(await this.run(c, s, sql, params, opts)),
    }));
  }

  stream<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => this.iterate<T>(sql, params, opts) };
  }

  private async *iterate<T extends Row>(
    sql: string,
    params?: SqlParams,
    opts?: StatementOptions,
  ): AsyncGenerator<T> {
    const { sql: text, values } = bindMysql(sql, params, opts);
    const conn = await this.acquire(opts);
    let finished = false;
    let fix: ((row: Row) => Row) | null = null;
    const core = conn.connection as unknown as {
      execute(sql: string, values: unknown[]): { stream(o: object): Readable };
      query(sql: string): { stream(o: object): Readable };
    };
    const cmd = values.length ? core.execute(text, values) : core.query(text);
    const readable = cmd.stream({ highWaterMark: 256 });
    readable.on('fields', (f: FieldPacket[]) => (fix = rowFixer(f)));
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => {
      this.killQuery(conn.threadId);
      readable.destroy();
    });
    const errors = {
      stopped: (e: unknown) => this.stopped(guard, opts, e),
      map: (e: unknown) => mapMysqlError(e, opts, this.target),
    };
    try {
      for await (const row of guardedRows(readable, guard, errors, () => fix)) yield row as T;
      finished = true;
    } finally {
      guard.done();
      // the server keeps sending the rest of an abandoned result: drop that connection instead of draining it
      if (finished) conn.release();
      else {
        readable.destroy();
        conn.destroy();
      }
    }
  }

  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    return this.withConn(opts, async (conn, state) => {
      await this.run(conn, state, 'START TRANSACTION', undefined, opts);
      let open = true;
      const tx = whileOpen('mysql', () => open, {
        query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) =>
          rowsOf<T>(await this.run(conn, state, sql, params, o)),
        execute: async (sql, params, o) => ({
          rowsAffected: affectedOf(await this.run(conn, state, sql, params, o)),
        }),
      });
      try {
        const result = await fn(tx);
        open = false;
        await this.run(conn, state, 'COMMIT', undefined, opts);
        return result;
      } catch (e) {
        open = false;
        try {
          await conn.query('ROLLBACK');
        } catch (rollbackError) {
          state.broken = true;
          attachRollbackError(e, rollbackError);
        }
        throw e;
      }
    });
  }

  async serverInfo(): Promise<string> {
    const rows = await this.query<{ v: string; c: string }>('SELECT VERSION() AS v, @@version_comment AS c');
    const r = rows[0];
    return r ? `${/mariadb/i.test(r.v + r.c) ? 'MariaDB' : 'MySQL'} ${r.v} (${r.c})` : 'MySQL';
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function rowsOf<T>(r: Result): T[] {
  const [data, fields] = r;
  if (!Array.isArray(data)) return [];
  const fix = rowFixer(fields);
  return (fix ? (data as Row[]).map(fix) : data) as T[];
}

function affectedOf(r: Result): number {
  const [data] = r;
  if (data && typeof data === 'object' && 'affectedRows' in data) return Number(data.affectedRows);
  return 0;
}
