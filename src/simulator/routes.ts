/** Maps `/{version}/{resource}/...` requests to the CRUD, search and process operations. */
import type { ApiVersion } from '../infoplus/wire-format.js';
import type { SimContext } from './context.js';
import {
  OPERATIONS,
  createRecord,
  deleteRecord,
  duplicateRecord,
  getRecord,
  updateCustomFields,
  updateRecord,
  viewOf,
} from './crud.js';
import { badRequest, notFound, SimHttpError } from './errors.js';
import { executeQuickAdjustments, executeQuickReceipts } from './rules-quick.js';
import { RESOURCE_MODEL } from './schema.js';
import { search } from './search.js';
import { IX } from './store.js';
import { RESOURCE_NAMES, type ResourceName } from './types.js';

/** An API request after URL parsing. */
export interface ApiRequest {
  method: string;
  version: ApiVersion;
  resource: string;
  /** Path segments after the resource. */
  rest: string[];
  query: URLSearchParams;
  body: unknown;
}

/** What to answer; `body` undefined = empty 200. */
export interface ApiAnswer {
  status: number;
  body?: unknown;
  /** Whether the request changed state (for stats and commit-then-drop). */
  write: boolean;
  /** Route name for stats, e.g. `GET order/search`. */
  route: string;
}

/** Whether the method/path is a write, known before it runs (commit-then-drop applies to writes only). */
export function isWriteRequest(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'DELETE';
}

function isResource(name: string): name is ResourceName {
  return (RESOURCE_NAMES as readonly string[]).includes(name);
}

function parseKey(resource: ResourceName, text: string): number {
  const pattern = resource === 'order' ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!pattern.test(text)) throw badRequest(`${resource} id must be a number (got '${text}')`);
  return Number(text);
}

function notAllowed(resource: string, what: string): SimHttpError {
  return new SimHttpError(405, `${resource} cannot be ${what} through the API`);
}

/** Runs one API request against the state. */
export function route(ctx: SimContext, req: ApiRequest): ApiAnswer {
  const { method, resource, rest, query, body } = req;
  if (!isResource(resource)) throw notFound(`unknown resource '${resource}'`);
  const call = { ctx, version: req.version };
  const ops = OPERATIONS[resource];
  const [first, second, ...more] = rest;
  const answer = (status: number, route: string, b?: unknown, write = false): ApiAnswer => ({
    status,
    body: b,
    write,
    route: `${method} ${resource}${route}`,
  });

  if (first === undefined) {
    if (method === 'POST') {
      if (!ops.create) throw notAllowed(resource, 'created');
      return answer(Number(ctx.variants.createStatus), '', createRecord(call, resource, body), true);
    }
    if (method === 'PUT') {
      if (!ops.update) throw notAllowed(resource, 'updated');
      updateRecord(call, resource, body);
      return answer(200, '', undefined, true);
    }
    throw new SimHttpError(405, `${method} is not supported on /${resource}`);
  }
  if (second === undefined && method === 'GET') {
    if (first === 'search') {
      const col = ctx.store.collections[resource];
      const rows = search(
        col,
        RESOURCE_MODEL[resource],
        {
          filter: query.get('filter'),
          page: query.get('page'),
          limit: query.get('limit'),
          sort: query.get('sort'),
        },
        (rec) => viewOf(ctx, resource, rec),
        ctx.variants,
      );
      return answer(200, '/search', rows);
    }
    if (first === 'getBySKU' && resource === 'item')
      return answer(200, '/getBySKU', lookup(ctx, 'item', query, 'sku'));
    if (first === 'getByCustomerNo' && resource === 'customer') {
      return answer(200, '/getByCustomerNo', lookup(ctx, 'customer', query, 'customerNo'));
    }
    return answer(200, '/:id', getRecord(ctx, resource, parseKey(resource, first)));
  }
  if (second === undefined && method === 'DELETE') {
    if (!ops.delete) throw notAllowed(resource, 'deleted');
    deleteRecord(call, resource, parseKey(resource, first));
    return answer(200, '/:id', undefined, true);
  }
  if (second === undefined && method === 'PUT' && first === 'customFields') {
    updateCustomFields(call, resource, body);
    return answer(200, '/customFields', undefined, true);
  }
  if (second === undefined && method === 'POST') {
    if (first === 'executeQuickReceipt' && resource === 'quickReceipt') {
      return answer(200, '/executeQuickReceipt', executeQuickReceipts(ctx, body), true);
    }
    if (first === 'executeQuickAdjustment' && resource === 'quickAdjustment') {
      return answer(200, '/executeQuickAdjustment', executeQuickAdjustments(ctx, body), true);
    }
  }
  if (method === 'GET' && first === 'duplicate' && second !== undefined && more.length === 0) {
    return answer(200, '/duplicate/:id', duplicateRecord(ctx, resource, parseKey(resource, second)));
  }
  throw notFound(
    `${method} /${resource}/${rest.join('/')} is not simulated (tags, files, audits and process endpoints are not)`,
  );
}

function lookup(
  ctx: SimContext,
  resource: 'item' | 'customer',
  query: URLSearchParams,
  field: 'sku' | 'customerNo',
) {
  const lobText = query.get('lobId');
  let value = query.get(field);
  if (lobText === null || !/^\d+$/.test(lobText))
    throw badRequest('lobId: required query parameter (a number)');
  if (value === null || value === '') throw badRequest(`${field}: required query parameter`);
  if (field === 'sku') value = value.trim().toUpperCase();
  const index = resource === 'item' ? IX.itemSku : IX.customerNo;
  const [id] = ctx.store.collections[resource].find(index, `${lobText}|${value}`);
  const rec = id === undefined ? undefined : ctx.store.collections[resource].get(id);
  if (!rec)
    throw notFound(`${resource} with ${field} '${value}' does not exist in line of business ${lobText}`);
  return viewOf(ctx, resource, rec);
}
