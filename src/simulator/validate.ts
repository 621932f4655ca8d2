/** Checks request bodies against the model table: unknown fields, kinds, readOnly, required. */
import { parseWireDate, type ApiVersion } from '../infoplus/wire-format.js';
import { modelFields, type FieldKind, type FieldSpec } from './schema.js';
import type { SimRecord } from './types.js';

/** create = new record (required+readOnly fields accepted); update = merge into an existing one. */
export type WriteMode = 'create' | 'update';

/** API version of the path and the unknownFields variant (decisions.ts). */
export interface CleanOptions {
  version?: ApiVersion;
  unknownFields?: 'reject' | 'ignore';
}

/**
 * Returns a cleaned copy of `body` for `model`: values coerced to their kind (dates normalised to ISO
 * with milliseconds), readOnly fields dropped, unknown fields and bad values reported in `errors` as
 * `path: message`. Nulls are kept on update (they clear a field) and dropped on create.
 */
export function cleanBody(
  model: string,
  body: unknown,
  mode: WriteMode,
  errors: string[],
  opts: CleanOptions = {},
  prefix = '',
  keep: readonly string[] = [],
): SimRecord {
  const version = opts.version ?? 'beta';
  const reject = opts.unknownFields !== 'ignore';
  const out: SimRecord = {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    errors.push(`${prefix ? prefix.replace(/\.$/, '') : 'body'}: must be a JSON object`);
    return out;
  }
  const fields = modelFields(model);
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const spec = fields[name];
    const path = `${prefix}${name}`;
    if (!spec) {
      if (reject) errors.push(`${path}: unknown field for ${model}`);
      continue;
    }
    if (spec.betaOnly && version !== 'beta') {
      if (reject)
        errors.push(`${path}: unknown field for ${model} in API ${version} (it exists only in beta)`);
      continue;
    }
    const accepted = !spec.readOnly || (spec.required && mode === 'create') || keep.includes(name);
    if (!accepted) continue;
    if (value === null || value === undefined) {
      if (mode === 'update') out[name] = null;
      continue;
    }
    const coerced = coerce(spec, value, path, errors, opts);
    if (coerced !== undefined) out[name] = coerced;
  }
  return out;
}

function coerce(
  spec: FieldSpec,
  value: unknown,
  path: string,
  errors: string[],
  opts: CleanOptions,
): unknown {
  if (spec.kind === 'array') {
    if (!Array.isArray(value)) {
      errors.push(`${path}: must be an array`);
      return undefined;
    }
    const model = spec.itemsModel;
    if (model !== undefined) {
      // Array elements are always new content for the parent record, so they validate as a create.
      return value.map((v, i) => cleanBody(model, v, 'create', errors, opts, `${path}[${i}].`, ['id']));
    }
    const itemKind = spec.itemsKind ?? 'any';
    return value.map((v, i) => coerceScalar(itemKind, v, `${path}[${i}]`, errors));
  }
  return coerceScalar(spec.kind, value, path, errors);
}

/** Coerces one scalar the way a lenient JSON binder (Jackson) would; reports what it cannot. */
export function coerceScalar(kind: FieldKind, value: unknown, path: string, errors: string[]): unknown {
  switch (kind) {
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 2147483647) return n;
      errors.push(`${path}: must be a whole number (got ${describe(value)})`);
      return undefined;
    }
    case 'number': {
      const n = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
      if (typeof n === 'number' && Number.isFinite(n)) return n;
      errors.push(`${path}: must be a number (got ${describe(value)})`);
      return undefined;
    }
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      errors.push(`${path}: must be a string (got ${describe(value)})`);
      return undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      errors.push(`${path}: must be true or false (got ${describe(value)})`);
      return undefined;
    case 'datetime': {
      const d = typeof value === 'string' ? parseWireDate(value) : null;
      if (d) return d.toISOString();
      errors.push(
        `${path}: must be an ISO-8601 date such as 2024-01-31T12:00:00.000Z (got ${describe(value)})`,
      );
      return undefined;
    }
    case 'map':
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
      errors.push(`${path}: must be a JSON object`);
      return undefined;
    default:
      return value;
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reports required fields that are missing (recursing into arrays of models). */
export function checkRequired(model: string, record: SimRecord, errors: string[], prefix = ''): void {
  const fields = modelFields(model);
  for (const [name, spec] of Object.entries(fields)) {
    const value = record[name];
    if (spec.required && (value === undefined || value === null || value === '')) {
      errors.push(`${prefix}${name}: is required`);
    }
    if (spec.itemsModel !== undefined && Array.isArray(value)) {
      const itemsModel = spec.itemsModel;
      value.forEach((v, i) => {
        if (v !== null && typeof v === 'object')
          checkRequired(itemsModel, v as SimRecord, errors, `${prefix}${name}[${i}].`);
      });
    }
  }
}

/** Whether a model has a field (used to decide which timestamps a model carries). */
export function hasField(model: string, field: string): boolean {
  return modelFields(model)[field] !== undefined;
}
