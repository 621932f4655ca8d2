import type { FieldPacket, PoolOptions } from 'mysql2/promise';
import { parseConnectionUrl } from './driver-support.js';
import type { Row, UrlErpConfig } from './types.js';

const APP_NAME = 'Infoplus ERP Sync';
const TYPE_TINY = 1;
const TYPE_BIT = 16;

export interface Target {
  readonly host: string;
  readonly password?: string | undefined;
}

/** Pool options from a mysql:// URL; query options ssl=true|skip-verify. */
export function poolOptions(config: UrlErpConfig): { options: PoolOptions; target: Target } {
  const u = parseConnectionUrl(config.url, 'mysql', 'mysql://user@host:3306/database');
  const password = u.password ? decodeURIComponent(u.password) : config.password;
  const ssl = u.searchParams.get('ssl');
  const options: PoolOptions = {
    host: u.hostname || 'localhost',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    ...(password !== undefined ? { password } : {}),
    ...(u.pathname.length > 1 ? { database: decodeURIComponent(u.pathname.slice(1)) } : {}),
    ...(ssl && ssl !== 'false' ? { ssl: { rejectUnauthorized: ssl !== 'skip-verify' } } : {}),
    connectionLimit: config.poolMax ?? 4,
    connectTimeout: config.connectTimeoutMs ?? 15_000,
    waitForConnections: true,
    charset: 'utf8mb4',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: false,
    multipleStatements: false,
    maxPreparedStatements: 200,
    connectAttributes: { program_name: APP_NAME },
  };
  return { options, target: { host: `${options.host}:${options.port}`, password } };
}

/** TINYINT(1) and BIT(1) are MySQL's booleans: return them as true/false. */
export function booleanizer(fields: readonly FieldPacket[] | undefined): ((row: Row) => Row) | null {
  const names = (fields ?? [])
    .filter((f) => (f.columnType === TYPE_TINY || f.columnType === TYPE_BIT) && f.columnLength === 1)
    .map((f) => f.name);
  if (names.length === 0) return null;
  return (row) => {
    for (const n of names) {
      const v = row[n];
      if (v === null || v === undefined) continue;
      row[n] = Buffer.isBuffer(v) ? v[0] === 1 : Number(v) !== 0;
    }
    return row;
  };
}
