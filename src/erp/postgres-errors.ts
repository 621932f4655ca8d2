import { ErpError } from './errors.js';
import { LOST_CODES, UNREACHABLE_CODES, driverError, messageOf, prop, socketCode } from './driver-errors.js';
import type { ErpErrorCode, StatementOptions } from './types.js';

/** Where the server reached is, for messages about unreachable hosts (no credentials). */
export interface PgTarget {
  readonly host: string;
  readonly database: string;
  readonly user: string;
  readonly password?: string | undefined;
}

/** Maps a SQLSTATE to an error class. */
export function pgCodeClass(sqlstate: string, message: string): ErpErrorCode {
  if (sqlstate === '28P01' || sqlstate === '28000') return 'login-failed';
  if (sqlstate === '3D000') return 'database-not-found';
  if (sqlstate === '42501') return 'permission-denied';
  if (sqlstate.startsWith('42')) return 'syntax-error';
  if (sqlstate === '57014') return /statement timeout/i.test(message) ? 'timeout' : 'cancelled';
  // lock_not_available, deadlock_detected, serialization_failure: a lock conflict, safe to retry
  if (sqlstate === '55P03' || sqlstate === '40P01' || sqlstate === '40001') return 'timeout';
  if (sqlstate.startsWith('23')) return 'constraint-violation';
  if (sqlstate.startsWith('22')) return 'invalid-parameter';
  if (sqlstate.startsWith('08') || sqlstate === '57P01' || sqlstate === '57P02' || sqlstate === '57P03')
    return 'connection-lost';
  return 'unknown';
}

/**
 * A server error's SQLSTATE, as opposed to a socket error's errno name: `EPIPE` has the shape of a SQLSTATE too
 * (five capitals), and a write into a connection the server just closed fails with it.
 */
function isSqlState(e: unknown, code: string): boolean {
  if (!/^[0-9A-Z]{5}$/.test(code)) return false;
  return prop(e, 'syscall') === undefined && !LOST_CODES.has(code) && !UNREACHABLE_CODES.has(code);
}

/**
 * Turns a pg error into an ErpError. `toOriginal` maps a server position in the rewritten SQL back
 * to the SQL as written (with @names).
 */
export function mapPgError(
  e: unknown,
  opts: StatementOptions | undefined,
  target: PgTarget,
  toOriginal?: (pos: number) => number,
  paramNames?: readonly string[],
): ErpError {
  if (e instanceof ErpError) return e.withContext({ statement: opts?.name, touchpoint: opts?.touchpoint });
  const msg = messageOf(e);
  const sqlstate = prop(e, 'code');
  const secrets = [target.password];
  if (sqlstate !== undefined && isSqlState(e, sqlstate)) {
    const code = pgCodeClass(sqlstate, msg);
    // the server speaks of $n; the person wrote @name
    const named = (t: string): string =>
      paramNames
        ? t.replace(/\$(\d+)/g, (m, n: string) =>
            paramNames[Number(n) - 1] ? `@${paramNames[Number(n) - 1]}` : m,
          )
        : t;
    let detail = named(msg);
    if (code === 'database-not-found') detail = `${msg} (server ${target.host})`;
    if (code === 'login-failed') detail = `${msg} (server ${target.host}, database "${target.database}")`;
    const hint = prop(e, 'hint');
    const extra = prop(e, 'detail');
    if (extra) detail += `. ${named(extra)}`;
    if (hint) detail += `. Hint: ${hint}`;
    const rawPos = prop(e, 'position');
    const pos = rawPos !== undefined ? Number(rawPos) : undefined;
    return driverError({
      code,
      driver: 'postgres',
      detail,
      opts,
      secrets,
      driverCode: sqlstate,
      position: pos !== undefined && Number.isFinite(pos) ? (toOriginal ? toOriginal(pos) : pos) : undefined,
      cause: e,
    });
  }
  const sock = socketCode(e);
  let code: ErpErrorCode = 'unknown';
  let detail = msg;
  if (
    (sock !== undefined && UNREACHABLE_CODES.has(sock)) ||
    /timeout exceeded when trying to connect/i.test(msg)
  ) {
    code = 'host-unreachable';
    detail = `cannot reach PostgreSQL at ${target.host}: ${msg || sock}`;
  } else if (
    (sock !== undefined && LOST_CODES.has(sock)) ||
    /terminated|Connection terminated|not queryable/i.test(msg)
  ) {
    code = 'connection-lost';
  } else if (/self[- ]signed|certificate|SSL|TLS/i.test(msg)) {
    code = 'host-unreachable';
    detail = `secure connection to ${target.host} failed: ${msg}`;
  } else if (/password|SASL|SCRAM/i.test(msg)) {
    code = 'login-failed';
  }
  return driverError({ code, driver: 'postgres', detail, opts, secrets, driverCode: sock, cause: e });
}
