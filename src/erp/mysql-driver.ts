import type { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import type { FieldPacket, Pool, PoolConnection, PoolOptions } from 'mysql2/promise';
import { ErpError, attachRollbackError } from './errors.js';
import { bindNamedParams } from './named-params.js';
import { booleanizer, poolOptions } from './mysql-config.js';
import type { Target } from './mysql-config.js';
import { mapMysqlError } from './mysql-errors.js';
import { checkParamValue } from './sql-values.js';
import { guardStatement, stoppedError, throwIfAborted } from './statement-guard.js';
import type { StatementGuard } from './statement-guard.js';
import type { ErpConnection, ErpExecutor, Row, SqlParams, StatementOptions, UrlErpConfig } from './types.js';

/** Opens a mysql2 pool (session time_zone +00:00, utf8mb4) and checks it with SELECT 1. */
export async function openMysql(config: UrlErpConfig): Promise<ErpConnection> {
  const { options, target } = poolOptions(config);
  const pool = mysql.createPool(options);
  pool.pool.on('connection', (core) => {
    // session clock in UTC so NOW()/TIMESTAMP columns agree with the UTC Dates we bind and read
    core.query("SET time_zone = '+00:00'", () => undefined);
  });
  const conn = new MysqlConnection(pool, options, target, config.requestTimeoutMs ?? 60_000);
  try {
    await conn.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return conn;
}

function toMysqlValues(
  values: readonly unknown[],
  names: readonly string[],
  opts: StatementOptions | undefined,
): unknown[] {
  const ctx = { driver: 'mysql' as const, statement: opts?.name, touchpoint: opts?.touchpoint };
  return values.map((v, k) => {
    checkParamValue(v as never, names[k] ?? '?', ctx);
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
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
        try {
          await c.query(`KILL QUERY ${Math.trunc(threadId)}`);
        } finally {
          await c.end();
        }
      })
      .catch(() => undefined);
  }

  private stopped(guard: StatementGuard, opts: StatementOptions | undefined, e: unknown): ErpError | null {
    if (guard.reason === null) return null;
    return stoppedError(guard.reason, 'mysql', opts, e, opts?.timeoutMs ?? this.defaultTimeoutMs);
  }

  private async run(
    conn: PoolConnection,
    state: { broken: boolean },
    sql: string,
    params: SqlParams | undefined,
    opts: StatementOptions | undefined,
  ): Promise<Result> {
    throwIfAborted(opts, 'mysql');
    const bound = bindNamedParams(sql, params, 'question', {
      driver: 'mysql',
      statement: opts?.name,
      touchpoint: opts?.touchpoint,
    });
    const values = toMysqlValues(bound.values, bound.names, opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => {
      state.broken = true; // a late KILL must never hit the next statement on this connection
      this.killQuery(conn.threadId);
    });
    try {
      // real server-side parameters (binary protocol) when there are values; plain text protocol otherwise
      const r = (
        values.length ? await conn.execute(bound.sql, values as never) : await conn.query(bound.sql)
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
    const bound = bindNamedParams(sql, params, 'question', {
      driver: 'mysql',
      statement: opts?.name,
      touchpoint: opts?.touchpoint,
    });
    const values = toMysqlValues(bound.values, bound.names, opts);
    const conn = await this.acquire(opts);
    let finished = false;
    let fix: ((row: Row) => Row) | null = null;
    const core = conn.connection as unknown as {
      execute(sql: string, values: unknown[]): { stream(o: object): Readable };
      query(sql: string): { stream(o: object): Readable };
    };
    const cmd = values.length ? core.execute(bound.sql, values) : core.query(bound.sql);
    const readable = cmd.stream({ highWaterMark: 256 });
    readable.on('fields', (f: FieldPacket[]) => (fix = booleanizer(f)));
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => {
      this.killQuery(conn.threadId);
      readable.destroy();
    });
    const it = readable[Symbol.asyncIterator]() as AsyncIterator<Row>;
    try {
      for (;;) {
        guard.rearm();
        let r: IteratorResult<Row>;
        try {
          r = await it.next();
        } catch (e) {
          throw this.stopped(guard, opts, e) ?? mapMysqlError(e, opts, this.target);
        }
        guard.pause();
        const stop = this.stopped(guard, opts, undefined);
        if (stop) throw stop;
        if (r.done) break;
        const f = fix as ((row: Row) => Row) | null;
        yield (f ? f(r.value) : r.value) as T;
      }
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
      const check = (o?: StatementOptions): void => {
        if (!open) {
          throw new ErpError({
            code: 'unknown',
            driver: 'mysql',
            detail: 'the transaction has already finished; run statements inside the transaction callback',
            ...(o?.name !== undefined ? { statement: o.name } : {}),
          });
        }
      };
      const tx: ErpExecutor = {
        query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) => {
          check(o);
          return rowsOf<T>(await this.run(conn, state, sql, params, o));
        },
        execute: async (sql, params, o) => {
          check(o);
          return { rowsAffected: affectedOf(await this.run(conn, state, sql, params, o)) };
        },
      };
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
  const fix = booleanizer(fields);
  return (fix ? (data as Row[]).map(fix) : data) as T[];
}

function affectedOf(r: Result): number {
  const [data] = r;
  if (data && typeof data === 'object' && 'affectedRows' in data) return Number(data.affectedRows);
  return 0;
}
