/** Test helpers: a started simulator and a tiny fetch wrapper (no client library). */
import {
  startSimulator,
  type InfoplusSimulator,
  type SimulatorOptions,
} from '../../../src/simulator/index.js';

/** An answer read fully. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/** The JSON of an answer; undefined for an empty or plain-text body (errorBody=empty|text). */
function parseJsonOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Calls the simulator's API under `/{version}` with the right key unless told otherwise. */
export function client(sim: InfoplusSimulator, version: 'v3.0' | 'beta' = 'beta') {
  const call = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    opts: { key?: string | null; signal?: AbortSignal; root?: boolean } = {},
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = {};
    const key = opts.key === undefined ? sim.apiKey : opts.key;
    if (key !== null) headers['API-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const base = opts.root ? sim.baseUrl.replace(/\/infoplus-wms\/api$/, '') : `${sim.baseUrl}/${version}`;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: parseJsonOrUndefined(text) as T,
    };
  };
  return {
    call,
    get: <T = unknown>(path: string, opts?: { key?: string | null }) => call<T>('GET', path, undefined, opts),
    post: <T = unknown>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
    del: (path: string) => call('DELETE', path),
    /** GET /{resource}/search with query parameters. */
    search: <T = Record<string, unknown>>(resource: string, q: Record<string, string | number> = {}) => {
      const qs = new URLSearchParams(
        Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString();
      return call<T[]>('GET', `/${resource}/search${qs ? `?${qs}` : ''}`);
    },
    control: <T = unknown>(method: string, path: string, body?: unknown) =>
      call<T>(method, `/__sim/${path}`, body, { root: true }),
  };
}

/**
 * The lenient value of every switch: JSON error bodies that name the rule, 201/400/401, PUT merges, both
 * operator spellings, millisecond dates. Tests of the business rules read the messages, so they pin these;
 * tests of the strict defaults start the simulator without them (variants.test.ts).
 */
export const LENIENT_VARIANTS: Readonly<Record<string, string>> = {
  errorBody: 'errors',
  createStatus: '201',
  validationStatus: '400',
  authStatus: '401',
  put: 'merge',
  filterOps: 'both',
  datePrecision: 'ms',
  limitOver250: 'error',
  unknownFields: 'reject',
  receipts: 'cumulative',
  backorders: 'none',
};

/** The demo tenant's category, sub-category and receiving criteria ids that every item must name. */
export const TENANT_IDS = { majorGroupId: 1, subGroupId: 1, receivingCriteriaSchemeId: 1 } as const;

/** Starts a simulator with a vendor and a few items in LOB 1 (lenient variants unless `options` say). */
export async function startSeeded(options: SimulatorOptions = {}): Promise<InfoplusSimulator> {
  return startSimulator({
    ...options,
    variants: { ...LENIENT_VARIANTS, ...options.variants },
    seedData: {
      vendors: [
        {
          id: 1,
          lobId: 1,
          vendorNo: 100,
          name: 'Acme Supply',
          street: '1 Main St',
          city: 'Madison',
          state: 'WI',
          zipCode: '53703',
        },
      ],
      items: ['WIDGET-1', 'WIDGET-2', 'GADGET-1', 'GIZMO-9'].map((sku, i) => ({
        lobId: 1,
        sku,
        itemDescription: `Test item ${i + 1}`,
        weightPerWrap: 1.5 + i,
      })),
      customers: [
        {
          lobId: 1,
          customerNo: 'CUST-1',
          name: 'Known Customer',
          street: '5 Elm St',
          city: 'Austin',
          zipCode: '78701',
          country: 'US',
        },
      ],
      ...options.seedData,
    },
  });
}

/** A KB-style minimal order. */
export function minimalOrder(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lobId: 1,
    warehouseId: 1,
    customerNo: 'CUST-1',
    orderDate: '2024-01-15',
    lineItems: [{ sku: 'WIDGET-1', orderedQty: 3 }],
    ...extra,
  };
}

/** A KB-style minimal ASN. */
export function minimalAsn(poNo: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    poNo,
    lobId: 1,
    warehouseId: 1,
    vendorId: 1,
    orderDate: '2024-01-15T00:00:00.000Z',
    type: 'Normal',
    lineItems: [{ sku: 'WIDGET-1', orderQuantity: 10, lobId: 1 }],
    ...extra,
  };
}
