/** Generic Infoplus resource: get, search, iterate, and for writable resources create, update, delete. */
import { toFilterText } from './filter.js';
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
export function searchParams(resource: string, q: SearchQuery = {}): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const filter = toFilterText(q.filter);
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

/** Shared plumbing for one resource path. */
export class ResourceCore<T> {
  readonly key: ResourceKeyField;
  constructor(
    readonly runner: RequestRunner,
    readonly path: ResourcePath,
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

  async search(q?: SearchQuery): Promise<T[]> {
    const params = searchParams(this.path, q);
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

  async update(record: Partial<T>): Promise<void> {
    const keyValue = (record as Record<string, unknown> | null)?.[this.key];
    const key = this.checkId(keyValue, 'update');
    await this.runner.run(this.spec('PUT', 'update', '', { body: record, recordKey: key }));
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
