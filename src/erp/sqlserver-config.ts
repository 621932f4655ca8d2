import { ErpError } from './errors.js';
import type { SqlServerConfig } from './types.js';

/** Where and how to log in to SQL Server, after merging the URL with the explicit fields. */
export interface SqlServerTarget {
  readonly server: string;
  readonly instance?: string;
  /** When set, the instance name is not used (tedious takes a port or an instance, not both). */
  readonly port?: number;
  readonly database?: string;
  readonly authType: 'sql' | 'ntlm';
  readonly user?: string;
  readonly password?: string;
  readonly domain?: string;
  readonly encrypt: boolean;
  readonly trustServerCertificate: boolean;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly poolMax: number;
}

/** The application name a DBA sees in sys.dm_exec_sessions.program_name. */
export const SQLSERVER_APP_NAME = 'Infoplus ERP Sync';

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

const bool = (v: string): boolean => /^(true|yes|1|on)$/i.test(v.trim());

function badUrl(why: string): ErpError {
  return new ErpError({
    code: 'unknown',
    driver: 'sqlserver',
    detail:
      `the SQL Server URL is not valid: ${why}. Expected mssql://user@host[\\instance][:port]/database?encrypt=true` +
      "&trustServerCertificate=false (DOMAIN\\user for a Windows login; the password goes into the app's password " +
      'field or ERP_PASSWORD, never into the URL)',
  });
}

function splitHost(hostPart: string, out: Mutable<SqlServerTarget>): void {
  // SQL Server habits: host\instance, host,port, host:port
  let host = decodeURIComponent(hostPart);
  const comma = /^(.*),(\d+)$/.exec(host);
  const colon = /^(.*):(\d+)$/.exec(host);
  const m = comma ?? colon;
  if (m) {
    host = m[1] as string;
    out.port = Number(m[2]);
  }
  const slash = host.indexOf('\\');
  if (slash >= 0) {
    out.instance = host.slice(slash + 1) || undefined;
    host = host.slice(0, slash);
  }
  out.server = host;
}

function setUser(raw: string, out: Mutable<SqlServerTarget>): void {
  const user = decodeURIComponent(raw);
  const slash = user.indexOf('\\');
  if (slash >= 0) {
    out.domain = user.slice(0, slash);
    out.user = user.slice(slash + 1);
    out.authType = 'ntlm';
  } else {
    out.user = user;
  }
}

function applyOption(key: string, value: string, out: Mutable<SqlServerTarget>): void {
  switch (key.toLowerCase()) {
    case 'encrypt':
      out.encrypt = bool(value);
      break;
    case 'trustservercertificate':
      out.trustServerCertificate = bool(value);
      break;
    case 'instance':
    case 'instancename':
      out.instance = value;
      break;
    case 'domain':
      out.domain = value;
      out.authType = 'ntlm';
      break;
    case 'authtype':
    case 'authentication':
      out.authType = /ntlm|windows/i.test(value) ? 'ntlm' : 'sql';
      break;
    case 'database':
    case 'databasename':
      out.database = value;
      break;
    case 'user':
    case 'username':
    case 'user id':
      setUser(value, out);
      break;
    case 'password':
      out.password = value;
      break;
    case 'connecttimeout':
    case 'connectiontimeout':
      out.connectTimeoutMs = Number(value);
      break;
    case 'requesttimeout':
      out.requestTimeoutMs = Number(value);
      break;
    case 'port':
      out.port = Number(value);
      break;
    default:
    // unknown options (applicationName, ...) are ignored on purpose: the app name is fixed
  }
}

/** Parses `mssql://` / `sqlserver://` URLs, including the JDBC form `sqlserver://host:1433;databaseName=x;...`. */
export function parseSqlServerUrl(url: string): Mutable<SqlServerTarget> {
  const m = /^(mssql|sqlserver):\/\/(.*)$/is.exec(url.trim());
  if (!m) throw badUrl('it must start with mssql:// or sqlserver://');
  const out: Mutable<SqlServerTarget> = {};
  let rest = m[2] as string;
  if (rest.includes(';')) {
    const [hostPart, ...props] = rest.split(';');
    splitHost(hostPart ?? '', out);
    for (const p of props) {
      const eq = p.indexOf('=');
      if (eq > 0) applyOption(p.slice(0, eq).trim(), p.slice(eq + 1).trim(), out);
    }
  } else {
    const q = rest.indexOf('?');
    const query = q >= 0 ? rest.slice(q + 1) : '';
    rest = q >= 0 ? rest.slice(0, q) : rest;
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
      const auth = rest.slice(0, at);
      rest = rest.slice(at + 1);
      const colon = auth.indexOf(':');
      setUser(colon >= 0 ? auth.slice(0, colon) : auth, out);
      if (colon >= 0) out.password = decodeURIComponent(auth.slice(colon + 1));
    }
    const slash = rest.indexOf('/');
    splitHost(slash >= 0 ? rest.slice(0, slash) : rest, out);
    const db = slash >= 0 ? decodeURIComponent(rest.slice(slash + 1)) : '';
    if (db) out.database = db;
    for (const [k, v] of new URLSearchParams(query)) applyOption(k, v, out);
  }
  if (!out.server) throw badUrl('the host name is missing');
  if (out.port !== undefined && !(Number.isInteger(out.port) && out.port > 0 && out.port < 65536)) {
    throw badUrl('the port must be a number from 1 to 65535');
  }
  return out;
}

/** Merges url and fields (fields win) into the target; applies defaults. */
export function parseSqlServerTarget(config: SqlServerConfig): SqlServerTarget {
  const base: Mutable<SqlServerTarget> = config.url ? parseSqlServerUrl(config.url) : {};
  const pick = <K extends keyof SqlServerTarget>(k: K, v: SqlServerTarget[K] | undefined): void => {
    if (v !== undefined) base[k] = v;
  };
  if (config.server !== undefined) splitHost(config.server, base);
  pick('instance', config.instance);
  pick('port', config.port);
  pick('database', config.database);
  pick('authType', config.authType);
  if (config.user !== undefined) setUser(config.user, base);
  pick('password', config.password);
  pick('domain', config.domain);
  pick('encrypt', config.encrypt);
  pick('trustServerCertificate', config.trustServerCertificate);
  pick('connectTimeoutMs', config.connectTimeoutMs);
  pick('requestTimeoutMs', config.requestTimeoutMs);
  pick('poolMax', config.poolMax);
  if (!base.server) throw badUrl('no server was given');
  return {
    ...base,
    server: base.server,
    authType: base.authType ?? (base.domain ? 'ntlm' : 'sql'),
    encrypt: base.encrypt ?? true,
    trustServerCertificate: base.trustServerCertificate ?? false,
    connectTimeoutMs: base.connectTimeoutMs ?? 15_000,
    requestTimeoutMs: base.requestTimeoutMs ?? 60_000,
    poolMax: base.poolMax ?? 4,
  } as SqlServerTarget;
}

/** The mssql (tedious) pool configuration for a target. */
export function toMssqlConfig(t: SqlServerTarget): Record<string, unknown> {
  const usePort = t.port !== undefined || t.instance === undefined;
  const cfg: Record<string, unknown> = {
    server: t.server,
    ...(usePort ? { port: t.port ?? 1433 } : {}),
    ...(t.database !== undefined ? { database: t.database } : {}),
    connectionTimeout: t.connectTimeoutMs,
    requestTimeout: t.requestTimeoutMs,
    pool: { max: t.poolMax, min: 0, idleTimeoutMillis: 30_000 },
    options: {
      appName: SQLSERVER_APP_NAME,
      encrypt: t.encrypt,
      trustServerCertificate: t.trustServerCertificate,
      useUTC: true,
      enableArithAbort: true,
      ...(!usePort ? { instanceName: t.instance } : {}),
    },
  };
  if (t.authType === 'ntlm') {
    cfg['authentication'] = {
      type: 'ntlm',
      options: { domain: t.domain ?? '', userName: t.user ?? '', password: t.password ?? '' },
    };
  } else {
    cfg['user'] = t.user;
    cfg['password'] = t.password;
  }
  return cfg;
}
