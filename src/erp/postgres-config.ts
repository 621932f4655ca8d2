import pg from 'pg';
import { parseConnectionUrl } from './driver-support.js';
import type { PgTarget } from './postgres-errors.js';
import { integerValue } from './sql-values.js';
import type { UrlErpConfig } from './types.js';

const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;

/** Result types every driver returns alike: int8 -> number (string past 2^53), DATE -> midnight UTC, TIMESTAMP as UTC. */
export const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
    if (format !== 'binary') {
      if (oid === INT8) return (v: string) => integerValue(v);
      if (oid === DATE) return (v: string) => utcDate(`${v}T00:00:00Z`, v);
      if (oid === TIMESTAMP) return (v: string) => utcDate(`${v.replace(' ', 'T')}Z`, v);
    }
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

function utcDate(iso: string, raw: string): Date | string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? raw : d; // infinity, BC dates stay text
}

/** URL with the TimeZone session setting added (URL values override pg's config object, so it goes in the URL). */
export function effectiveUrl(config: UrlErpConfig): { url: string; target: PgTarget } {
  const u = parseConnectionUrl(config.url, 'postgres', 'postgres://user@host:5432/database');
  if (config.password !== undefined && !u.password) u.password = encodeURIComponent(config.password);
  const options = u.searchParams.get('options') ?? '';
  if (!/TimeZone/i.test(options)) u.searchParams.set('options', `${options} -c TimeZone=UTC`.trim());
  const target: PgTarget = {
    host: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username),
    user: decodeURIComponent(u.username),
    password: u.password ? decodeURIComponent(u.password) : undefined,
  };
  return { url: u.toString(), target };
}
