/** createInfoplusClient: wires base URL, transport, tenant rate limiter, retries and the typed resources. */
import { resolveBaseUrl } from './base-url.js';
import { testConnection } from './connection-test.js';
import { InfoplusConfigError, ValidationError } from './errors.js';
import type {
  Asn,
  Customer,
  InventoryAdjustment,
  Item,
  ItemReceipt,
  LineOfBusiness,
  Order,
  Shipment,
  Vendor,
  Warehouse,
  OrderLine,
} from './models/generated.js';
import type {
  CartonContent,
  Carrier,
  CustomField,
  ItemCategory,
  ReceivingCriteriaScheme,
} from './models/tenant-models.js';
import { tenantLimiter } from './rate-limiter.js';
import { RequestRunner } from './request-runner.js';
import { ResourceCore, readable, writable, type OperatorSpellingState } from './resource.js';
import { DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RETRY_AFTER_MS } from './retry.js';
import { Transport } from './transport.js';
import type { CustomerResource, InfoplusClient, InfoplusClientOptions, ItemResource } from './types.js';
import { API_VERSIONS, type ResourcePath } from './wire-format.js';

/** Defaults of InfoplusClientOptions. */
export const CLIENT_DEFAULTS = {
  apiVersion: 'v3.0',
  timeoutMs: 30_000,
  requestsPerSecond: 5,
  maxRetries: 4,
  retryBaseMs: 500,
} as const;

/** A typed Infoplus client for one tenant. Throws InfoplusConfigError for settings that cannot work. */
export function createInfoplusClient(options: InfoplusClientOptions): InfoplusClient {
  const baseUrl = resolveBaseUrl(options);
  const apiVersion = options.apiVersion ?? CLIENT_DEFAULTS.apiVersion;
  if (!API_VERSIONS.includes(apiVersion)) {
    throw new InfoplusConfigError(`Infoplus API version must be one of ${API_VERSIONS.join(', ')}`);
  }
  const apiKey = checkApiKey(options.apiKey);
  const timeoutMs = positive(options.timeoutMs, CLIENT_DEFAULTS.timeoutMs, 'timeoutMs');
  const maxRetries = nonNegativeInt(options.maxRetries, CLIENT_DEFAULTS.maxRetries, 'maxRetries');
  const transport = new Transport({ baseUrl, apiVersion, apiKey, timeoutMs });
  const adaptive = options.adaptiveRate;
  const limiter = tenantLimiter(
    baseUrl,
    adaptive
      ? {
          adaptive: true,
          ...(adaptive.ceiling !== undefined ? { ceiling: positive(adaptive.ceiling, 1, 'ceiling') } : {}),
          learned: adaptive.learned ?? null,
          memory: adaptive.memory,
        }
      : positive(options.requestsPerSecond, CLIENT_DEFAULTS.requestsPerSecond, 'requestsPerSecond'),
  );
  const runner = new RequestRunner(
    transport,
    limiter,
    {
      maxRetries,
      baseMs: positive(options.retryBaseMs, CLIENT_DEFAULTS.retryBaseMs, 'retryBaseMs'),
      maxDelayMs: positive(options.maxRetryDelayMs, DEFAULT_MAX_DELAY_MS, 'maxRetryDelayMs'),
      maxRetryAfterMs: positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS, 'maxRetryAfterMs'),
      random: Math.random,
    },
    options.logger,
  );

  const spelling = options.filterOperators ?? 'gte';
  if (spelling !== 'gte' && spelling !== 'ge')
    throw new InfoplusConfigError(`filterOperators must be 'gte' or 'ge' (got ${JSON.stringify(spelling)})`);
  const ops: OperatorSpellingState = { current: spelling };
  const core = <T>(path: ResourcePath): ResourceCore<T> => new ResourceCore<T>(runner, path, ops);
  const lineOfBusiness = core<LineOfBusiness>('lineOfBusiness');
  const warehouse = core<Warehouse>('warehouse');
  const itemCore = core<Item>('item');
  const customerCore = core<Customer>('customer');

  const item: ItemResource = {
    ...writable(itemCore),
    getBySKU: async (lobId, sku) => {
      checkLookup('item', 'getBySKU', lobId, sku, 'sku');
      return itemCore.lookup('/getBySKU', 'getBySKU', { lobId, sku }, sku);
    },
  };
  const customer: CustomerResource = {
    ...writable(customerCore),
    getByCustomerNo: async (lobId, customerNo) => {
      checkLookup('customer', 'getByCustomerNo', lobId, customerNo, 'customerNo');
      return customerCore.lookup('/getByCustomerNo', 'getByCustomerNo', { lobId, customerNo }, customerNo);
    },
  };

  return {
    baseUrl,
    apiVersion,
    order: writable(core<Order>('order')),
    asn: writable(core<Asn>('asn')),
    vendor: writable(core<Vendor>('vendor')),
    customer,
    item,
    lineOfBusiness: writable(lineOfBusiness),
    warehouse: writable(warehouse),
    shipment: readable(core<Shipment>('shipment')),
    itemReceipt: readable(core<ItemReceipt>('itemReceipt')),
    inventoryAdjustment: readable(core<InventoryAdjustment>('inventoryAdjustment')),
    orderLine: readable(core<OrderLine>('orderLine')),
    cartonContent: readable(core<CartonContent>('cartonContent')),
    itemCategory: readable(core<ItemCategory>('itemCategory')),
    itemSubCategory: readable(core<ItemCategory>('itemSubCategory')),
    receivingCriteriaScheme: readable(core<ReceivingCriteriaScheme>('receivingCriteriaScheme')),
    carrier: readable(core<Carrier>('carrier')),
    customField: readable(core<CustomField>('customField')),
    get filterOperators() {
      return ops.current;
    },
    testConnection: () => testConnection({ baseUrl, apiVersion, lineOfBusiness, warehouse }),
    stats: runner.stats,
    rate: { snapshot: () => limiter.snapshot(), inFlightLimit: () => limiter.inFlightLimit() },
    close: () => transport.destroy(),
  };
}

function checkApiKey(key: unknown): string {
  const trimmed = typeof key === 'string' ? key.trim() : '';
  if (trimmed === '')
    throw new InfoplusConfigError('Infoplus API key is empty: paste the key from Infoplus (User → API Key)');
  // Header values must be visible ASCII; say so without echoing the key.
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new InfoplusConfigError(
      'Infoplus API key contains spaces or characters that cannot be sent in a header: paste it again',
    );
  }
  return trimmed;
}

function checkLookup(
  resource: string,
  operation: 'getBySKU' | 'getByCustomerNo',
  lobId: unknown,
  value: unknown,
  name: string,
): void {
  const problem =
    typeof lobId !== 'number' || !Number.isInteger(lobId) || lobId <= 0
      ? `a positive whole lobId (got ${JSON.stringify(lobId)})`
      : typeof value !== 'string' || value === ''
        ? `a non-empty ${name}`
        : undefined;
  if (problem !== undefined) {
    throw new ValidationError({ resource, operation, message: `${resource}.${operation} needs ${problem}` });
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new InfoplusConfigError(`${name} must be a positive number (got ${value})`);
  return value;
}

function nonNegativeInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new InfoplusConfigError(`${name} must be a whole number ≥ 0 (got ${value})`);
  return value;
}
