/* global process, performance */
// Child of the pull benchmark, run on the BUILT JavaScript (dist/) so its RSS is the product's, not tsx's.
// Usage: node bench/pull-child.mjs <baseUrl> <apiKey> <driver> <erpUrl> <dataDir> <pullBatchSize>
import { openErp } from '../dist/src/erp/index.js';
import { sampleProfileText } from '../dist/src/erp/sample/index.js';
import { createInfoplusClient } from '../dist/src/infoplus/index.js';
import { parseProfile } from '../dist/src/profile/index.js';
import { openStateStore } from '../dist/src/store/index.js';
import { SyncEngine } from '../dist/src/sync/index.js';

const [baseUrl, apiKey, driver, erpUrl, dataDir, batch] = process.argv.slice(2);
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const erp = await openErp({ driver, url: erpUrl });
const profile = parseProfile(sampleProfileText(driver, { erpUrl: 'unused', infoplusBaseUrl: baseUrl }));
const client = createInfoplusClient({ baseUrl, apiKey, requestsPerSecond: 1000 });
const store = openStateStore(dataDir);
const engine = new SyncEngine({
  erp,
  infoplus: client,
  profile,
  store,
  logger: silent,
  options: { pullBatchSize: Number(batch) },
});
const c0 = process.cpuUsage();
const t0 = performance.now();
const run = await engine.runTouchpoint('shipments', { trigger: 'manual' });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
store.close();
client.close();
await erp.close();
process.stdout.write(
  JSON.stringify({
    status: run.status,
    pulled: run.counts.pulled,
    failed: run.counts.failed,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n',
);
