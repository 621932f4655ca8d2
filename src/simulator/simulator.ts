/** `startSimulator`: wires state, rules, faults, warehouse activity and the HTTP server together. */
import type { AddressInfo } from 'node:net';
import { API_BASE_PATH } from '../infoplus/wire-format.js';
import { SimClock } from './clock.js';
import type { SimCall, SimContext } from './context.js';
import { createControl } from './control.js';
import { createRecord, viewOf } from './crud.js';
import { DEFAULT_API_KEY } from './decisions.js';
import { DEFAULT_LOB, DEFAULT_WAREHOUSE } from './defaults.js';
import { SimHttpError } from './errors.js';
import { FaultEngine } from './faults.js';
import { StatePersister } from './persist.js';
import { createPrng } from './prng.js';
import { createSimServer, type ServerCounters } from './server.js';
import { SimStore } from './store.js';
import type { InfoplusSimulator, ResourceName, SeedData, SimRecord, SimulatorOptions } from './types.js';
import { createWarehouse } from './warehouse.js';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Loads seed records through the normal create rules (so seeds obey them too), keeping given ids. */
function applySeed(ctx: SimContext, seed: SeedData): void {
  const call: SimCall = { ctx, version: 'beta' };
  const groups: [ResourceName, SimRecord[]][] = [];
  if (seed.includeDefaults !== false)
    groups.push(['lineOfBusiness', [{ ...DEFAULT_LOB }]], ['warehouse', [{ ...DEFAULT_WAREHOUSE }]]);
  groups.push(
    ['lineOfBusiness', seed.linesOfBusiness ?? []],
    ['warehouse', seed.warehouses ?? []],
    ['vendor', seed.vendors ?? []],
    ['item', seed.items ?? []],
    ['customer', seed.customers ?? []],
  );
  for (const [resource, records] of groups) {
    records.forEach((rec, i) => {
      try {
        createRecord(call, resource, rec, typeof rec.id === 'number' ? rec.id : undefined);
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
  const persister = options.stateFile ? new StatePersister(options.stateFile, store) : null;
  const ctx: SimContext = {
    store,
    clock: new SimClock(),
    rejectDuplicateCustomerOrderNo: options.rejectDuplicateCustomerOrderNo ?? false,
    changed: () => persister?.changed(),
  };
  const loaded = persister?.load() ?? false;
  if (!loaded) applySeed(ctx, options.seedData ?? {});
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
