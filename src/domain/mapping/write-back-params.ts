/**
 * Parameters for write-back statements, flattened from an Infoplus record:
 * - `@field` for each top-level scalar of the record (`@id`, `@orderNo`, `@trackingNo`, `@shipDate`);
 * - `@customFields_<name>` for each custom field;
 * - per line, also `@line_<field>` for object elements (or `@line_value` for scalar elements) and `@line_index`;
 * - `@erpKey` when the engine knows the ERP record the Infoplus record belongs to (else NULL).
 * Date-times become `YYYY-MM-DD HH:MM:SS.mmm` wall-clock text in the ERP's zone (`T` instead of the space for
 * SQL Server), which every dialect converts into its DATETIME type; objects and arrays become JSON text; absent values bind NULL.
 * `wanted` (the names the statements read) limits the conversion to those parameters.
 */
import { formatWallClock } from './zoned-time.js';

/** A value bound to a write-back parameter. */
export type WriteBackValue = string | number | boolean | null;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function scalar(value: unknown, zone: string, sep: ' ' | 'T'): WriteBackValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) return formatWallClock(d, zone, sep);
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return formatWallClock(value, zone, sep);
  return JSON.stringify(value);
}

function flatten(
  prefix: string,
  record: object,
  zone: string,
  sep: ' ' | 'T',
  out: Record<string, WriteBackValue>,
  wanted: ReadonlySet<string> | undefined,
): void {
  for (const [k, v] of Object.entries(record)) {
    if (k === 'customFields' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [ck, cv] of Object.entries(v as Record<string, unknown>)) {
        const name = `${prefix}customFields_${ck}`;
        if (!wanted || wanted.has(name)) out[name] = scalar(cv, zone, sep);
      }
      continue;
    }
    const name = prefix === '' ? k : `${prefix}${k}`;
    // converting only what the statements read keeps a pull's per-record cost flat in the record's width
    if (!wanted || wanted.has(name)) out[name] = scalar(v, zone, sep);
  }
}

/** Parameters for the per-record statements (and the base for the per-line ones). */
export function writeBackParams(
  record: object,
  zone: string,
  extra: Readonly<Record<string, WriteBackValue>> = {},
  separator: ' ' | 'T' = ' ',
  wanted?: ReadonlySet<string>,
): Record<string, WriteBackValue> {
  const out: Record<string, WriteBackValue> = { erpKey: null };
  flatten('', record, zone, separator, out, wanted);
  return { ...out, ...extra };
}

/** Parameters for one line: the record's plus `@line_*` of the element. */
export function lineWriteBackParams(
  recordParams: Readonly<Record<string, WriteBackValue>>,
  line: unknown,
  index: number,
  zone: string,
  separator: ' ' | 'T' = ' ',
  wanted?: ReadonlySet<string>,
): Record<string, WriteBackValue> {
  const out: Record<string, WriteBackValue> = { ...recordParams, line_index: index };
  if (line !== null && typeof line === 'object' && !Array.isArray(line) && !(line instanceof Date))
    flatten('line_', line, zone, separator, out, wanted);
  else out['line_value'] = scalar(line, zone, separator);
  return out;
}
