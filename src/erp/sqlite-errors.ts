import { ErpError } from './errors.js';
import type { ErpErrorCode, StatementOptions } from './types.js';

/** Turns a better-sqlite3 error (SqliteError with code SQLITE_*, or TypeError) into an ErpError. */
export function mapSqliteError(e: unknown, opts: StatementOptions | undefined, file: string): ErpError {
  if (e instanceof ErpError) return e.withContext({ statement: opts?.name, touchpoint: opts?.touchpoint });
  const err = e instanceof Error ? e : new Error(String(e));
  const driverCode = (err as { code?: unknown }).code;
  const codeText = typeof driverCode === 'string' ? driverCode : undefined;
  let code: ErpErrorCode = 'unknown';
  let detail = err.message;
  const base = codeText?.replace(/^(SQLITE_[A-Z]+).*$/, '$1');
  if (base === 'SQLITE_CANTOPEN' || base === 'SQLITE_NOTADB') {
    code = 'database-not-found';
    detail = `cannot open SQLite database ${file}: ${err.message}`;
  } else if (base === 'SQLITE_READONLY' || base === 'SQLITE_PERM' || base === 'SQLITE_AUTH') {
    code = 'permission-denied';
  } else if (base === 'SQLITE_CONSTRAINT') {
    code = 'constraint-violation';
  } else if (base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED') {
    code = 'timeout';
    detail = `the database stayed locked by another writer: ${err.message}`;
  } else if (base === 'SQLITE_INTERRUPT') {
    code = 'cancelled';
  } else if (
    base === 'SQLITE_ERROR' &&
    /syntax error|no such (table|column|function)|incomplete input|unrecognized token|has no column/i.test(
      err.message,
    )
  ) {
    code = 'syntax-error';
  } else if (err instanceof TypeError && /not open/i.test(err.message)) {
    code = 'connection-lost';
    detail = 'the SQLite connection was already closed';
  } else if (err instanceof TypeError && /busy/i.test(err.message)) {
    detail =
      'this SQLite connection is still reading a stream; finish or break the loop before running another ' +
      'statement (file databases stream on a separate reader and do not have this limit)';
  }
  return new ErpError({
    code,
    driver: 'sqlite',
    detail,
    ...(opts?.name !== undefined ? { statement: opts.name } : {}),
    ...(opts?.touchpoint !== undefined ? { touchpoint: opts.touchpoint } : {}),
    ...(codeText !== undefined ? { driverCode: codeText } : {}),
    cause: e,
  });
}
