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
} from './models/generated.js';
import { tenantLimiter } from './rate-limiter.js';
import { RequestRunner } from './request-runner.js';
import { ResourceCore, readable, writable } from './resource.js';
import { DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RETRY_AFTER_MS } from './retry.js';
import { Transport } from './transport.js';
import type { CustomerResource, InfoplusClient, InfoplusClientOptions, ItemResource } from './types.js';
import { API_VERSIONS } from './wire-format.js';

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

  const lineOfBusiness = new ResourceCore<LineOfBusiness>(runner, 'lineOfBusiness');
  const warehouse = new ResourceCore<Warehouse>(runner, 'warehouse');
  const itemCore = new ResourceCore<Item>(runner, 'item');
  const customerCore = new ResourceCore<Customer>(runner, 'customer');

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
    order: writable(new ResourceCore<Order>(runner, 'order')),
    asn: writable(new ResourceCore<Asn>(runner, 'asn')),
    vendor: writable(new ResourceCore<Vendor>(runner, 'vendor')),
    customer,
    item,
    lineOfBusiness: writable(lineOfBusiness),
    warehouse: writable(warehouse),
    shipment: readable(new ResourceCore<Shipment>(runner, 'shipment')),
    itemReceipt: readable(new ResourceCore<ItemReceipt>(runner, 'itemReceipt')),
    inventoryAdjustment: readable(new ResourceCore<InventoryAdjustment>(runner, 'inventoryAdjustment')),
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
