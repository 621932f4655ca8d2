/** Shared pieces of the benchmark: a sample ERP, a simulator, an engine, quiet logging. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openErp } from '../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../src/erp/sample/index.js';
import type { ErpConnection } from '../src/erp/types.js';
import { createInfoplusClient, type InfoplusClient } from '../src/infoplus/index.js';
import { parseProfile, type Profile } from '../src/profile/index.js';
import type { InfoplusSimulator } from '../src/simulator/index.js';
import { openStateStore, type StateStore } from '../src/store/index.js';
import { SyncEngine, type EngineOptions } from '../src/sync/index.js';

export const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A temporary folder removed at exit. */
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // BENCH_KEEP=1 keeps the folders (agent logs, state) for a look afterwards
  if (process.env.BENCH_KEEP !== '1') process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A SQLite sample ERP with `orders` sales orders. */
export async function sampleErp(dir: string, orders: number): Promise<{ erp: ErpConnection; file: string }> {
  const file = join(dir, 'erp.sqlite');
  const erp = await openErp({ driver: 'sqlite', url: file, createIfMissing: true });
  await createSampleErp(erp, { orders, seed: 9 });
  return { erp, file };
}

/** The sample profile pointed at the simulator. */
export function profileFor(sim: InfoplusSimulator, file: string): Profile {
  return parseProfile(sampleProfileText('sqlite', { erpUrl: file, infoplusBaseUrl: sim.baseUrl }));
}

/** An engine over a fresh state folder. */
export function engineFor(
  erp: ErpConnection,
  sim: InfoplusSimulator,
  profile: Profile,
  dataDir: string,
  rps: number,
  options: EngineOptions,
): { engine: SyncEngine; store: StateStore; client: InfoplusClient } {
  const client = createInfoplusClient({
    baseUrl: sim.baseUrl,
    apiKey: sim.apiKey,
    requestsPerSecond: rps,
    timeoutMs: 30_000,
  });
  const store = openStateStore(dataDir);
  const engine = new SyncEngine({ erp, infoplus: client, profile, store, logger: silent, options });
  return { engine, store, client };
}
