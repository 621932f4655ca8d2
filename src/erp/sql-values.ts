import { ErpError } from './errors.js';
import type { ErpDriverName, SqlValue } from './types.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** An integer from the database: a number when exact, else its decimal digits as a string. */
export function integerValue(v: bigint | string | number): number | string {
  if (typeof v === 'number') return v;
  const b = typeof v === 'bigint' ? v : BigInt(v);
  return b <= MAX_SAFE && b >= MIN_SAFE ? Number(b) : b.toString();
}

/** A decimal held as a JS number (SQLite REAL, tedious) written with the column's scale, e.g. 12.5 -> "12.50". */
export function decimalFromNumber(v: number, scale: number | undefined): string {
  // a double holds 15 significant decimal digits for sure; the drivers' arithmetic (tedious divides by
  // 10^scale) leaves noise below that, which must not show up as digits
  const rounded = Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(15)) : v;
  const shortest = String(rounded);
  if (!Number.isFinite(v) || scale === undefined || scale < 0 || scale > 100) return shortest;
  // the shortest round-trip digits, padded to the scale: 12345678901.1234 -> "12345678901.1234000000",
  // where toFixed would print the binary expansion ("...1233997345")
  if (/e/i.test(shortest)) return rounded.toFixed(scale);
  const [int, frac = ''] = shortest.split('.');
  if (frac.length > scale) return rounded.toFixed(scale);
  return scale === 0 ? (int as string) : `${int}.${frac.padEnd(scale, '0')}`;
}

/** Checks one bound value; a value the databases cannot take is an 'invalid-parameter' error. */
export function checkParamValue(
  value: SqlValue,
  name: string,
  ctx: { driver: ErpDriverName; statement?: string | undefined; touchpoint?: string | undefined },
): void {
  let problem: string | null = null;
  if (typeof value === 'number' && !Number.isFinite(value))
    problem = `${String(value)} is not a number a database can store`;
  else if (value instanceof Date && Number.isNaN(value.getTime())) problem = 'it is an invalid Date';
  else if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value))
    problem = 'objects and arrays cannot be bound; pass a string (e.g. JSON text)';
  else if (typeof value === 'function' || typeof value === 'symbol')
    problem = `a ${typeof value} cannot be bound`;
  if (problem !== null) {
    throw new ErpError({
      code: 'invalid-parameter',
      driver: ctx.driver,
      detail: `parameter @${name}: ${problem}`,
      ...(ctx.statement !== undefined ? { statement: ctx.statement } : {}),
      ...(ctx.touchpoint !== undefined ? { touchpoint: ctx.touchpoint } : {}),
    });
  }
}

/** A Date as UTC text in SQLite's own format (`YYYY-MM-DD HH:MM:SS.SSS`), which sorts like the time itself. */
export function dateToSqliteText(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

const DATE_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Parses date/time text stored in SQLite; text without an offset is UTC. Unparseable text is returned as is. */
export function parseSqliteDate(text: string): Date | string {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    t -= sign * offMin * 60_000;
  }
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? text : date;
}
