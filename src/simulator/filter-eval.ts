/** Filter evaluation for search: clauses from the client's parser turned into predicates over records. */
import { parseFilter, FilterError, type FilterClause, type Literal } from '../infoplus/filter.js';
import { parseWireDate } from '../infoplus/wire-format.js';
import { badRequest } from './errors.js';
import { modelFields, type FieldKind } from './schema.js';
import type { SimRecord } from './types.js';

/** A filter clause ready to test records. */
export interface CompiledClause {
  clause: FilterClause;
  path: string[];
  kind: FieldKind;
  test: (rec: SimRecord) => boolean;
  /** Comparable literal(s) after normalisation to the field's kind. */
  values: unknown[];
}

/** Parses and checks a filter, turning each clause into a predicate. */
export function compileFilter(model: string, text: string): CompiledClause[] {
  if (text.trim() === '') return [];
  let clauses: readonly FilterClause[];
  try {
    clauses = parseFilter(text).clauses;
  } catch (e) {
    if (e instanceof FilterError) throw badRequest(`filter: ${e.message}`);
    throw e;
  }
  return clauses.map((clause) => compileClause(model, clause));
}

function resolvePath(model: string, field: string): FieldKind {
  const parts = field.split('.');
  let current = model;
  for (let i = 0; i < parts.length; i++) {
    const spec = modelFields(current)[parts[i] as string];
    if (!spec) break;
    const last = i === parts.length - 1;
    if (spec.kind === 'map' && !last) return 'any'; // customFields.<name>: free-form
    if (last) return spec.kind === 'array' ? (spec.itemsKind ?? 'any') : spec.kind;
    if (spec.itemsModel === undefined) break;
    current = spec.itemsModel;
  }
  throw badRequest(`filter: unknown field '${field}' for ${model}`);
}

function normalise(kind: FieldKind, lit: Literal, field: string): unknown {
  if (lit === null) return null;
  switch (kind) {
    case 'datetime': {
      const d = typeof lit === 'string' ? parseWireDate(lit) : null;
      if (!d)
        throw badRequest(
          `filter: ${field} is a date; write it as '2024-01-31T12:00:00.000Z' (got ${String(lit)})`,
        );
      return d.toISOString();
    }
    case 'integer':
    case 'number': {
      const n = typeof lit === 'number' ? lit : Number(lit);
      if (typeof lit === 'boolean' || !Number.isFinite(n))
        throw badRequest(`filter: ${field} is a number (got ${String(lit)})`);
      return n;
    }
    case 'string':
      return String(lit);
    case 'boolean':
      if (typeof lit === 'boolean') return lit;
      if (lit === 'true' || lit === 'false') return lit === 'true';
      throw badRequest(`filter: ${field} is true or false (got ${String(lit)})`);
    default:
      return lit;
  }
}

function compileClause(model: string, clause: FilterClause): CompiledClause {
  const kind = resolvePath(model, clause.field);
  const path = clause.field.split('.');
  const lits = Array.isArray(clause.value) ? (clause.value as Literal[]) : [clause.value as Literal];
  const values = lits.map((l) => normalise(kind, l, clause.field));
  const one = values[0];
  let pred: (v: unknown) => boolean;
  switch (clause.op) {
    case 'eq':
      pred = one === null ? (v) => v === null || v === undefined : (v) => v === one;
      break;
    case 'ne':
      pred = one === null ? (v) => v !== null && v !== undefined : (v) => v !== one;
      break;
    case 'in': {
      const set = new Set(values);
      pred = (v) => set.has(v ?? null);
      break;
    }
    case 'like': {
      const re = likeRegex(String(lits[0] ?? ''));
      pred = (v) => v !== null && v !== undefined && re.test(String(v));
      break;
    }
    default: {
      const op = clause.op;
      pred = (v) => {
        if (v === null || v === undefined || one === null || one === undefined) return false;
        const c = compare(v, one);
        return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
      };
    }
  }
  const negative = clause.op === 'ne';
  const single = path.length === 1 ? (path[0] as string) : null;
  const test = (rec: SimRecord): boolean => {
    if (single !== null) {
      // Fast path for top-level fields (the common case; no allocation).
      const v = rec[single];
      if (!Array.isArray(v)) return pred(v);
    }
    const found = valuesAt(rec, path);
    if (found.length === 0) return pred(undefined);
    // "any element matches" for arrays; for ne, no element may equal the value.
    return negative ? found.every(pred) : found.some(pred);
  };
  return { clause, path, kind, test, values };
}

function likeRegex(pattern: string): RegExp {
  const body = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

function valuesAt(rec: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [rec];
  for (const part of path) {
    const next: unknown[] = [];
    for (const c of current) {
      if (c === null || typeof c !== 'object') continue;
      const v = (c as Record<string, unknown>)[part];
      if (Array.isArray(v)) next.push(...v);
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  return current;
}

/** Orders values of one kind; null/undefined first. */
export function compare(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const as = String(a);
  const bs = String(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}
