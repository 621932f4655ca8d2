/** Public types of the Infoplus client. */
import type { ConnectionTestResult } from '../contract/dto.js';
import type { Filter, OperatorSpelling } from './filter.js';
import type { FilterAst } from './filter-ast.js';
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
import type { LearnedRate } from './adaptive-rate.js';
import type { RateMemory, RateSnapshot } from './rate-limiter.js';
import type { LoggerLike } from '../logging/index.js';
import type { ClientStats } from './request-runner.js';
import type { ApiVersion } from './wire-format.js';

/** How to reach one Infoplus tenant. */
export interface InfoplusClientOptions {
  /** Tenant name: `acme` → https://acme.infopluswms.com/infoplus-wms/api (a pasted tenant URL works too). */
  domain?: string;
  /** OR a full base URL ending in /infoplus-wms/api (simulator, proxy); wins over domain. */
  baseUrl?: string;
  /** Default 'v3.0'. */
  apiVersion?: ApiVersion;
  /** Sent as header API-Key; never logged, never in an error. */
  apiKey: string;
  /** Per-attempt wall-clock timeout; default 30_000. */
  timeoutMs?: number;
  /** A fixed rate for the token bucket shared per tenant (base URL) in the process; default 5. */
  requestsPerSecond?: number;
  /**
   * Find the tenant's rate by itself instead (wins over requestsPerSecond): start low, grow while answers are
   * clean, back off on 429s and rising latency, never above `ceiling`; `learned`/`memory` carry it across runs.
   */
  adaptiveRate?: { ceiling?: number; learned?: LearnedRate | null; memory?: RateMemory };
  /** Retries for reads (and for writes that certainly did not reach Infoplus); default 4. */
  maxRetries?: number;
  /** First back-off ceiling; default 500 ms, doubling, full jitter, at least Retry-After. */
  retryBaseMs?: number;
  /** Upper bound of one back-off; default 30_000. */
  maxRetryDelayMs?: number;
  /** A Retry-After longer than this is returned to the caller as RateLimitedError; default 120_000. */
  maxRetryAfterMs?: number;
  logger?: LoggerLike;
  /**
   * Spelling of `ge`/`le` in filters: `gte` (default, the published spelling) or `ge` (what a probe of this
   * tenant found accepted when `gte` is not; see probe-infoplus).
   */
  filterOperators?: OperatorSpelling;
}

/** One search call. `sort` is `field` (ascending) or `!field` (descending). */
export interface SearchQuery {
  filter?: Filter | FilterAst | string;
  /** 1-based; default 1. */
  page?: number;
  /** 1..250; default 20 for search, 250 for iterate. */
  limit?: number;
  sort?: string;
}

/** Operations every resource has. */
export interface ReadableResource<T> {
  /** NotFoundError when absent. For order, id = orderNo. */
  get(id: number): Promise<T>;
  /** One page. */
  search(q?: SearchQuery): Promise<T[]>;
  /** Every match, page by page (limit 250 unless given), until a short page; sorted by key unless `sort` is given. */
  iterate(q?: Omit<SearchQuery, 'page'>): AsyncIterable<T>;
}

/** Resources that can be written. */
export interface WritableResource<T> extends ReadableResource<T> {
  /** POST; resolves with the created record. OutcomeUnknownError if it was sent but no answer came. */
  create(record: Partial<T>): Promise<T>;
  /** PUT with the key (orderNo / id) in the body; never re-sent blindly either. */
  update(record: Partial<T>): Promise<void>;
  /** DELETE by key. */
  delete(id: number): Promise<void>;
}

/** The item resource adds a SKU lookup. */
export interface ItemResource extends WritableResource<Item> {
  /** GET /item/getBySKU; null when Infoplus has no such SKU in the line of business. */
  getBySKU(lobId: number, sku: string): Promise<Item | null>;
}

/** The customer resource adds a customer-number lookup. */
export interface CustomerResource extends WritableResource<Customer> {
  /** GET /customer/getByCustomerNo; null when not found. */
  getByCustomerNo(lobId: number, customerNo: string): Promise<Customer | null>;
}

/** What callers may read of the tenant's rate limiter. */
export interface RateView {
  snapshot(): RateSnapshot;
  /** Requests worth keeping in flight now: rate x latency (Little's law), bounded. */
  inFlightLimit(): number;
}

/** A typed client for one tenant. */
export interface InfoplusClient {
  readonly baseUrl: string;
  readonly apiVersion: ApiVersion;
  order: WritableResource<Order>;
  asn: WritableResource<Asn>;
  vendor: WritableResource<Vendor>;
  customer: CustomerResource;
  item: ItemResource;
  lineOfBusiness: WritableResource<LineOfBusiness>;
  warehouse: WritableResource<Warehouse>;
  shipment: ReadableResource<Shipment>;
  itemReceipt: ReadableResource<ItemReceipt>;
  inventoryAdjustment: ReadableResource<InventoryAdjustment>;
  /** Per-line quantities of orders (shippedQty, backorderQty, allowedQty): the truth about what shipped. */
  orderLine: ReadableResource<OrderLine>;
  /** Which order line's quantity went into which carton (`cartonId` = the shipment's). */
  cartonContent: ReadableResource<CartonContent>;
  /** The tenant's own lists an item references (majorGroupId, subGroupId: by `internalId`). */
  itemCategory: ReadableResource<ItemCategory>;
  itemSubCategory: ReadableResource<ItemCategory>;
  receivingCriteriaScheme: ReadableResource<ReceivingCriteriaScheme>;
  carrier: ReadableResource<Carrier>;
  customField: ReadableResource<CustomField>;
  /** The `ge`/`le` spelling this client sends now (it switches once if the tenant refuses the other). */
  readonly filterOperators: OperatorSpelling;
  /** Lines of business and warehouses the key can see, or a message that says what is wrong. */
  testConnection(): Promise<ConnectionTestResult>;
  /** Live counters (the same object keeps counting). */
  readonly stats: Readonly<ClientStats>;
  /** The tenant's rate limiter: the rate in use and how many requests to keep in flight (absent in fakes). */
  readonly rate?: RateView;
  /** Close idle keep-alive sockets. The client must not be used afterwards. */
  close(): void;
}
