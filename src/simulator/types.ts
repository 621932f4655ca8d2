/** Public types of the Infoplus simulator (see interfaces.md section B). */
import type { ResourcePath } from '../infoplus/wire-format.js';
import type { Variants } from './decisions.js';

/** The resources the simulator serves (path names under `/infoplus-wms/api/{version}/`): the client's paths. */
export type ResourceName = ResourcePath;

/** Every resource name, in a stable order (also the order of the state file). */
export const RESOURCE_NAMES: readonly ResourceName[] = [
  'lineOfBusiness',
  'warehouse',
  'vendor',
  'customer',
  'item',
  'order',
  'asn',
  'itemReceipt',
  'shipment',
  'inventoryAdjustment',
  'quickReceipt',
  'quickAdjustment',
  'orderLine',
  'cartonContent',
  'itemCategory',
  'itemSubCategory',
  'receivingCriteriaScheme',
  'carrier',
  'customField',
];

/** A stored record: plain JSON, field names as in the Infoplus models. */
export type SimRecord = Record<string, unknown>;

/** Faults injected into API requests (never into `/__sim/` control requests). */
export interface FaultConfig {
  /** Fixed delay before every answer. */
  latencyMs: number;
  /** Extra random delay 0..jitterMs (seeded). */
  jitterMs: number;
  /** Requests per second (token bucket); above it the answer is 429 with `Retry-After`. null = unlimited. */
  rateLimit: number | null;
  /** Share 0..1 of requests answered 5xx without being applied. */
  failRate: number;
  /** Share 0..1 of requests whose connection is destroyed without an answer, before anything is applied. */
  resetRate: number;
  /** Share 0..1 of requests answered only after slowMs (longer than a client timeout); the request is applied. */
  slowRate: number;
  slowMs: number;
  /** Share 0..1 of writes that are applied and then have their connection destroyed before any answer. */
  commitThenDropRate: number;
}

/** Records to load at start instead of (or on top of) the default demo seed. */
export interface SeedData {
  linesOfBusiness?: SimRecord[];
  warehouses?: SimRecord[];
  vendors?: SimRecord[];
  items?: SimRecord[];
  customers?: SimRecord[];
  /** The tenant's item categories (`internalId`, `lobId`, `id` code, `name`); default: two in LOB 1. */
  itemCategories?: SimRecord[];
  itemSubCategories?: SimRecord[];
  /** Receiving criteria schemes (`id`, `lobId`, `name`). */
  receivingCriteriaSchemes?: SimRecord[];
  /** Custom field definitions (`name`, `recordType` e.g. `Order`, `fieldType`, `label`, `tabLabel`). */
  customFields?: SimRecord[];
  /** false = start empty apart from what is given here; default true (the demo LOB 1 and warehouse 1). */
  includeDefaults?: boolean;
}

/** Options of `startSimulator`. */
export interface SimulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** The API key clients must send in the `API-Key` header; default `sim-demo-key`. */
  apiKey?: string;
  /** Seed of every random choice (faults, warehouse activity); default 1. */
  seed?: number;
  seedData?: SeedData;
  /** Infoplus's "reject duplicate customerOrderNo" account setting; off by default as in Infoplus. */
  rejectDuplicateCustomerOrderNo?: boolean;
  faults?: Partial<FaultConfig>;
  /**
   * Unconfirmed behaviours to simulate (decisions.ts VARIANTS), e.g. `{ errorBody: 'text' }`; every switch
   * not given takes its strict default. A bad key or value throws.
   */
  variants?: Readonly<Record<string, string>>;
  /** When set, state is loaded from this JSON file at start and written to it (atomically) after writes. */
  stateFile?: string;
}

/** Options of warehouse shipping. */
export interface ShipOptions {
  /** Share 0..1 of the open orders to ship (default 1). */
  share?: number;
  /** Share 0..1 of the shipped orders that ship only part of their quantities (default 0.2). */
  partialShare?: number;
  /** At most this many orders (default unlimited). */
  max?: number;
  /** Only print labels (shipment rows with `shipped: false`); the next call without it ships them. */
  labelOnly?: boolean;
}

/** Options of warehouse receiving. */
export interface ReceiveOptions {
  share?: number;
  partialShare?: number;
  max?: number;
}

/** Options of inventory adjustments. */
export interface AdjustOptions {
  /** How many adjustments to make (default 5). */
  count?: number;
  /** Share 0..1 of them that reference an ASN through poNoId (default 0.3). */
  poShare?: number;
}

/** Options of bulk shipment seeding for pull benchmarks. */
export interface SeedShipmentsOptions {
  count: number;
  /** Line of business of the generated shipments (default the first one). */
  lobId?: number;
}

/** Warehouse activity, deterministic for the simulator's seed and its current state. */
export interface WarehouseActivity {
  shipOrders(o?: ShipOptions): { shipments: number; orders: number };
  receiveAsns(o?: ReceiveOptions): { receipts: number; asns: number };
  adjustInventory(o?: AdjustOptions): { adjustments: number };
  /** Shipped rows get a deliveredDate and status Delivered (each bumps its modifyDate). */
  deliver(): { delivered: number };
  /** Pending orders (all, or those of `orderNos`) wait for stock: status `On Order` (still editable). */
  putOnOrder(o?: { orderNos?: readonly number[] }): { orders: number };
}

/** Read access to the simulator's state for tests (copies, never live records). */
export interface SimStateView {
  list<T = SimRecord>(resource: ResourceName): T[];
  get<T = SimRecord>(resource: ResourceName, id: number): T | undefined;
  count(resource: ResourceName): number;
}

/** Counters of what the simulator served. */
export interface SimStats {
  requests: number;
  writes: number;
  byRoute: Record<string, number>;
  faults: Record<string, number>;
}

/** A running simulator. */
export interface InfoplusSimulator {
  /** `http://127.0.0.1:PORT/infoplus-wms/api` (append `/v3.0` or `/beta`). */
  baseUrl: string;
  apiKey: string;
  port: number;
  /** The variants in force (all switches). */
  variants: Variants;
  setFaults(f: Partial<FaultConfig>): void;
  /** The fault configuration now in force. */
  faults(): FaultConfig;
  close(): Promise<void>;
  state: SimStateView;
  warehouse: WarehouseActivity;
  /** Adds `count` shipped orders' shipment records in bulk (pull benchmarks); returns the ids range. */
  seedShipments(o: SeedShipmentsOptions): { firstId: number; lastId: number };
  stats(): SimStats;
  resetStats(): void;
  /** Writes the state file now (no-op without `stateFile`). */
  flush(): Promise<void>;
}
