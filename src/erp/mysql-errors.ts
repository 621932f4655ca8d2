import { ErpError } from './errors.js';
import { LOST_CODES, UNREACHABLE_CODES, driverError, messageOf, prop, socketCode } from './driver-errors.js';
import type { ErpErrorCode, StatementOptions } from './types.js';

const CODES: Record<string, ErpErrorCode> = {
  ER_ACCESS_DENIED_ERROR: 'login-failed',
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'login-failed',
  ER_HOST_NOT_PRIVILEGED: 'login-failed',
  ER_NOT_SUPPORTED_AUTH_MODE: 'login-failed',
  ER_BAD_DB_ERROR: 'database-not-found',
  ER_DBACCESS_DENIED_ERROR: 'permission-denied',
  ER_TABLEACCESS_DENIED_ERROR: 'permission-denied',
  ER_COLUMNACCESS_DENIED_ERROR: 'permission-denied',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'permission-denied',
  ER_PROCACCESS_DENIED_ERROR: 'permission-denied',
  ER_KILL_DENIED_ERROR: 'permission-denied',
  ER_PARSE_ERROR: 'syntax-error',
  ER_NO_SUCH_TABLE: 'syntax-error',
  ER_BAD_FIELD_ERROR: 'syntax-error',
  ER_BAD_TABLE_ERROR: 'syntax-error',
  ER_SP_DOES_NOT_EXIST: 'syntax-error',
  ER_WRONG_VALUE_COUNT_ON_ROW: 'syntax-error',
  ER_NON_UNIQ_ERROR: 'syntax-error',
  ER_EMPTY_QUERY: 'syntax-error',
  ER_QUERY_INTERRUPTED: 'cancelled',
  ER_STATEMENT_TIMEOUT: 'timeout',
  ER_QUERY_TIMEOUT: 'timeout',
  ER_LOCK_WAIT_TIMEOUT: 'timeout',
  ER_LOCK_DEADLOCK: 'timeout', // a lock conflict, safe to retry
  ER_DUP_ENTRY: 'constraint-violation',
  ER_NO_REFERENCED_ROW: 'constraint-violation',
  ER_NO_REFERENCED_ROW_2: 'constraint-violation',
  ER_ROW_IS_REFERENCED: 'constraint-violation',
  ER_ROW_IS_REFERENCED_2: 'constraint-violation',
  ER_BAD_NULL_ERROR: 'constraint-violation',
  ER_CHECK_CONSTRAINT_VIOLATED: 'constraint-violation',
  ER_CONSTRAINT_FAILED: 'constraint-violation',
  ER_TRUNCATED_WRONG_VALUE: 'invalid-parameter',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: 'invalid-parameter',
  ER_DATA_TOO_LONG: 'invalid-parameter',
  ER_WARN_DATA_OUT_OF_RANGE: 'invalid-parameter',
  WARN_DATA_TRUNCATED: 'invalid-parameter',
  ER_SERVER_SHUTDOWN: 'connection-lost',
  ER_CONNECTION_KILLED: 'connection-lost',
};

// MariaDB numbers mysql2 has no name for
const ERRNOS: Record<number, ErpErrorCode> = {
  1969: 'timeout',
  4025: 'constraint-violation',
  3819: 'constraint-violation',
};

/** Turns a mysql2 error (code ER_* / errno, or a socket error) into an ErpError. */
export function mapMysqlError(
  e: unknown,
  opts: StatementOptions | undefined,
  target: { host: string; password?: string | undefined },
): ErpError {
  if (e instanceof ErpError) return e.withContext({ statement: opts?.name, touchpoint: opts?.touchpoint });
  const msg = messageOf(e);
  const code = socketCode(e);
  const errno = Number(prop(e, 'errno'));
  let cls: ErpErrorCode = (code !== undefined ? CODES[code] : undefined) ?? ERRNOS[errno] ?? 'unknown';
  let detail = msg;
  if (cls === 'unknown') {
    if (code !== undefined && UNREACHABLE_CODES.has(code)) {
      cls = 'host-unreachable';
      detail = `cannot reach MySQL/MariaDB at ${target.host}: ${msg || code}`;
    } else if (
      (code !== undefined && LOST_CODES.has(code)) ||
      /closed state|connection.*(lost|closed)/i.test(msg)
    ) {
      cls = 'connection-lost';
    } else if (code === 'HANDSHAKE_SSL_ERROR' || /certificate|SSL|TLS/i.test(msg)) {
      cls = 'host-unreachable';
      detail = `secure connection to ${target.host} failed: ${msg}`;
    }
  }
  if (cls === 'login-failed' || cls === 'database-not-found') detail = `${msg} (server ${target.host})`;
  return driverError({
    code: cls,
    driver: 'mysql',
    detail,
    opts,
    secrets: [target.password],
    driverCode: code,
    cause: e,
  });
}
