/* global process, performance */
// Child of the memory benchmark, on the BUILT JavaScript (dist/): pushes every order of the ERP in one run and
// reports its RSS when 5k and `marks` records had been pushed. Usage: node bench/rss-child.mjs <baseUrl>
// <apiKey> <erpFile> <dataDir> <mark,mark,...>
import { openErp } from '../dist/src/erp/index.js';
import { sampleProfileText } from '../dist/src/erp/sample/index.js';
import { createInfoplusClient } from '../dist/src/infoplus/index.js';
import { parseProfile } from '../dist/src/profile/index.js';
import { openStateStore } from '../dist/src/store/index.js';
import { SyncEngine } from '../dist/src/sync/index.js';

const [baseUrl, apiKey, erpFile, dataDir, markList] = process.argv.slice(2);
const marks = markList.split(',').map(Number);
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const erp = await openErp({ driver: 'sqlite', url: erpFile });
const profile = parseProfile(sampleProfileText('sqlite', { erpUrl: erpFile, infoplusBaseUrl: baseUrl }));
const client = createInfoplusClient({ baseUrl, apiKey, requestsPerSecond: 5000 });
const store = openStateStore(dataDir);
const rss = {};
// what is still reachable at each mark (after a full collection): RSS alone also counts heap V8 has not
// given back yet, which is not growth of the run
const live = {};
const full = {};
const onEvent = (e) => {
  if (e.type !== 'run-progress' || e.progress.touchpoint !== 'orders') return;
  const pushed = e.progress.counts.created + e.progress.counts.updated;
  for (const m of marks) {
    if (pushed >= m && rss[m] === undefined) {
      full[m] = process.memoryUsage();
      rss[m] = full[m].rss;
      globalThis.gc?.();
      const u = process.memoryUsage();
      live[m] = u.heapUsed + u.external;
    }
  }
};
const options = { concurrency: 16, progressIntervalMs: 100 };
const pre = new SyncEngine({ erp, infoplus: client, profile, store, logger: silent, options });
for (const tp of ['vendors', 'items']) await pre.runTouchpoint(tp, { trigger: 'manual' });
const engine = new SyncEngine({ erp, infoplus: client, profile, store, logger: silent, onEvent, options });
const t0 = performance.now();
const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
const seconds = (performance.now() - t0) / 1000;
store.close();
client.close();
await erp.close();
process.stdout.write(
  JSON.stringify({
    status: run.status,
    created: run.counts.created,
    seconds,
    rss,
    live,
    memory: full,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n',
);
