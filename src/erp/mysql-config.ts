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

const TYPE_FLOAT = 4;
const TYPE_DOUBLE = 5;

/** A FLOAT read back as the shortest decimal that is the same single-precision value (what the text protocol sends). */
export function floatText(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const single = Math.fround(v);
  for (let p = 6; p <= 9; p++) {
    const shortest = Number(v.toPrecision(p));
    if (Math.fround(shortest) === single) return shortest;
  }
  return v;
}

/** A DOUBLE with the 15 significant digits a double holds for sure (older servers' text protocol sends no more). */
export function doubleText(v: number): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(15)) : v;
}

/**
 * Row fixes that make a result the same whatever the protocol (text for statements without parameters,
 * binary for prepared ones): TINYINT(1)/BIT(1) as true/false; FLOAT/DOUBLE as the decimal digits the text
 * protocol shows (the binary protocol widens a FLOAT 3.78 to 3.7799999713897705). DECIMAL stays text in both
 * (decimalNumbers: false), so its digits reach the mapping exactly.
 */
export function rowFixer(fields: readonly FieldPacket[] | undefined): ((row: Row) => Row) | null {
  const fixes: [string, (v: unknown) => unknown][] = [];
  for (const f of fields ?? []) {
    if ((f.columnType === TYPE_TINY || f.columnType === TYPE_BIT) && f.columnLength === 1)
      fixes.push([f.name, (v) => (Buffer.isBuffer(v) ? v[0] === 1 : Number(v) !== 0)]);
    else if (f.columnType === TYPE_FLOAT)
      fixes.push([f.name, (v) => (typeof v === 'number' ? floatText(v) : v)]);
    else if (f.columnType === TYPE_DOUBLE)
      fixes.push([f.name, (v) => (typeof v === 'number' ? doubleText(v) : v)]);
  }
  if (fixes.length === 0) return null;
  return (row) => {
    for (const [n, fix] of fixes) {
      const v = row[n];
      if (v !== null && v !== undefined) row[n] = fix(v);
    }
    return row;
  };
}
