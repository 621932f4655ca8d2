import { createHash } from 'node:crypto';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { ErpError, attachRollbackError } from './errors.js';
import { probed, whileOpen } from './driver-support.js';
import { bindNamedParams } from './named-params.js';
import { mapPgError } from './postgres-errors.js';
import type { PgTarget } from './postgres-errors.js';
import { checkParamValue } from './sql-values.js';
import { TYPES, effectiveUrl } from './postgres-config.js';
import { destroySocket, lostError, untilLost, watchClient } from './postgres-client-watch.js';
import { guardStatement, stoppedError, throwIfAborted } from './statement-guard.js';
import type { StatementGuard } from './statement-guard.js';
import type { ErpConnection, ErpExecutor, Row, SqlParams, StatementOptions, UrlErpConfig } from './types.js';

const APP_NAME = 'Infoplus ERP Sync';
const STREAM_BATCH = 500;
/** After a cancel was sent, how long a statement may still take before its socket is closed under it. */
const CANCEL_GRACE_MS = 5_000;
/** Opens a pg pool (application_name 'Infoplus ERP Sync', session TimeZone UTC) and checks it with SELECT 1. */
export async function openPostgres(config: UrlErpConfig): Promise<ErpConnection> {
  const { url, target } = effectiveUrl(config);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: APP_NAME,
    max: config.poolMax ?? 4,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    // TCP keepalive: a connection whose server vanished without a FIN (host down, network cut) is detected
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types: TYPES,
  });
  // an idle client that loses its server must not crash the process; the next statement reports it
  pool.on('error', () => undefined);
  // Watch every client from the moment it connects, before the pool hands it out: the pool drops its own
  // 'error' listener on checkout, and a FATAL that arrives in the same packet as the connect's
  // ReadyForQuery would otherwise be emitted before acquire() could attach one, crashing the process.
  pool.on('connect', (client) => watchClient(client));
  return probed(new PostgresConnection(pool, target, config.requestTimeoutMs ?? 60_000));
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
    // records the client as broken and rejects whatever waits on it (see postgres-client-watch.ts)
    watchClient(client);
    return client;
  }

  /** Cancels whatever the backend runs, from a short-lived separate connection (pg_cancel_backend). */
  private cancelBackend(client: pg.PoolClient): void {
    cancelledClients.add(client); // never reused: a late cancel must not hit its next statement
    // a cancel that cannot reach the server (dead network) would leave the statement waiting forever
    setTimeout(
      () => destroySocket(client, 'Connection terminated: the server did not answer a cancel in time'),
      CANCEL_GRACE_MS,
    ).unref();
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid === undefined) return;
    const canceller = new pg.Client({ connectionString: effectiveUrlFromPool(this.pool) });
    // a canceller terminated between connect and query (a failover, a DBA) must not crash the process
    canceller.on('error', () => undefined);
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
    prepared = false,
  ): Promise<PgResult> {
    throwIfAborted(opts, 'postgres');
    const ctx = { driver: 'postgres' as const, statement: opts?.name, touchpoint: opts?.touchpoint };
    const bound = bindNamedParams(sql, params, 'dollar', ctx);
    const values = toPgValues(bound.values, bound.names, opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => this.cancelBackend(client));
    try {
      const query = prepared
        ? { name: statementName(bound.sql), text: bound.sql, values, types: TYPES }
        : { text: bound.sql, values, types: TYPES };
      const work = client.query(query) as unknown as Promise<PgResult>;
      return await untilLost(client, work);
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
      client.release(state.broken ?? lostError(client) ?? discardIfCancelled(client));
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
          rows = await untilLost(client, cursor.read(STREAM_BATCH));
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
      // on a dead connection pg-cursor's close() waits for a ReadyForQuery that never comes: skip it
      broken ??= lostError(client) ?? undefined;
      if (!broken) {
        try {
          await untilLost(client, cursor.close());
        } catch (e) {
          broken = e instanceof Error ? e : new Error(String(e));
        }
      }
      client.release(broken ?? lostError(client) ?? discardIfCancelled(client));
    }
  }

  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    return this.withClient(opts, async (client, state) => {
      await this.run(client, 'BEGIN', undefined, opts);
      let open = true;
      const tx = whileOpen('postgres', () => open, {
        query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) =>
          rowsOf<T>(await this.run(client, sql, params, o)),
        // statements inside transactions are the profile's fixed write-backs: prepared once per connection
        execute: async (sql, params, o) => ({
          rowsAffected: affectedOf(await this.run(client, sql, params, o, true)),
        }),
      });
      try {
        const result = await fn(tx);
        open = false;
        await this.run(client, 'COMMIT', undefined, opts);
        return result;
      } catch (e) {
        open = false;
        const lost = lostError(client);
        if (lost) {
          // the server ends the transaction with the session; a ROLLBACK could only wait or fail
          state.broken = lost;
          throw e;
        }
        try {
          await untilLost(client, client.query('ROLLBACK'));
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

const cancelledClients = new WeakSet<pg.PoolClient>();

/** An error for release() (which then closes the client) when a cancel was sent to its backend. */
function discardIfCancelled(client: pg.PoolClient): Error | undefined {
  return cancelledClients.has(client)
    ? new Error('statement was cancelled; connection discarded')
    : undefined;
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

/** A server-side prepared statement's name for a SQL text (the same text always gets the same name). */
function statementName(sql: string): string {
  return `ips_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
}
