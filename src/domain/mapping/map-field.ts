/** Produces one Infoplus field value from an ERP row according to its field mapping. */
import type { FieldMapping, FieldSpec, LookupTable } from '../../profile/schema.js';
import { isPlainVendorNo } from '../vendor-number.js';
import { convertValue, multiplyDecimalText, numberText, roundDecimalText } from './convert.js';
import type { MappingContext, MappingProblem, SourceRow, TenantLookupEntry } from './types.js';

/** Everything map-field needs besides the row. */
export interface FieldEnv {
  readonly zone: string;
  readonly lookups: Readonly<Record<string, LookupTable>>;
  readonly ctx: MappingContext;
}

/** The field's value (undefined = leave the field out) plus any problem. */
export interface FieldResult {
  readonly value: unknown;
  readonly problem?: MappingProblem;
}

/** Finds a column in a row; exact name first, then case-insensitively (PostgreSQL folds names to lower case). */
export function columnValue(row: SourceRow, column: string): { found: boolean; value: unknown } {
  if (Object.hasOwn(row, column)) return { found: true, value: row[column] };
  const lower = column.toLowerCase();
  for (const k of Object.keys(row)) if (k.toLowerCase() === lower) return { found: true, value: row[k] };
  return { found: false, value: undefined };
}

// `sku: 'sku'` specs as mappings, made once per column name (mapField only reads them)
const columnOnlySpecs = new Map<string, FieldMapping>();

function columnOnly(column: string): FieldMapping {
  let spec = columnOnlySpecs.get(column);
  if (spec === undefined) {
    if (columnOnlySpecs.size >= 10_000) columnOnlySpecs.clear();
    spec = { column };
    columnOnlySpecs.set(column, spec);
  }
  return spec;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Maps one field; `field` is the Infoplus field path used in problems. */
export function mapField(row: SourceRow, specIn: FieldSpec, field: string, env: FieldEnv): FieldResult {
  const spec: FieldMapping = typeof specIn === 'string' ? columnOnly(specIn) : specIn;
  const column = spec.column;

  let raw: unknown;
  if (spec.const !== undefined) raw = spec.const;
  else if (column !== undefined) {
    // the exact-name hit inline (no result object per field); other spellings go through columnValue
    if (Object.hasOwn(row, column)) raw = row[column];
    else {
      const got = columnValue(row, column);
      if (!got.found) {
        return problemResult(
          field,
          column,
          `column "${column}" is not in the query result (columns: ${Object.keys(row).join(', ')})`,
          'mapping',
        );
      }
      raw = got.value;
    }
  }
  if (typeof raw === 'string' && spec.trim !== false) raw = raw.trim();
  if (spec.addressLine !== undefined && !isEmpty(raw)) {
    const line = addressLine(String(raw), spec.addressLine);
    if (typeof line === 'object') return problemResult(field, column, line.problem);
    raw = line;
  }
  if (isEmpty(raw) && spec.default !== undefined) raw = spec.default;
  if (isEmpty(raw)) {
    if (spec.required)
      return problemResult(
        field,
        column,
        column ? `missing value: column "${column}" is empty` : 'missing value',
      );
    return { value: undefined };
  }
  if (typeof raw === 'string' && spec.case)
    raw = spec.case === 'upper' ? raw.toUpperCase() : raw.toLowerCase();

  if (spec.lookup !== undefined) {
    const table = env.lookups[spec.lookup];
    if (!table)
      return problemResult(field, column, `lookup table "${spec.lookup}" is not defined`, 'mapping');
    const code = String(raw);
    const hit = lookupValue(table, code);
    if (hit === undefined && table.fromTenant !== undefined) {
      const fromTenant = tenantLookup(table.fromTenant, spec.lookup, code, env.ctx);
      if (typeof fromTenant === 'object')
        return problemResult(field, column, fromTenant.message, fromTenant.category);
      raw = fromTenant;
    } else if (hit === undefined) {
      const known = Object.keys(table.values ?? {})
        .slice(0, 10)
        .join(', ');
      return problemResult(
        field,
        column,
        `unknown code "${code}" in lookup "${spec.lookup}" (known: ${known}); add it to the lookup table or fix the ERP record`,
      );
    } else raw = hit;
  }
  if (spec.resolve === 'vendorNumber' && isPlainVendorNo(String(raw))) {
    // a plain whole-number code is its own vendorNo: nothing to ask the engine
    raw = Number(raw);
  } else if (spec.resolve !== undefined) {
    const resolved = env.ctx.resolve?.(spec.resolve, String(raw));
    if (resolved === undefined) {
      return spec.resolve === 'vendorNumber'
        ? problemResult(
            field,
            column,
            `no vendor number could be given to ERP vendor code "${String(raw)}" here (the run assigns one)`,
            'mapping',
          )
        : problemResult(
            field,
            column,
            `vendor ${String(raw)} is not in Infoplus yet; push vendors first (or check the vendor number)`,
          );
    }
    raw = resolved;
  }
  if (spec.multiplyBy !== undefined) {
    const product = multiplied(row, raw, spec.multiplyBy);
    if (typeof product === 'object') return problemResult(field, column, product.problem);
    raw = product;
  }
  if (spec.type === 'int' && spec.fractional !== undefined) {
    const text = numberText(raw);
    if (text !== null && /\.\d*[1-9]/.test(text)) {
      if (spec.fractional === 'refuse') {
        return problemResult(
          field,
          column,
          `${text} is not a whole number and Infoplus takes whole units (fractional: refuse): correct the quantity in the ERP, or convert it to a smaller unit (multiplyBy)`,
        );
      }
      raw = roundDecimalText(text, 0) ?? raw;
    }
  }

  const converted = convertValue(
    raw,
    spec.scale !== undefined && spec.type === undefined ? 'decimal' : spec.type,
    spec.zone ?? env.zone,
    spec.scale,
  );
  if (!converted.ok) return problemResult(field, column, converted.message);
  let value = converted.value;
  // Infoplus (Java) counts UTF-16 units, as String.length does: that is the limit checked and cut to.
  if (spec.maxLength !== undefined && typeof value === 'string' && value.length > spec.maxLength) {
    if (!spec.truncate) {
      return problemResult(
        field,
        column,
        `value is ${value.length} characters (UTF-16 units); Infoplus allows ${spec.maxLength}. Shorten it in the ERP${
          spec.truncate === undefined ? ' or set truncate: true (not on a key field)' : ''
        }`,
      );
    }
    value = cutToUnits(value, spec.maxLength);
  }
  return { value };
}

// Grapheme clusters (an emoji with its modifiers, a letter with combining marks) are never split by a cut.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of whole graphemes that fits in `max` UTF-16 units. */
export function cutToUnits(value: string, max: number): string {
  // Below U+0300 there are no combining marks, joiners or regional indicators: between two such units (other
  // than CR LF) is always a grapheme boundary, and most cuts land there without a segmenter (whose set-up per
  // call cost more than the rest of a record's mapping on a full scan).
  const before = value.charCodeAt(max - 1);
  const at = value.charCodeAt(max);
  if (max > 0 && before < 0x300 && at < 0x300 && !(before === 13 && at === 10)) return value.slice(0, max);
  // Otherwise only the head is segmented: a boundary at or before `max` depends on the code point that starts
  // at `max` at most.
  const head = value.length > max + 2 ? value.slice(0, max + 2) : value;
  let end = 0;
  for (const { segment, index } of graphemes.segment(head)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return value.slice(0, end);
}

// a module-level helper rather than a closure in mapField: that runs for every field of every record
function problemResult(
  field: string,
  column: string | undefined,
  message: string,
  category: MappingProblem['category'] = 'erp-data',
): FieldResult {
  return {
    value: undefined,
    problem: { field, message, category, ...(column !== undefined ? { column } : {}) },
  };
}

function lookupValue(table: LookupTable, code: string): string | number | undefined {
  const values = table.values ?? {};
  if (Object.hasOwn(values, code)) return values[code];
  if (table.caseInsensitive) {
    const lower = code.toLowerCase();
    for (const [k, v] of Object.entries(values)) if (k.toLowerCase() === lower) return v;
  }
  // a tenant table falls back to the tenant's list before its default
  return table.fromTenant === undefined ? table.default : undefined;
}

const TENANT_LIST_LABEL = { warehouses: 'warehouse', carriers: 'carrier' } as const;

/** The id of `code` in a tenant list (by id or any name, any case), the table's default, or a problem. */
function tenantLookup(
  list: 'warehouses' | 'carriers',
  tableName: string,
  code: string,
  ctx: MappingContext,
): number | string | { message: string; category: MappingProblem['category'] } {
  if (ctx.tenantStandIn !== undefined) return ctx.tenantStandIn;
  const entries = ctx.tenantList?.(list);
  if (entries === undefined || typeof entries === 'string') {
    return {
      message: `lookup "${tableName}" needs the tenant's ${list}, which could not be loaded${
        typeof entries === 'string' ? `: ${entries}` : ''
      }`,
      category: 'mapping',
    };
  }
  const lower = code.toLowerCase();
  const hit = entries.find((e) => String(e.id) === code || e.names.some((n) => n.toLowerCase() === lower));
  if (hit) return hit.id;
  return {
    message: `${TENANT_LIST_LABEL[list]} "${code}" is not in the tenant's ${list} (${describeEntries(entries)}); fix the code in the ERP, or map it under lookups.${tableName}.values`,
    category: 'erp-data',
  };
}

function describeEntries(entries: readonly TenantLookupEntry[]): string {
  if (entries.length === 0) return 'the list is empty';
  const shown = entries.slice(0, 8).map((e) => (e.names[0] ? `${e.id} ${e.names[0]}` : String(e.id)));
  return `known: ${shown.join(', ')}${entries.length > 8 ? ` and ${entries.length - 8} more` : ''}`;
}

/**
 * The `line`-th non-blank line of a multi-line text; the last field (line = of) takes the lines after it too
 * (overflow join, with ", ") or refuses them (overflow refuse). '' when the text has fewer lines.
 */
function addressLine(
  text: string,
  spec: { readonly line: number; readonly of: number; readonly overflow?: 'join' | 'refuse' | undefined },
): string | { problem: string } {
  const lines = text
    .split(/\r\n|\r|\n|\u2028/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (spec.line === spec.of && lines.length > spec.of) {
    if (spec.overflow === 'refuse') {
      return {
        problem: `the text has ${lines.length} lines; the mapping splits it into ${spec.of} (overflow: refuse): shorten it in the ERP`,
      };
    }
    return lines.slice(spec.line - 1).join(', ');
  }
  return lines[spec.line - 1] ?? '';
}

/** raw x factor (a column of the row or a number), exactly on decimal digits, as decimal text. */
function multiplied(row: SourceRow, raw: unknown, by: string | number): string | { problem: string } {
  const a = numberText(raw);
  if (a === null) return { problem: `"${String(raw)}" is not a number, so it cannot be multiplied` };
  let b: string | null;
  if (typeof by === 'number') b = numberText(by);
  else {
    const got = columnValue(row, by);
    if (!got.found)
      return {
        problem: `factor column "${by}" (multiplyBy) is not in the query result (columns: ${Object.keys(row).join(', ')})`,
      };
    if (isEmpty(got.value)) return { problem: `factor column "${by}" (multiplyBy) is empty` };
    b = numberText(got.value);
    if (b === null)
      return { problem: `factor column "${by}" (multiplyBy) holds "${String(got.value)}", not a number` };
  }
  return multiplyDecimalText(a, b!);
}
