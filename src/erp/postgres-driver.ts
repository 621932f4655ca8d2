import pg from 'pg';
import Cursor from 'pg-cursor';
import { ErpError, attachRollbackError } from './errors.js';
import { bindNamedParams } from './named-params.js';
import { mapPgError } from './postgres-errors.js';
import type { PgTarget } from './postgres-errors.js';
import { checkParamValue, integerValue } from './sql-values.js';
import { guardStatement, stoppedError, throwIfAborted } from './statement-guard.js';
import type { StatementGuard } from './statement-guard.js';
import type { ErpConnection, ErpExecutor, Row, SqlParams, StatementOptions, UrlErpConfig } from './types.js';

const APP_NAME = 'Infoplus ERP Sync';
const STREAM_BATCH = 500;
const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;

/** Result types every driver returns alike: int8 -> number (string past 2^53), DATE -> midnight UTC, TIMESTAMP as UTC. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
    if (format !== 'binary') {
      if (oid === INT8) return (v: string) => integerValue(v);
      if (oid === DATE) return (v: string) => utcDate(`${v}T00:00:00Z`, v);
      if (oid === TIMESTAMP) return (v: string) => utcDate(`${v.replace(' ', 'T')}Z`, v);
    }
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

function utcDate(iso: string, raw: string): Date | string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? raw : d; // infinity, BC dates stay text
}

/** URL with the TimeZone session setting added (URL values override pg's config object, so it goes in the URL). */
function effectiveUrl(config: UrlErpConfig): { url: string; target: PgTarget } {
  let u: URL;
  try {
    u = new URL(config.url);
  } catch {
    throw new ErpError({
      code: 'unknown',
      driver: 'postgres',
      detail: 'the PostgreSQL URL is not valid; expected postgres://user@host:5432/database',
    });
  }
  if (config.password !== undefined && !u.password) u.password = encodeURIComponent(config.password);
  const options = u.searchParams.get('options') ?? '';
  if (!/TimeZone/i.test(options)) u.searchParams.set('options', `${options} -c TimeZone=UTC`.trim());
  const target: PgTarget = {
    host: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username),
    user: decodeURIComponent(u.username),
    password: u.password ? decodeURIComponent(u.password) : undefined,
  };
  return { url: u.toString(), target };
}

/** Opens a pg pool (application_name 'Infoplus ERP Sync', session TimeZone UTC) and checks it with SELECT 1. */
export async function openPostgres(config: UrlErpConfig): Promise<ErpConnection> {
  const { url, target } = effectiveUrl(config);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: APP_NAME,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    types: TYPES,
  });
  // an idle client that loses its server must not crash the process; the next statement reports it
  pool.on('error', () => undefined);
  const conn = new PostgresConnection(pool, target, config.requestTimeoutMs ?? 60_000);
  try {
    await conn.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return conn;
}

function toPgValues(
  values: readonly unknown[],
  names: readonly string[],
  opts: StatementOptions | undefined,
): unknown[] {
  const ctx = { driver: 'postgres' as const, statement: opts?.name, touchpoint: opts?.touchpoint };
  return values.map((v, k) => {
    checkParamValue(v as never, names[k] ?? '?', ctx);
    if (v instanceof Date) return v.toISOString(); // 'Z' instant; timestamp-without-zone columns keep the UTC wall time
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}

type PgResult = pg.QueryResult<Row> | pg.QueryResult<Row>[];

class PostgresConnection implements ErpConnection {
  readonly driver = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: PgTarget,
    private readonly defaultTimeoutMs: number,
  ) {}

  private async acquire(opts: StatementOptions | undefined): Promise<pg.PoolClient> {
    throwIfAborted(opts, 'postgres');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw mapPgError(e, opts, this.target);
    }
    // a server that drops a checked-out client emits 'error' on it; the failing statement reports it instead
    if (client.listenerCount('error') === 0) client.on('error', ignore);
    return client;
  }

  /** Cancels whatever the backend runs, from a short-lived separate connection (pg_cancel_backend). */
  private cancelBackend(client: pg.PoolClient): void {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid === undefined) return;
    const canceller = new pg.Client({ connectionString: effectiveUrlFromPool(this.pool) });
    canceller
      .connect()
      .then(() => canceller.query('SELECT pg_cancel_backend($1)', [pid]))
      .catch(() => undefined)
      .finally(() => void canceller.end().catch(() => undefined));
  }

  /** One statement on a given client, with timeout/cancel and error mapping. */
  private async run(
    client: pg.PoolClient,
    sql: string,
    params: SqlParams | undefined,
    opts?: StatementOptions,
  ): Promise<PgResult> {
    throwIfAborted(opts, 'postgres');
    const ctx = { driver: 'postgres' as const, statement: opts?.name, touchpoint: opts?.touchpoint };
    const bound = bindNamedParams(sql, params, 'dollar', ctx);
    const values = toPgValues(bound.values, bound.names, opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => this.cancelBackend(client));
    try {
      return (await client.query({ text: bound.sql, values, types: TYPES })) as unknown as PgResult;
    } catch (e) {
      throw (
        this.stopped(guard, opts, e) ??
        mapPgError(e, opts, this.target, bound.toOriginalPosition, bound.names)
      );
    } finally {
      guard.done();
    }
  }

  private stopped(guard: StatementGuard, opts: StatementOptions | undefined, e: unknown): ErpError | null {
    if (guard.reason === null) return null;
    return stoppedError(guard.reason, 'postgres', opts, e, opts?.timeoutMs ?? this.defaultTimeoutMs);
  }

  private async withClient<T>(
    opts: StatementOptions | undefined,
    fn: (c: pg.PoolClient, state: { broken?: Error }) => Promise<T>,
  ): Promise<T> {
    const client = await this.acquire(opts);
    const state: { broken?: Error } = {};
    try {
      return await fn(client, state);
    } catch (e) {
      if (e instanceof ErpError && e.code === 'connection-lost') state.broken = e;
      throw e;
    } finally {
      client.release(state.broken);
    }
  }

  query<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<T[]> {
    return this.withClient(opts, async (c) => rowsOf<T>(await this.run(c, sql, params, opts)));
  }

  execute(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<{ rowsAffected: number }> {
    return this.withClient(opts, async (c) => ({
      rowsAffected: affectedOf(await this.run(c, sql, params, opts)),
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
    const ctx = { driver: 'postgres' as const, statement: opts?.name, touchpoint: opts?.touchpoint };
    const bound = bindNamedParams(sql, params, 'dollar', ctx);
    const values = toPgValues(bound.values, bound.names, opts);
    const client = await this.acquire(opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => this.cancelBackend(client));
    let broken: Error | undefined;
    const cursor = client.query(new Cursor<T>(bound.sql, values, { types: TYPES }));
    try {
      for (;;) {
        guard.rearm();
        let rows: T[];
        try {
          rows = await cursor.read(STREAM_BATCH);
        } catch (e) {
          const err =
            this.stopped(guard, opts, e) ??
            mapPgError(e, opts, this.target, bound.toOriginalPosition, bound.names);
          if (err.code === 'connection-lost') broken = err;
          throw err;
        }
        guard.pause(); // time spent by the consumer does not count against the statement timeout
        const stop = this.stopped(guard, opts, undefined);
        if (stop) throw stop;
        if (rows.length === 0) return;
        for (const r of rows) yield r;
        if (rows.length < STREAM_BATCH) return;
      }
    } finally {
      guard.done();
      try {
        await cursor.close();
      } catch (e) {
        broken = e instanceof Error ? e : new Error(String(e));
      }
      client.release(broken);
    }
  }

  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    return this.withClient(opts, async (client, state) => {
      await this.run(client, 'BEGIN', undefined, opts);
      let open = true;
      const check = (o?: StatementOptions): void => {
        if (!open) throw finishedError(o);
      };
      const tx: ErpExecutor = {
        query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) => {
          check(o);
          return rowsOf<T>(await this.run(client, sql, params, o));
        },
        execute: async (sql, params, o) => {
          check(o);
          return { rowsAffected: affectedOf(await this.run(client, sql, params, o)) };
        },
      };
      try {
        const result = await fn(tx);
        open = false;
        await this.run(client, 'COMMIT', undefined, opts);
        return result;
      } catch (e) {
        open = false;
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // keep the original error; a client that cannot roll back is thrown away
          state.broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          attachRollbackError(e, rollbackError);
        }
        throw e;
      }
    });
  }

  async serverInfo(): Promise<string> {
    const rows = await this.query<{ v: string }>('SELECT version() AS v');
    return rows[0]?.v ?? 'PostgreSQL';
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function ignore(): void {
  // see acquire()
}

function effectiveUrlFromPool(pool: pg.Pool): string {
  return (pool.options as { connectionString?: string }).connectionString ?? '';
}

function rowsOf<T>(r: PgResult): T[] {
  if (Array.isArray(r)) {
    for (let i = r.length - 1; i >= 0; i--) if (r[i]?.rows.length) return r[i]?.rows as T[];
    return [];
  }
  return r.rows as T[];
}

function affectedOf(r: PgResult): number {
  const list = Array.isArray(r) ? r : [r];
  return list.reduce((n, x) => n + (x.command === 'SELECT' ? 0 : (x.rowCount ?? 0)), 0);
}

function finishedError(o: StatementOptions | undefined): ErpError {
  return new ErpError({
    code: 'unknown',
    driver: 'postgres',
    detail: 'the transaction has already finished; run statements inside the transaction callback',
    ...(o?.name !== undefined ? { statement: o.name } : {}),
  });
}
