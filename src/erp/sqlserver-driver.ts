import type { Readable } from 'node:stream';
import sql from 'mssql';
import { AsyncLock } from './async-lock.js';
import { ErpError, attachRollbackError } from './errors.js';
import { bindNamedParams } from './named-params.js';
import { parseSqlServerTarget, toMssqlConfig } from './sqlserver-config.js';
import type { SqlServerTarget } from './sqlserver-config.js';
import { mapMssqlError } from './sqlserver-errors.js';
import { checkParamValue, decimalFromNumber, integerValue } from './sql-values.js';
import { guardedRows, statementContext, stoppedBy, whileOpen } from './driver-support.js';
import { guardStatement, throwIfAborted, type StatementGuard } from './statement-guard.js';
import type {
  ErpConnection,
  ErpExecutor,
  Row,
  SqlParams,
  SqlServerConfig,
  SqlValue,
  StatementOptions,
} from './types.js';

interface Target {
  readonly host: string;
  readonly database?: string | undefined;
  readonly password?: string | undefined;
}

type ColumnMeta = Record<string, { type?: unknown; scale?: number }>;

/**
 * Opens an mssql (tedious) pool: SQL or NTLM login, instance or port, encrypt/trustServerCertificate,
 * appName 'Infoplus ERP Sync'. tedious' own request timeout is off; statement timeouts use request.cancel()
 * so a slow consumer of a stream is not mistaken for a slow server.
 */
export async function openSqlServer(config: SqlServerConfig): Promise<ErpConnection> {
  const t = parseSqlServerTarget(config);
  const mssqlConfig = { ...toMssqlConfig(t), requestTimeout: 0 } as unknown as sql.config;
  const target: Target = {
    host:
      t.instance !== undefined && t.port === undefined
        ? `${t.server}\\${t.instance}`
        : `${t.server}:${t.port ?? 1433}`,
    database: t.database,
    password: t.password,
  };
  const pool = new sql.ConnectionPool(mssqlConfig);
  pool.on('error', () => undefined); // reported on the next statement
  try {
    await pool.connect();
  } catch (e) {
    await pool.close().catch(() => undefined);
    throw mapMssqlError(e, undefined, target);
  }
  return new SqlServerConnection(pool, target, t);
}

/** Binds one value with an explicit type: strings as NVARCHAR so unicode survives, numbers by range. */
function input(req: sql.Request, name: string, v: SqlValue): void {
  if (v === null) req.input(name, sql.NVarChar(4000), null);
  else if (typeof v === 'string')
    req.input(name, v.length <= 4000 ? sql.NVarChar(4000) : sql.NVarChar(sql.MAX), v);
  else if (typeof v === 'boolean') req.input(name, sql.Bit, v);
  else if (typeof v === 'bigint') req.input(name, sql.BigInt, v.toString());
  else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) req.input(name, sql.Int, v);
    else if (Number.isSafeInteger(v)) req.input(name, sql.BigInt, v);
    else req.input(name, sql.Float, v);
  } else if (v instanceof Date) req.input(name, sql.DateTime2(7), v);
  else req.input(name, sql.VarBinary(sql.MAX), v);
}

function converter(columns: ColumnMeta | undefined): ((row: Row) => Row) | null {
  if (!columns) return null;
  const fixes: [string, (v: unknown) => unknown][] = [];
  for (const [name, c] of Object.entries(columns)) {
    if (c.type === sql.Decimal || c.type === sql.Numeric) {
      fixes.push([name, (v) => (typeof v === 'number' ? decimalFromNumber(v, c.scale) : v)]);
    } else if (c.type === sql.Money || c.type === sql.SmallMoney) {
      fixes.push([name, (v) => (typeof v === 'number' ? decimalFromNumber(v, 4) : v)]);
    } else if (c.type === sql.BigInt) {
      fixes.push([name, (v) => (typeof v === 'string' || typeof v === 'bigint' ? integerValue(v) : v)]);
    }
  }
  if (fixes.length === 0) return null;
  return (row) => {
    for (const [name, f] of fixes) {
      const v = row[name];
      if (v !== null && v !== undefined) row[name] = f(v);
    }
    return row;
  };
}

class SqlServerConnection implements ErpConnection {
  readonly driver = 'sqlserver' as const;
  private readonly defaultTimeoutMs: number;

  constructor(
    private readonly pool: sql.ConnectionPool,
    private readonly target: Target,
    t: SqlServerTarget,
  ) {
    this.defaultTimeoutMs = t.requestTimeoutMs;
  }

  private prepare(
    req: sql.Request,
    text: string,
    params: SqlParams | undefined,
    opts: StatementOptions | undefined,
  ): void {
    const ctx = statementContext('sqlserver', opts);
    const bound = bindNamedParams(text, params, 'named', ctx);
    bound.names.forEach((name, k) => {
      const v = bound.values[k] ?? null;
      checkParamValue(v, name, ctx);
      input(req, name, v);
    });
  }

  private async run(
    makeRequest: () => sql.Request,
    text: string,
    params: SqlParams | undefined,
    opts: StatementOptions | undefined,
  ): Promise<sql.IResult<Row>> {
    throwIfAborted(opts, 'sqlserver');
    const req = makeRequest();
    this.prepare(req, text, params, opts);
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => req.cancel());
    try {
      const result = await req.query<Row>(text);
      const stop = this.stopped(guard, opts, undefined);
      if (stop) throw stop;
      return result;
    } catch (e) {
      throw this.stopped(guard, opts, e) ?? mapMssqlError(e, opts, this.target);
    } finally {
      guard.done();
    }
  }

  private stopped(guard: StatementGuard, opts: StatementOptions | undefined, e: unknown): ErpError | null {
    return stoppedBy(guard, 'sqlserver', opts, e, this.defaultTimeoutMs);
  }

  query<T extends Row = Row>(text: string, params?: SqlParams, opts?: StatementOptions): Promise<T[]> {
    return this.run(() => this.pool.request(), text, params, opts).then(rowsOf<T>);
  }

  execute(text: string, params?: SqlParams, opts?: StatementOptions): Promise<{ rowsAffected: number }> {
    return this.run(() => this.pool.request(), text, params, opts).then(affectedOf);
  }

  stream<T extends Row = Row>(text: string, params?: SqlParams, opts?: StatementOptions): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => this.iterate<T>(text, params, opts) };
  }

  private async *iterate<T extends Row>(
    text: string,
    params?: SqlParams,
    opts?: StatementOptions,
  ): AsyncGenerator<T> {
    throwIfAborted(opts, 'sqlserver');
    const req = this.pool.request();
    this.prepare(req, text, params, opts);
    let fix: ((row: Row) => Row) | null = null;
    req.on('recordset', (columns: ColumnMeta) => (fix = converter(columns)));
    const readable: Readable = req.toReadableStream({ highWaterMark: 256 });
    const guard = guardStatement(opts, this.defaultTimeoutMs, () => req.cancel());
    let finished = false;
    req.query(text).catch(() => undefined); // failures arrive through the stream
    const errors = {
      stopped: (e: unknown) => this.stopped(guard, opts, e),
      map: (e: unknown) => mapMssqlError(e, opts, this.target),
    };
    try {
      for await (const row of guardedRows(readable, guard, errors, () => fix)) yield row as T;
      finished = true;
    } finally {
      guard.done();
      if (!finished) {
        // stop the server sending the rest; mssql releases the connection when the request ends
        req.cancel();
        readable.destroy();
      }
    }
  }

  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    return this.runTransaction(fn, opts);
  }

  private async runTransaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R> {
    throwIfAborted(opts, 'sqlserver');
    const transaction = new sql.Transaction(this.pool);
    try {
      await transaction.begin();
    } catch (e) {
      throw mapMssqlError(e, opts, this.target);
    }
    // one request at a time on the transaction's connection
    const lock = new AsyncLock();
    let open = true;
    const make = (): sql.Request => new sql.Request(transaction);
    // the open check runs inside the lock: a statement queued behind COMMIT must see the transaction closed
    const inner = whileOpen('sqlserver', () => open, {
      query: async <T extends Row = Row>(text: string, params?: SqlParams, o?: StatementOptions) =>
        rowsOf<T>(await this.run(make, text, params, o)),
      execute: async (text, params, o) => affectedOf(await this.run(make, text, params, o)),
    });
    const tx: ErpExecutor = {
      query: <T extends Row = Row>(text: string, params?: SqlParams, o?: StatementOptions) =>
        lock.run(() => inner.query<T>(text, params, o)),
      execute: (text, params, o) => lock.run(() => inner.execute(text, params, o)),
    };
    let committing = false;
    try {
      const result = await fn(tx);
      committing = true;
      await lock.run(async () => {
        open = false;
        await transaction.commit();
      });
      return result;
    } catch (e) {
      open = false;
      try {
        await lock.run(() => transaction.rollback());
      } catch (rollbackError) {
        // SQL Server may already have rolled back (XACT_ABORT, deadlock victim); keep the original error
        attachRollbackError(e, rollbackError);
      }
      // the caller's own errors pass through as thrown (its statements' errors are mapped already)
      throw e instanceof ErpError || !committing ? e : mapMssqlError(e, opts, this.target);
    }
  }

  async serverInfo(): Promise<string> {
    const rows = await this.query<{ v: string }>('SELECT @@VERSION AS v');
    return (rows[0]?.v ?? 'SQL Server').split('\n')[0]?.trim() ?? 'SQL Server';
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function rowsOf<T>(r: sql.IResult<Row>): T[] {
  const sets = (r.recordsets ?? []) as unknown as (Row[] & { columns?: ColumnMeta })[];
  for (let i = sets.length - 1; i >= 0; i--) {
    const set = sets[i];
    if (set && set.length > 0) {
      const fix = converter(set.columns);
      return (fix ? set.map(fix) : set) as T[];
    }
  }
  return [];
}

function affectedOf(r: sql.IResult<Row>): { rowsAffected: number } {
  return { rowsAffected: (r.rowsAffected ?? []).reduce((a, b) => a + b, 0) };
}
