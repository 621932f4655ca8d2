import { ErpError } from './errors.js';
import { LOST_CODES, UNREACHABLE_CODES, driverError, messageOf, prop } from './driver-errors.js';
import type { ErpErrorCode, StatementOptions } from './types.js';

// SQL Server error numbers (sys.messages) we can explain
const NUMBERS: Record<number, ErpErrorCode> = {
  18456: 'login-failed',
  18452: 'login-failed',
  18486: 'login-failed', // account locked out
  18487: 'login-failed', // password expired
  18488: 'login-failed', // password must be changed
  4060: 'database-not-found',
  911: 'database-not-found',
  229: 'permission-denied',
  230: 'permission-denied',
  262: 'permission-denied',
  297: 'permission-denied',
  300: 'permission-denied',
  916: 'permission-denied',
  102: 'syntax-error',
  105: 'syntax-error',
  156: 'syntax-error',
  170: 'syntax-error',
  137: 'syntax-error',
  207: 'syntax-error',
  208: 'syntax-error',
  2812: 'syntax-error',
  4104: 'syntax-error',
  8144: 'syntax-error',
  2627: 'constraint-violation',
  2601: 'constraint-violation',
  547: 'constraint-violation',
  515: 'constraint-violation',
  245: 'invalid-parameter',
  241: 'invalid-parameter',
  220: 'invalid-parameter',
  8114: 'invalid-parameter',
  8115: 'invalid-parameter',
  8152: 'invalid-parameter',
  2628: 'invalid-parameter',
  1222: 'timeout', // lock request time out period exceeded
  1205: 'timeout', // chosen as deadlock victim: a lock conflict, safe to retry
  3980: 'cancelled',
  596: 'connection-lost', // session killed
  233: 'connection-lost', // no process is on the other end of the pipe
};

/**
 * Babelfish for PostgreSQL (Aurora's SQL Server compatibility, and our CI endpoint) reports what it cannot
 * translate to a SQL Server error number under this one number, with PostgreSQL's message (SQLSTATE is not
 * sent over TDS). Only then is the message read, and only for PostgreSQL's fixed message forms.
 */
export const BABELFISH_GENERIC_ERROR = 33557097;
const BABELFISH_MESSAGES: [RegExp, ErpErrorCode][] = [
  [/^permission denied for /i, 'permission-denied'],
  [/^syntax error (near|at) /i, 'syntax-error'],
  [/^(relation|column|function|procedure) .* does not exist/i, 'syntax-error'],
  [/^database .* does not exist/i, 'database-not-found'],
];

function babelfishClass(number: number, msg: string): ErpErrorCode | undefined {
  if (number !== BABELFISH_GENERIC_ERROR) return undefined;
  return BABELFISH_MESSAGES.find(([re]) => re.test(msg))?.[1];
}

/** Where the statement ran and who logged in: what an error message needs to name the fix. */
export interface MssqlErrorTarget {
  readonly host: string;
  readonly database?: string | undefined;
  readonly password?: string | undefined;
  readonly instance?: string | undefined;
  readonly authType?: 'sql' | 'ntlm' | undefined;
  readonly user?: string | undefined;
  readonly domain?: string | undefined;
  readonly trustServerCertificate?: boolean | undefined;
}

const loginOf = (t: MssqlErrorTarget): string =>
  t.authType === 'ntlm' ? `${t.domain ?? ''}\\${t.user ?? ''}` : (t.user ?? '(no login name)');

/** What to do about a refused login, for the kind of login in use. */
function loginFix(t: MssqlErrorTarget): string {
  if (t.authType === 'ntlm')
    return (
      `Windows login ${loginOf(t)} was refused: check the domain, user name and password (Settings → ERP ` +
      `database, or ERP_PASSWORD); the account needs a login on this SQL Server (CREATE LOGIN [${loginOf(t)}] ` +
      'FROM WINDOWS) with a user in the database'
    );
  return (
    `SQL Server login "${loginOf(t)}" was refused: check the login name and password (Settings → ERP ` +
    'database, or ERP_PASSWORD); the server must allow SQL Server authentication ("SQL Server and Windows ' +
    'Authentication mode"), otherwise choose Authentication: Windows'
  );
}

/** What to do about an untrusted certificate (SQL Server Express and default installs use a self-signed one). */
function certificateFix(t: MssqlErrorTarget): string {
  if (t.trustServerCertificate)
    return (
      'the TLS handshake failed although the server certificate is trusted: the server may offer only TLS ' +
      'versions this computer refuses (update SQL Server, or turn off "Encrypt the connection" on a trusted network)'
    );
  return (
    "the server's TLS certificate is not trusted (SQL Server Express and a default install use a self-signed " +
    'certificate). Either tick "Trust the server certificate" (Settings → ERP database; ' +
    'trustServerCertificate=true in a URL) to accept it with encryption still on, or install a certificate ' +
    'from a certificate authority this computer trusts'
  );
}

/** Turns an mssql ConnectionError / RequestError (code, number, originalError) into an ErpError. */
export function mapMssqlError(
  e: unknown,
  opts: StatementOptions | undefined,
  target: MssqlErrorTarget,
): ErpError {
  if (e instanceof ErpError) return e.withContext({ statement: opts?.name, touchpoint: opts?.touchpoint });
  const msg = messageOf(e);
  const code = prop(e, 'code');
  const original = (e as { originalError?: unknown } | null)?.originalError;
  const number = Number(prop(e, 'number') ?? prop(original, 'number'));
  const innerCode = prop(original, 'code') ?? prop((original as { cause?: unknown } | null)?.cause, 'code');
  let cls: ErpErrorCode = NUMBERS[number] ?? babelfishClass(number, msg) ?? 'unknown';
  let detail = msg;
  if (cls === 'unknown') {
    if (code === 'ELOGIN') {
      cls = /cannot open database|^database .* does not exist/i.test(msg)
        ? 'database-not-found'
        : 'login-failed';
    } else if (code === 'ETIMEOUT' && /connect/i.test(msg)) {
      cls = 'host-unreachable';
    } else if (code === 'ETIMEOUT') {
      cls = 'timeout';
    } else if (code === 'ECANCEL') {
      cls = 'cancelled';
    } else if (code === 'EINSTLOOKUP') {
      cls = 'host-unreachable';
      detail =
        `${msg}. The instance name${target.instance ? ` "${target.instance}"` : ''} is looked up through the SQL ` +
        'Server Browser service: start that service on the server and allow UDP port 1434 in its firewall, or ' +
        "enter the instance's fixed TCP port in Port (SQL Server Configuration Manager → Protocols → TCP/IP → IP All)";
    } else if (/certificate|self[- ]signed|SSL|TLS|altnames/i.test(msg)) {
      cls = 'host-unreachable';
      detail = `${msg}: ${certificateFix(target)}`;
    } else if (
      (innerCode !== undefined && UNREACHABLE_CODES.has(innerCode)) ||
      (code === 'ESOCKET' &&
        /failed to connect|could not connect|getaddrinfo|ECONNREFUSED|ENOTFOUND/i.test(msg))
    ) {
      cls = 'host-unreachable';
    } else if (
      code === 'ESOCKET' ||
      // tedious after the server closed the session (KILL, restart): "Requests can only be made in the
      // LoggedIn state, not the Final state"
      (code === 'EINVALIDSTATE' && /\bFinal state\b/.test(msg)) ||
      code === 'ECONNCLOSED' ||
      code === 'ENOCONN' ||
      code === 'ENOTOPEN' ||
      (innerCode !== undefined && LOST_CODES.has(innerCode))
    ) {
      // an established connection broke (server restart, KILL, network): "Connection lost - read ECONNRESET"
      cls = 'connection-lost';
    }
  }
  if (cls === 'host-unreachable') detail = `cannot reach SQL Server at ${target.host}: ${detail}`;
  const where = `server ${target.host}${target.database ? `, database "${target.database}"` : ''}`;
  if (cls === 'database-not-found') detail = `${msg} (${where})`;
  if (cls === 'login-failed') detail = `${msg} (${where}). ${loginFix(target)}`;
  if (cls === 'permission-denied' && target.user !== undefined) {
    detail =
      `${msg} (login ${loginOf(target)}). A read-only login is enough for pushes; write-backs need INSERT/UPDATE ` +
      `(or EXECUTE) on their tables or procedures: GRANT them to the login's database user, or use a login that has them`;
  }
  const lineNo = prop(e, 'lineNumber') ?? prop(original, 'lineNumber');
  if (cls === 'syntax-error' && lineNo !== undefined) detail += ` (line ${lineNo})`;
  return driverError({
    code: cls,
    driver: 'sqlserver',
    detail,
    opts,
    secrets: [target.password],
    driverCode: Number.isFinite(number) && number > 0 ? String(number) : code,
    cause: e,
  });
}
