/** Generic Infoplus resource: get, search, iterate, and for writable resources create, update, delete. */
import { toFilterText, type OperatorSpelling } from './filter.js';
import { NotFoundError, OutcomeUnknownError, ServerError, ValidationError } from './errors.js';
import type { InfoplusOperation } from './errors.js';
import { iteratePages } from './paging.js';
import type { RequestRunner } from './request-runner.js';
import type { AttemptResult, AttemptSpec } from './transport.js';
import type { ReadableResource, SearchQuery, WritableResource } from './types.js';
import { DEFAULT_SEARCH_LIMIT, FIRST_PAGE, MAX_SEARCH_LIMIT, RESOURCE_KEY } from './wire-format.js';
import type { ResourceKeyField, ResourcePath } from './wire-format.js';

const SORT_PATTERN = /^!?[A-Za-z_][A-Za-z0-9_.]*$/;

/** Builds the query parameters of a search; throws a clear error for an impossible page or limit. */
export function searchParams(
  resource: string,
  q: SearchQuery = {},
  spelling: OperatorSpelling = 'gte',
): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const filter = toFilterText(q.filter, spelling);
  if (filter !== undefined) params.filter = filter;
  const page = q.page ?? FIRST_PAGE;
  const limit = q.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(page) || page < FIRST_PAGE) {
    throw badQuery(resource, `page must be a whole number from ${FIRST_PAGE} (got ${page})`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw badQuery(resource, `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT} (got ${limit})`);
  }
  params.page = page;
  params.limit = limit;
  if (q.sort !== undefined && q.sort !== '') {
    if (!SORT_PATTERN.test(q.sort)) {
      throw badQuery(
        resource,
        `sort must be a field name, or ! and a field name for descending (got ${JSON.stringify(q.sort)})`,
      );
    }
    params.sort = q.sort;
  }
  return params;
}

function badQuery(resource: string, message: string): ValidationError {
  return new ValidationError({
    resource,
    operation: 'search',
    message: `Invalid ${resource} search: ${message}`,
  });
}

/**
 * The tenant's `ge`/`le` spelling, shared by every resource of one client: starts as configured (default
 * `gte`, or what the probe found) and switches once when the tenant refuses a filter in one spelling and
 * takes it in the other.
 */
export interface OperatorSpellingState {
  current: OperatorSpelling;
}

/** Shared plumbing for one resource path. */
export class ResourceCore<T> {
  readonly key: ResourceKeyField;
  constructor(
    readonly runner: RequestRunner,
    readonly path: ResourcePath,
    /** How `ge`/`le` go on the wire for this tenant (a probe may have found `ge` only). */
    readonly ops: OperatorSpellingState = { current: 'gte' },
  ) {
    this.key = RESOURCE_KEY[path];
  }

  spec(
    method: AttemptSpec['method'],
    operation: InfoplusOperation,
    sub = '',
    extra: Partial<AttemptSpec> = {},
  ): AttemptSpec {
    return { method, operation, resource: this.path, path: `/${this.path}${sub}`, ...extra };
  }

  checkId(id: unknown, operation: InfoplusOperation): string {
    if (typeof id !== 'number' || !Number.isFinite(id) || id <= 0) {
      throw new ValidationError({
        resource: this.path,
        operation,
        message: `${operation} ${this.path} needs a positive numeric ${this.key} (got ${JSON.stringify(id)})`,
      });
    }
    return String(id);
  }

  /** The record from a 2xx answer, or a ServerError if the answer is not a JSON object. */
  record(result: AttemptResult, operation: InfoplusOperation, recordKey?: string): T {
    const body = result.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ServerError({
        resource: this.path,
        operation,
        status: result.status,
        ...(recordKey !== undefined ? { recordKey } : {}),
        message: `Infoplus answered ${operation} ${this.path} with ${result.notJson ? 'a non-JSON page' : 'no record'} (HTTP ${result.status}); check the domain or base URL`,
      });
    }
    return body as T;
  }

  async get(id: number): Promise<T> {
    const key = this.checkId(id, 'get');
    const result = await this.runner.run(this.spec('GET', 'get', `/${key}`, { recordKey: key }));
    return this.record(result, 'get', key);
  }

  /**
   * One page. A filter refused (4xx) in the current spelling of ge/le is asked once more in the other
   * spelling; when that is taken, the client keeps it (decided by status, never by the error's wording).
   */
  async search(q?: SearchQuery): Promise<T[]> {
    const spelling = this.ops.current;
    try {
      return await this.searchAs(q, spelling);
    } catch (e) {
      const other: OperatorSpelling = spelling === 'gte' ? 'ge' : 'gte';
      const refused = e instanceof ValidationError && e.status !== undefined;
      if (!refused || toFilterText(q?.filter, spelling) === toFilterText(q?.filter, other)) throw e;
      let rows: T[];
      try {
        rows = await this.searchAs(q, other);
      } catch {
        throw e;
      }
      this.ops.current = other;
      return rows;
    }
  }

  private async searchAs(q: SearchQuery | undefined, spelling: OperatorSpelling): Promise<T[]> {
    const params = searchParams(this.path, q, spelling);
    const result = await this.runner.run(this.spec('GET', 'search', '/search', { params }));
    if (!Array.isArray(result.body)) {
      throw new ServerError({
        resource: this.path,
        operation: 'search',
        status: result.status,
        message: `Infoplus answered a ${this.path} search with ${result.notJson ? 'a non-JSON page' : 'something other than a list'} (HTTP ${result.status}); check the domain or base URL`,
      });
    }
    return result.body as T[];
  }

  iterate(q: Omit<SearchQuery, 'page'> = {}): AsyncIterable<T> {
    // Sorting by the key keeps pages stable while records are added during the walk.
    return iteratePages<T>((page, limit) => this.search({ ...q, page, limit }), {
      limit: q.limit ?? MAX_SEARCH_LIMIT,
      resource: this.path,
      keyOf: (r) => (r as Record<string, unknown>)[this.key],
    });
  }

  async create(record: Partial<T>): Promise<T> {
    const result = await this.runner.run(this.spec('POST', 'create', '', { body: record }));
    if (result.body === null || typeof result.body !== 'object' || Array.isArray(result.body)) {
      // It was accepted (2xx) but we cannot tell which record it made: the caller must look it up.
      throw new OutcomeUnknownError({
        resource: this.path,
        operation: 'create',
        status: result.status,
        requestSent: true,
        message: `Infoplus accepted create ${this.path} (HTTP ${result.status}) but sent no record back; look it up before sending it again`,
      });
    }
    return result.body as T;
  }

  /**
   * GET the record, overlay the given fields, PUT the whole record back (the only update Infoplus's own
   * clients can make, API.md §12): fields the caller does not give are sent as Infoplus has them, so a PUT
   * that replaces cannot clear them, and lines keep their Infoplus ids, so one that adds id-less lines cannot
   * add them twice.
   */
  async update(record: Partial<T>): Promise<void> {
    const keyValue = (record as Record<string, unknown> | null)?.[this.key];
    const key = this.checkId(keyValue, 'update');
    const current = (await this.get(Number(key))) as Record<string, unknown>;
    const body = overlayRecord(current, record as Record<string, unknown>);
    await this.runner.run(this.spec('PUT', 'update', '', { body, recordKey: key }));
  }

  async delete(id: number): Promise<void> {
    const key = this.checkId(id, 'delete');
    await this.runner.run(this.spec('DELETE', 'delete', `/${key}`, { recordKey: key }));
  }

  /** GET a lookup endpoint; null on 404 or an empty answer. */
  async lookup(
    sub: string,
    operation: InfoplusOperation,
    params: Record<string, string | number>,
    recordKey: string,
  ) {
    try {
      const result = await this.runner.run(this.spec('GET', operation, sub, { params, recordKey }));
      if (result.body === undefined || result.body === null) return null;
      return this.record(result, operation, recordKey);
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  }
}

type Rec = Record<string, unknown>;

const isRecordArray = (v: unknown): v is Rec[] =>
  Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));

/**
 * The record Infoplus has with `patch` laid over it. Arrays of records (order and ASN lines) are matched
 * line by line: by `id` when the patch line has one, else the first unmatched current line with the same
 * `sku`; a matched line keeps its id and the fields the patch does not give; a patch line with no match is
 * new; current lines the patch leaves out are dropped (the patch's lines are the lines). `undefined` in the
 * patch means "not mapped": the current value stays.
 */
export function overlayRecord(current: Rec, patch: Rec): Rec {
  const out: Rec = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value instanceof KeepCurrent) {
      // sent on create only: Infoplus's value stays; a field Infoplus does not have yet gets the patch's
      out[field] = Object.hasOwn(current, field) ? current[field] : unwrapKept(value.value);
      continue;
    }
    const existing = current[field];
    out[field] = isRecordArray(value) && isRecordArray(existing) ? overlayLines(existing, value) : value;
  }
  return out;
}

function overlayLines(current: readonly Rec[], patch: readonly Rec[]): Rec[] {
  const used = new Set<Rec>();
  const take = (line: Rec): Rec | undefined => {
    const byId =
      line.id !== undefined && line.id !== null
        ? current.find((c) => !used.has(c) && c.id === line.id)
        : undefined;
    const match =
      byId ??
      (line.id === undefined || line.id === null
        ? current.find((c) => !used.has(c) && c.sku !== undefined && c.sku === line.sku)
        : undefined);
    if (match) used.add(match);
    return match;
  };
  return patch.map((line) => {
    const match = take(line);
    // a new line is created with everything, its create-only fields included
    return match ? overlayRecord(match, line) : (unwrapKept(line) as Rec);
  });
}

/**
 * A field value an update must not send (profile `createOnly`): the overlay keeps the value Infoplus has, and
 * uses this one only where Infoplus has none (a line the update adds).
 */
export class KeepCurrent {
  constructor(readonly value: unknown) {}
}

/** The value with every KeepCurrent replaced by what it wraps (for a record or line that is new). */
export function unwrapKept(value: unknown): unknown {
  if (value instanceof KeepCurrent) return unwrapKept(value.value);
  if (Array.isArray(value)) return value.map(unwrapKept);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Rec = {};
    for (const [k, v] of Object.entries(value as Rec)) out[k] = unwrapKept(v);
    return out;
  }
  return value;
}

/** Read-only view of a resource. */
export function readable<T>(core: ResourceCore<T>): ReadableResource<T> {
  return {
    get: (id) => core.get(id),
    search: (q) => core.search(q),
    iterate: (q) => core.iterate(withDefaultSort(core, q)),
  };
}

/** Read-write view of a resource. */
export function writable<T>(core: ResourceCore<T>): WritableResource<T> {
  return {
    ...readable(core),
    create: (r) => core.create(r),
    update: (r) => core.update(r),
    delete: (id) => core.delete(id),
  };
}

function withDefaultSort<T>(
  core: ResourceCore<T>,
  q: Omit<SearchQuery, 'page'> = {},
): Omit<SearchQuery, 'page'> {
  return q.sort === undefined || q.sort === '' ? { ...q, sort: core.key } : q;
}
