/** Converting one ERP value to the Infoplus type: numbers, booleans, and dates read in the ERP's time zone. */
import { instantFromWallClock, type WallClock } from './zoned-time.js';

/** Target type of a mapped field. */
export type FieldType = 'string' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';

/** The converted value, or why it could not be converted. */
export type Converted =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const DATE_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Converts a non-empty value to `type`; `zone` is the ERP's IANA zone for local dates and times; `scale`
 * rounds a decimal to that many places (half away from zero, on its decimal digits).
 */
export function convertValue(
  value: unknown,
  type: FieldType | undefined,
  zone: string,
  scale?: number,
): Converted {
  switch (type) {
    case undefined:
      return {
        ok: true,
        value:
          value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? Number(value) : value,
      };
    case 'string':
      return { ok: true, value: toText(value) };
    case 'int':
      return toNumber(value, type);
    case 'decimal': {
      const n = toNumber(value, type);
      return n.ok && scale !== undefined ? roundDecimal(value, n.value as number, scale) : n;
    }
    case 'bool':
      return toBool(value);
    case 'date':
    case 'datetime':
      return toInstant(value, type, zone);
  }
}

function toText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

function toNumber(value: unknown, type: 'int' | 'decimal'): Converted {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'boolean') n = value ? 1 : 0;
  else if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) n = Number(value.trim());
  else return { ok: false, message: `"${clip(toText(value))}" is not a number` };
  if (!Number.isFinite(n)) return { ok: false, message: `"${clip(toText(value))}" is not a finite number` };
  if (type === 'int') {
    if (!Number.isInteger(n)) return { ok: false, message: `${toText(value)} is not a whole number` };
    if (!Number.isSafeInteger(n)) return { ok: false, message: `${toText(value)} is too large` };
  }
  return { ok: true, value: n };
}

/**
 * Rounds half away from zero at `scale` places on the decimal text of the value: the DECIMAL text a driver
 * returned, or a number's shortest round-trip digits (so 1.005 rounds to 1.01, which toFixed(2) would make
 * 1.00 through its binary expansion).
 */
function roundDecimal(value: unknown, n: number, scale: number): Converted {
  const text = typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) ? value.trim() : String(n);
  const rounded = roundDecimalText(text, scale);
  return { ok: true, value: rounded === null ? Number(n.toFixed(scale)) : Number(rounded) };
}

/** A number or decimal text as plain decimal text (exponents expanded), or null when it is no number. */
export function numberText(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) text = value.trim();
  else return null;
  if (!/e/i.test(text)) return text;
  // expand the exponent: rounding to 20 places keeps every digit a double can hold below 1e-6
  return roundDecimalText(text, 20)?.replace(/\.?0+$/, '') ?? null;
}

/** Exact product of two plain decimal texts (no binary floating point: 0.1 x 3 is 0.3), as decimal text. */
export function multiplyDecimalText(a: string, b: string): string {
  const parse = (t: string): { neg: boolean; digits: bigint; scale: number } => {
    const neg = t.startsWith('-');
    const body = t.replace(/^[+-]/, '');
    const [int = '', frac = ''] = body.split('.');
    return { neg, digits: BigInt(`${int}${frac}` || '0'), scale: frac.length };
  };
  const x = parse(a);
  const y = parse(b);
  const digits = (x.digits * y.digits).toString();
  const scale = x.scale + y.scale;
  const padded = digits.padStart(scale + 1, '0');
  const int = padded.slice(0, padded.length - scale);
  const frac = padded.slice(padded.length - scale).replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return x.neg !== y.neg && /[1-9]/.test(body) ? `-${body}` : body;
}

/** `text` (DECIMAL_TEXT) rounded to `scale` places as plain decimal text, or null when it is not plain. */
export function roundDecimalText(text: string, scale: number): string | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return null;
  const neg = m[1] === '-';
  const mantissa = `${m[2] ?? ''}${m[3] ?? ''}`;
  const point = (m[2] ?? '').length + Number(m[4] ?? 0);
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + mantissa;
  } else if (point >= mantissa.length) {
    int = mantissa + '0'.repeat(point - mantissa.length);
    frac = '';
  } else {
    int = mantissa.slice(0, point);
    frac = mantissa.slice(point);
  }
  let digits = (int || '0') + frac.slice(0, scale).padEnd(scale, '0');
  if ((frac[scale] ?? '0') >= '5') {
    // add one unit in the last kept place, carrying leftwards
    const arr = digits.split('');
    let i = arr.length - 1;
    for (; i >= 0; i--) {
      if (arr[i] === '9') arr[i] = '0';
      else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + arr.join('');
  }
  const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  const places = digits.slice(digits.length - scale);
  const body = scale > 0 ? `${whole}.${places}` : whole;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

function toBool(value: unknown): Converted {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'bigint') return { ok: true, value: Number(value) !== 0 };
  const t = toText(value).trim().toLowerCase();
  if (['true', 't', 'yes', 'y', '1', 'on'].includes(t)) return { ok: true, value: true };
  if (['false', 'f', 'no', 'n', '0', 'off'].includes(t)) return { ok: true, value: false };
  return { ok: false, message: `"${clip(toText(value))}" is not a yes/no value` };
}

/**
 * A date or time as an ISO-8601 UTC instant. Text without an offset, and Date values from the driver
 * (whose UTC fields carry the column's wall-clock time), are read as local time in `zone`.
 */
export function toInstant(value: unknown, type: 'date' | 'datetime', zone: string): Converted {
  let wall: WallClock;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: 'invalid date' };
    wall = {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      hour: value.getUTCHours(),
      minute: value.getUTCMinutes(),
      second: value.getUTCSeconds(),
      ms: value.getUTCMilliseconds(),
    };
  } else {
    const text = toText(value).trim();
    const m = DATE_TEXT.exec(text);
    if (!m)
      return {
        ok: false,
        message: `"${clip(text)}" is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`,
      };
    wall = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: Math.round(Number(`0.${m[7] ?? '0'}`) * 1000),
    };
    if (!validWall(wall)) return { ok: false, message: `"${clip(text)}" is not a valid calendar date/time` };
    if (m[8]) {
      const zoneText = m[8].toUpperCase() === 'Z' ? 'Z' : normalizeOffset(m[8]);
      const iso = `${text.slice(0, 10)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(wall.ms, 3)}${zoneText}`;
      return finish(new Date(iso), type, zone);
    }
  }
  if (!validWall(wall)) return { ok: false, message: 'not a valid calendar date/time' };
  if (type === 'date') wall = { ...wall, hour: 0, minute: 0, second: 0, ms: 0 };
  return { ok: true, value: instantFromWallClock(wall, zone).toISOString() };
}

function finish(instant: Date, _type: 'date' | 'datetime', _zone: string): Converted {
  if (Number.isNaN(instant.getTime())) return { ok: false, message: 'invalid date' };
  return { ok: true, value: instant.toISOString() };
}

function validWall(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth;
}

function normalizeOffset(off: string): string {
  const digits = off.replace(':', '');
  return digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function pad(n: number, len = 2): string {
  return String(n).padStart(len, '0');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
