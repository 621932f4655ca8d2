/** Pieces every ERP driver needs the same way: statement context, value checks, transaction guard, row streams. */
import type { Readable } from 'node:stream';
import { ErpError } from './errors.js';
import type { BindContext } from './named-params.js';
import { checkParamValue } from './sql-values.js';
import { stoppedError, type StatementGuard } from './statement-guard.js';
import type {
  ErpConnection,
  ErpDriverName,
  ErpExecutor,
  Row,
  SqlParams,
  SqlValue,
  StatementOptions,
} from './types.js';

/** What errors about one statement name: the driver, the statement and its touchpoint. */
export function statementContext(driver: ErpDriverName, opts: StatementOptions | undefined): BindContext {
  return { driver, statement: opts?.name, touchpoint: opts?.touchpoint };
}

const PRODUCT: Readonly<Record<ErpDriverName, string>> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  sqlserver: 'SQL Server',
  sqlite: 'SQLite',
};

/** Parses a connection URL; a malformed one is an ErpError that shows the expected form. */
export function parseConnectionUrl(url: string, driver: ErpDriverName, expected: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new ErpError({
      code: 'unknown',
      driver,
      detail: `the ${PRODUCT[driver]} URL is not valid; expected ${expected}`,
    });
  }
}

/** Checks every bound value (an 'invalid-parameter' error names the parameter) and converts it for the driver. */
export function checkedValues(
  values: readonly SqlValue[],
  names: readonly string[],
  ctx: BindContext,
  convert: (value: SqlValue) => unknown,
): unknown[] {
  return values.map((v, k) => {
    checkParamValue(v, names[k] ?? '?', ctx);
    return convert(v);
  });
}

/** Wraps a transaction's executor so statements issued after commit or rollback fail with a clear error. */
export function whileOpen(driver: ErpDriverName, isOpen: () => boolean, executor: ErpExecutor): ErpExecutor {
  const check = (o: StatementOptions | undefined): void => {
    if (isOpen()) return;
    throw new ErpError({
      code: 'unknown',
      driver,
      detail: 'the transaction has already finished; run statements inside the transaction callback',
      ...(o?.name !== undefined ? { statement: o.name } : {}),
    });
  };
  return {
    query: async <T extends Row = Row>(sql: string, params?: SqlParams, o?: StatementOptions) => {
      check(o);
      return executor.query<T>(sql, params, o);
    },
    execute: async (sql, params, o) => {
      check(o);
      return executor.execute(sql, params, o);
    },
  };
}

/** Checks a freshly opened connection with SELECT 1; on failure closes it and rethrows. */
export async function probed(conn: ErpConnection): Promise<ErpConnection> {
  try {
    await conn.query('SELECT 1');
  } catch (e) {
    await conn.close().catch(() => undefined);
    throw e;
  }
  return conn;
}

/** How a row stream turns failures into ErpErrors. */
export interface RowStreamErrors {
  /** The error when the guard stopped the statement (timeout, cancel), else null. */
  stopped(cause: unknown): ErpError | null;
  /** Any other failure, mapped by the driver. */
  map(cause: unknown): ErpError;
}

/**
 * The rows of a driver's object-mode stream. The statement timeout runs only while waiting for the server,
 * not while the consumer holds a row; `fixRow` is read per row because column metadata arrives with the data.
 */
export async function* guardedRows(
  readable: Readable,
  guard: StatementGuard,
  errors: RowStreamErrors,
  fixRow: () => ((row: Row) => Row) | null,
): AsyncGenerator<Row> {
  const it = readable[Symbol.asyncIterator]() as AsyncIterator<Row>;
  for (;;) {
    guard.rearm();
    let r: IteratorResult<Row>;
    try {
      r = await it.next();
    } catch (e) {
      throw errors.stopped(e) ?? errors.map(e);
    }
    guard.pause();
    const stop = errors.stopped(undefined);
    if (stop) throw stop;
    if (r.done) return;
    const fix = fixRow();
    yield fix ? fix(r.value) : r.value;
  }
}

/** The error for a statement the guard stopped (timeout or cancel), or null when it was not stopped. */
export function stoppedBy(
  guard: StatementGuard,
  driver: ErpDriverName,
  opts: StatementOptions | undefined,
  cause: unknown,
  defaultTimeoutMs: number,
): ErpError | null {
  if (guard.reason === null) return null;
  return stoppedError(guard.reason, driver, opts, cause, opts?.timeoutMs ?? defaultTimeoutMs);
}
