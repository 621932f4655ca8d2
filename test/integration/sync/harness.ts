/** Shared set-up of the engine integration tests: simulator + sample ERP + state folder + engine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErpConnection, ErpDriverName } from '../../../src/erp/types.js';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import { createInfoplusClient, type InfoplusClient } from '../../../src/infoplus/index.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { openStateStore, type StateStore } from '../../../src/store/index.js';
import { SyncEngine, type EngineOptions, type LoggerLike } from '../../../src/sync/index.js';
import type { RunCoordinator } from '../../../src/app/run-coordinator.js';
import { runPath } from './run-path.js';

/** A logger that keeps quiet (set SYNC_TEST_LOG=1 to see it). */
export const quietLogger: LoggerLike = process.env.SYNC_TEST_LOG
  ? {
      debug: () => {},
      info: (o, m) => console.log(m, o),
      warn: (o, m) => console.warn(m, o),
      error: (o, m) => console.error(m, o),
    }
  : { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Makes a temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database of one driver for one test, with its own schema/database, dropped afterwards. */
export interface TestErp {
  readonly driver: ErpDriverName;
  readonly url: string;
  open(): Promise<ErpConnection>;
  drop(): Promise<void>;
}

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** Creates an isolated ERP database for the driver. */
export async function makeTestErp(driver: 'sqlite' | 'postgres' | 'mysql', dir: string): Promise<TestErp> {
  const name = `sync_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (driver === 'sqlite') {
    const url = join(dir, `${name}.sqlite`);
    return { driver, url, open: () => openErp({ driver, url, createIfMissing: true }), drop: async () => {} };
  }
  const admin = await openErp({ driver, url: driver === 'postgres' ? PG_URL : MYSQL_URL });
  if (driver === 'postgres') {
    await admin.execute(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    return {
      driver,
      url,
      open: () => openErp({ driver, url }),
      drop: async () => {
        const a = await openErp({ driver, url: PG_URL });
        await a.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.close();
      },
    };
  }
  await admin.execute(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = MYSQL_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    driver,
    url,
    open: () => openErp({ driver, url }),
    drop: async () => {
      const a = await openErp({ driver, url: MYSQL_URL });
      await a.execute(`DROP DATABASE IF EXISTS ${name}`);
      await a.close();
    },
  };
}

/** Everything one engine test needs. */
export interface Rig {
  readonly sim: InfoplusSimulator;
  readonly erp: ErpConnection;
  readonly profile: Profile;
  readonly client: InfoplusClient;
  store: StateStore;
  engine: SyncEngine;
  /** The production run path over `engine` (see run-path.ts): the suites run through `runs.runAndWait`. */
  runs: RunCoordinator;
  readonly dataDir: string;
  /** Re-opens the store, engine and coordinator (as a restarted process would). */
  restart(): void;
  close(): Promise<void>;
}

/** Starts a simulator, fills a sample ERP and builds an engine. */
export async function makeRig(o: {
  erp: ErpConnection;
  driver: ErpDriverName;
  orders: number;
  dataDir: string;
  sim?: InfoplusSimulator;
  options?: EngineOptions;
  rps?: number;
  fillErp?: boolean;
  /** The client's timeout (default 5 s); shorter for the slow-commit fault. */
  timeoutMs?: number;
  /** Changes the sample profile's text before it is parsed (a test's own profile settings). */
  editProfile?: (text: string) => string;
}): Promise<Rig> {
  const sim = o.sim ?? (await startSimulator({ seed: 7 }));
  if (o.fillErp !== false) await createSampleErp(o.erp, { orders: o.orders, seed: 3 });
  const text = sampleProfileText(o.driver, { erpUrl: 'unused', infoplusBaseUrl: sim.baseUrl });
  const profile = parseProfile(o.editProfile ? o.editProfile(text) : text);
  const client = createInfoplusClient({
    baseUrl: sim.baseUrl,
    apiKey: sim.apiKey,
    requestsPerSecond: o.rps ?? 1000,
    retryBaseMs: 5,
    maxRetryDelayMs: 50,
    timeoutMs: o.timeoutMs ?? 5000,
  });
  const build = (store: StateStore) =>
    runPath(
      (onEvent) =>
        new SyncEngine({
          erp: o.erp,
          infoplus: client,
          profile,
          store,
          logger: quietLogger,
          onEvent,
          // Small passes, so every test also exercises closing and re-opening the ERP read mid-push.
          // A short settle window: the simulator commits within milliseconds unless a test makes it slow.
          options: {
            concurrency: 8,
            retryBaseMs: 0,
            retryMaxMs: 0,
            pushBatchSize: 50,
            settleDelaysMs: [100, 400],
            ...o.options,
          },
        }),
      store,
      quietLogger,
    );
  const store = openStateStore(o.dataDir);
  const first = build(store);
  const rig: Rig = {
    sim,
    erp: o.erp,
    profile,
    client,
    store,
    engine: first.engine,
    runs: first.runs,
    dataDir: o.dataDir,
    restart() {
      rig.store.close();
      rig.store = openStateStore(o.dataDir);
      const next = build(rig.store);
      rig.engine = next.engine;
      rig.runs = next.runs;
    },
    async close() {
      rig.store.close();
      client.close();
      if (!o.sim) await sim.close();
    },
  };
  return rig;
}

/** Counts by key: how many Infoplus records carry each value of a field. */
export function countBy(rows: readonly Record<string, unknown>[], field: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = String(r[field]);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/**
 * For one describe block: a SQLite sample ERP with `orders` orders, a rig over it, and vendors, items and orders
 * already pushed; torn down afterwards. Returns getters (the rig exists once beforeAll ran).
 */
export function pushedSqliteRig(
  prefix: string,
  orders: number,
): { rig(): Rig; erp(): ErpConnection; dir: string } {
  const tmp = tempDir(prefix);
  let erp: ErpConnection | undefined;
  let rig: Rig | undefined;
  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders, dataDir: join(tmp.dir, 'state') });
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
  });
  afterAll(async () => {
    await rig?.close();
    await erp?.close();
    tmp.remove();
  });
  return {
    rig: () => rig ?? fail('the rig is not ready (beforeAll failed)'),
    erp: () => erp ?? fail('the ERP is not open (beforeAll failed)'),
    dir: tmp.dir,
  };
}

function fail(message: string): never {
  throw new Error(message);
}
