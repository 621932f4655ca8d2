/** `GET /{R}/search`: filter (client's parser), sort, paging; indexed and range-narrowed where possible. */
import { parseSort, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../infoplus/wire-format.js';
import { badRequest } from './errors.js';
import { compare, compileFilter, type CompiledClause } from './filter-eval.js';
import { modelFields, type FieldKind } from './schema.js';
import { indexKey, type Collection } from './store.js';
import type { SimRecord } from './types.js';

/** Search query parameters as received. */
export interface SearchParams {
  filter?: string | null;
  page?: string | null;
  limit?: string | null;
  sort?: string | null;
}

/** The search behaviours that are variants (decisions.ts). */
export interface SearchVariants {
  limitOver250: 'clamp' | 'error';
  filterOps: 'gte' | 'ge' | 'both';
}

const STRICT_SEARCH: SearchVariants = { limitOver250: 'clamp', filterOps: 'gte' };

/** Sorted views per collection and field, rebuilt when the collection's version changes. */
const sortCache = new WeakMap<Collection, Map<string, { version: number; rows: SimRecord[] }>>();

/** Runs a search; `view` turns a stored record into what filters see and what is answered. */
export function search(
  col: Collection,
  model: string,
  params: SearchParams,
  view: (rec: SimRecord) => SimRecord,
  variants: SearchVariants = STRICT_SEARCH,
): SimRecord[] {
  const clamp = variants.limitOver250 === 'clamp';
  const limit = Math.min(
    MAX_SEARCH_LIMIT,
    intParam(
      params.limit,
      'limit',
      DEFAULT_SEARCH_LIMIT,
      1,
      clamp ? Number.MAX_SAFE_INTEGER : MAX_SEARCH_LIMIT,
    ),
  );
  const page = intParam(params.page, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  checkOperatorSpelling(params.filter ?? '', variants.filterOps);
  const clauses = compileFilter(model, params.filter ?? '');
  const sortText = (params.sort ?? '').trim();
  const { field: sortField, descending } =
    sortText === '' ? { field: col.keyField, descending: false } : parseSort(sortText);
  const fields = modelFields(model);
  const sortSpec = fields[sortField];
  if (!sortSpec || sortSpec.kind === 'array' || sortSpec.kind === 'map') {
    throw badRequest(`sort: unknown or unsortable field '${sortField}' for ${model}`);
  }
  const needsView = model === 'Asn';
  const matches = (rec: SimRecord): boolean => {
    const seen = needsView ? view(rec) : rec;
    return clauses.every((c) => c.test(seen));
  };
  const skip = (page - 1) * limit;
  const out: SimRecord[] = [];
  let skipped = 0;
  const take = (rec: SimRecord): boolean => {
    if (!matches(rec)) return true;
    if (skipped < skip) skipped++;
    else out.push(rec);
    return out.length < limit;
  };

  const candidates = indexedCandidates(col, clauses) ?? narrowerDateRange(col, clauses, sortField);
  if (candidates) {
    candidates.sort(comparator(sortField, col.keyField, descending));
    for (const rec of candidates) if (!take(rec)) break;
  } else if (sortField === col.keyField && !descending && col.inKeyOrder && !hasRange(clauses, sortField)) {
    for (const rec of col.records.values()) if (!take(rec)) break;
  } else {
    const rows = sortedRows(col, sortField);
    const [lo, hi] = rangeOf(rows, clauses, sortField, sortSpec.kind);
    if (descending) {
      for (let i = hi - 1; i >= lo; i--) if (!take(rows[i] as SimRecord)) break;
    } else {
      for (let i = lo; i < hi; i++) if (!take(rows[i] as SimRecord)) break;
    }
  }
  return out.map(view);
}

/**
 * Refuses the comparison operator spellings the filterOps variant does not know (`ge`/`le` or `gte`/`lte`),
 * as a server with only one spelling would. Quoted literals are skipped so a value cannot trip it.
 */
function checkOperatorSpelling(filter: string, accepted: SearchVariants['filterOps']): void {
  if (accepted === 'both') return;
  const outsideQuotes = filter.replace(/'(?:[^']|'')*'/g, "''");
  const refused = accepted === 'gte' ? /\s(ge|le)\s/i : /\s(gte|lte)\s/i;
  const m = refused.exec(outsideQuotes);
  if (m) throw badRequest(`filter: unknown operator '${m[1] ?? ''}'`);
}

function intParam(
  text: string | null | undefined,
  name: string,
  dflt: number,
  min: number,
  max: number,
): number {
  if (text === null || text === undefined || text === '') return dflt;
  if (!/^\d+$/.test(text)) throw badRequest(`${name}: must be a whole number between ${min} and ${max}`);
  const n = Number(text);
  if (n < min || n > max) throw badRequest(`${name}: must be between ${min} and ${max} (got ${text})`);
  return n;
}

function comparator(field: string, key: string, descending: boolean): (a: SimRecord, b: SimRecord) => number {
  return (a, b) => {
    const c = compare(a[field], b[field]);
    if (c !== 0) return descending ? -c : c;
    return compare(a[key], b[key]);
  };
}

function sortedRows(col: Collection, field: string): SimRecord[] {
  let perCol = sortCache.get(col);
  if (!perCol) sortCache.set(col, (perCol = new Map()));
  const hit = perCol.get(field);
  if (hit && hit.version === col.version) return hit.rows;
  const rows = [...col.records.values()];
  if (!(field === col.keyField && col.inKeyOrder)) rows.sort(comparator(field, col.keyField, false));
  perCol.set(field, { version: col.version, rows });
  return rows;
}

/**
 * Records in the range of a date clause on another field than the sort field (e.g. `modifyDate eq D and
 * id gt X` sorted by id, a cursor's tie query) when that range is small; null otherwise.
 */
function narrowerDateRange(
  col: Collection,
  clauses: readonly CompiledClause[],
  sortField: string,
): SimRecord[] | null {
  let best: SimRecord[] | null = null;
  for (const c of clauses) {
    const field = c.clause.field;
    if (field === sortField || c.kind !== 'datetime' || c.path.length !== 1 || !hasRange([c], field))
      continue;
    const rows = sortedRows(col, field);
    const [lo, hi] = rangeOf(rows, clauses, field, c.kind);
    if (hi - lo <= Math.max(MAX_SEARCH_LIMIT, rows.length / 8) && (best === null || hi - lo < best.length)) {
      best = rows.slice(lo, hi);
    }
  }
  return best;
}

function hasRange(clauses: readonly CompiledClause[], field: string): boolean {
  return clauses.some(
    (c) => c.clause.field === field && ['eq', 'gt', 'ge', 'lt', 'le'].includes(c.clause.op),
  );
}

/** Narrows [0, rows.length) with the range clauses on the sort field (rows sorted ascending by it). */
function rangeOf(
  rows: readonly SimRecord[],
  clauses: readonly CompiledClause[],
  field: string,
  kind: FieldKind,
): [number, number] {
  let lo = 0;
  let hi = rows.length;
  if (kind === 'any') return [lo, hi];
  for (const c of clauses) {
    if (c.clause.field !== field) continue;
    const v = c.values[0];
    if (v === null || v === undefined) continue;
    const op = c.clause.op;
    if (op === 'gt') lo = Math.max(lo, bound(rows, field, v, true));
    if (op === 'ge' || op === 'eq') lo = Math.max(lo, bound(rows, field, v, false));
    if (op === 'lt') hi = Math.min(hi, bound(rows, field, v, false));
    if (op === 'le' || op === 'eq') hi = Math.min(hi, bound(rows, field, v, true));
  }
  return [lo, Math.max(lo, hi)];
}

/** First index whose value is > v (after=true) or >= v (after=false). */
function bound(rows: readonly SimRecord[], field: string, v: unknown, after: boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare((rows[mid] as SimRecord)[field], v);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records found through an index when the filter has `eq` on all its fields (or on the key). */
function indexedCandidates(col: Collection, clauses: readonly CompiledClause[]): SimRecord[] | null {
  const eqs = new Map<string, unknown>();
  for (const c of clauses)
    if (c.clause.op === 'eq' && c.path.length === 1 && c.values[0] !== null)
      eqs.set(c.clause.field, c.values[0]);
  const key = eqs.get(col.keyField);
  if (typeof key === 'number') {
    const rec = col.get(key);
    return rec ? [rec] : [];
  }
  for (const def of col.indexDefs()) {
    const k = indexKey(def.fields, (f) => eqs.get(f));
    if (k === null) continue;
    return col.find(def.name, k).flatMap((id) => {
      const rec = col.get(id);
      return rec ? [rec] : [];
    });
  }
  return null;
}
