/** `startSimulator`: wires state, rules, faults, warehouse activity and the HTTP server together. */
import type { AddressInfo } from 'node:net';
import { API_BASE_PATH } from '../infoplus/wire-format.js';
import { SimClock } from './clock.js';
import type { SimCall, SimContext } from './context.js';
import { createControl } from './control.js';
import { createRecord, viewOf } from './crud.js';
import { DEFAULT_API_KEY } from './decisions.js';
import {
  CARRIERS,
  DEFAULT_LOB,
  DEFAULT_TENANT_LISTS,
  DEFAULT_WAREHOUSE,
  SECOND_WAREHOUSE,
} from './defaults.js';
import { SimHttpError } from './errors.js';
import { FaultEngine } from './faults.js';
import { StatePersister } from './persist.js';
import { createPrng } from './prng.js';
import { createSimServer, type ServerCounters } from './server.js';
import { SimStore } from './store.js';
import type { InfoplusSimulator, ResourceName, SeedData, SimRecord, SimulatorOptions } from './types.js';
import { resolveVariants } from './variants.js';
import { createWarehouse } from './warehouse.js';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A seed item without category / receiving-criteria ids gets the first of the tenant's (set-up data). */
function withTenantIds(ctx: SimContext, item: SimRecord): SimRecord {
  const first = (resource: ResourceName): unknown => {
    const col = ctx.store.collections[resource];
    for (const rec of col.records.values())
      if (item.lobId === undefined || rec.lobId === item.lobId) return rec[col.keyField];
    return undefined;
  };
  return {
    majorGroupId: first('itemCategory'),
    subGroupId: first('itemSubCategory'),
    receivingCriteriaSchemeId: first('receivingCriteriaScheme'),
    ...item,
  };
}

/** A state file from before the tenant lists existed gets the default lists, so its items stay valid. */
function seedMissingTenantLists(ctx: SimContext): void {
  const call: SimCall = { ctx, version: 'beta' };
  const lists = DEFAULT_TENANT_LISTS;
  const groups: [ResourceName, readonly SimRecord[]][] = [
    ['itemCategory', lists.itemCategory],
    ['itemSubCategory', lists.itemSubCategory],
    ['receivingCriteriaScheme', lists.receivingCriteriaScheme],
    ['carrier', CARRIERS.map((c) => ({ carrier: c.id, label: c.company, scac: c.scac }))],
  ];
  for (const [resource, records] of groups) {
    const col = ctx.store.collections[resource];
    if (col.size > 0) continue;
    for (const rec of records) createRecord(call, resource, { ...rec }, rec[col.keyField] as number);
  }
  // a state file of the default seed from before the demo tenant had its second warehouse
  const warehouses = ctx.store.collections.warehouse;
  if (
    warehouses.records.has(DEFAULT_WAREHOUSE.id as number) &&
    !warehouses.records.has(SECOND_WAREHOUSE.id as number)
  )
    createRecord(call, 'warehouse', { ...SECOND_WAREHOUSE }, SECOND_WAREHOUSE.id as number);
}

/** Loads seed records through the normal create rules (so seeds obey them too), keeping given ids. */
function applySeed(ctx: SimContext, seed: SeedData): void {
  const call: SimCall = { ctx, version: 'beta' };
  const groups: [ResourceName, SimRecord[]][] = [];
  const defaults = seed.includeDefaults !== false;
  const lists = DEFAULT_TENANT_LISTS;
  if (defaults) {
    groups.push(
      ['lineOfBusiness', [{ ...DEFAULT_LOB }]],
      ['warehouse', [{ ...DEFAULT_WAREHOUSE }, { ...SECOND_WAREHOUSE }]],
      ['carrier', CARRIERS.map((c) => ({ carrier: c.id, label: c.company, scac: c.scac }))],
    );
  }
  groups.push(
    ['lineOfBusiness', seed.linesOfBusiness ?? []],
    ['warehouse', seed.warehouses ?? []],
    ['itemCategory', seed.itemCategories ?? (defaults ? lists.itemCategory.map((r) => ({ ...r })) : [])],
    [
      'itemSubCategory',
      seed.itemSubCategories ?? (defaults ? lists.itemSubCategory.map((r) => ({ ...r })) : []),
    ],
    [
      'receivingCriteriaScheme',
      seed.receivingCriteriaSchemes ?? (defaults ? lists.receivingCriteriaScheme.map((r) => ({ ...r })) : []),
    ],
    ['customField', seed.customFields ?? []],
    ['vendor', seed.vendors ?? []],
    ['item', seed.items ?? []],
    ['customer', seed.customers ?? []],
  );
  for (const [resource, records] of groups) {
    const keyField = ctx.store.collections[resource].keyField;
    records.forEach((given, i) => {
      try {
        const rec = resource === 'item' ? withTenantIds(ctx, given) : given;
        const key = rec[keyField];
        createRecord(call, resource, rec, typeof key === 'number' ? key : undefined);
      } catch (e) {
        const detail = e instanceof SimHttpError ? e.messages.join('; ') : (e as Error).message;
        throw new Error(`simulator seed data: ${resource} #${i + 1} rejected: ${detail}`);
      }
    });
  }
}

/** Starts an Infoplus simulator on loopback (port 0 = any free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<InfoplusSimulator> {
  const seed = options.seed ?? 1;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const store = new SimStore();
  const variants = resolveVariants(options.variants);
  const persister = options.stateFile ? new StatePersister(options.stateFile, store) : null;
  const ctx: SimContext = {
    store,
    clock: new SimClock(variants.datePrecision),
    rejectDuplicateCustomerOrderNo: options.rejectDuplicateCustomerOrderNo ?? false,
    variants,
    changed: () => persister?.changed(),
  };
  const loaded = persister?.load() ?? false;
  if (!loaded) applySeed(ctx, options.seedData ?? {});
  else if (options.seedData?.includeDefaults !== false) seedMissingTenantLists(ctx);
  const faults = new FaultEngine(seed, options.faults);
  const warehouse = createWarehouse(ctx, createPrng(seed));
  const counters: ServerCounters = { requests: 0, writes: 0, byRoute: {} };

  let sim: InfoplusSimulator | null = null;
  const { server, stop } = createSimServer({
    apiKey,
    ctx,
    faults,
    counters,
    control: createControl(() => sim as InfoplusSimulator),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  sim = {
    baseUrl: `http://${hostInUrl}:${port}${API_BASE_PATH}`,
    apiKey,
    port,
    variants,
    setFaults: (f) => faults.set(f),
    faults: () => faults.current,
    async close() {
      stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persister?.flush();
    },
    state: {
      list: <T>(resource: ResourceName): T[] =>
        clone([...store.collections[resource].records.values()].map((r) => viewOf(ctx, resource, r))) as T[],
      get: <T>(resource: ResourceName, id: number): T | undefined => {
        const rec = store.collections[resource].get(id);
        return rec ? (clone(viewOf(ctx, resource, rec)) as T) : undefined;
      },
      count: (resource) => store.collections[resource].size,
    },
    warehouse: {
      shipOrders: (o) => warehouse.shipOrders(o),
      receiveAsns: (o) => warehouse.receiveAsns(o),
      adjustInventory: (o) => warehouse.adjustInventory(o),
      deliver: () => warehouse.deliver(),
      putOnOrder: (o) => warehouse.putOnOrder(o),
    },
    seedShipments: (o) => warehouse.seedShipments(o),
    stats: () => ({
      requests: counters.requests,
      writes: counters.writes,
      byRoute: { ...counters.byRoute },
      faults: { ...faults.counts },
    }),
    resetStats() {
      counters.requests = 0;
      counters.writes = 0;
      counters.byRoute = {};
      for (const k of Object.keys(faults.counts)) delete faults.counts[k];
    },
    flush: async () => {
      await persister?.flush();
    },
  };
  return sim;
}
