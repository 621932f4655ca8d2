/**
 * Child process of the crash suite: opens the sample ERP and the state folder, prints "ready", runs the
 * given touchpoints through the production run path (the RunCoordinator, see run-path.ts), prints "done".
 * The parent SIGKILLs it at random moments and starts it again.
 * Usage: node --import tsx crash-child.ts <baseUrl> <apiKey> <erpFile> <dataDir> <touchpoint,...>
 */
import { openErp } from '../../../src/erp/index.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { createInfoplusClient } from '../../../src/infoplus/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import { openStateStore } from '../../../src/store/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { isTouchpoint } from '../../../src/contract/index.js';
import { runPath } from './run-path.js';

const [baseUrl, apiKey, erpFile, dataDir, list] = process.argv.slice(2);
if (!baseUrl || !apiKey || !erpFile || !dataDir || !list) {
  console.error('usage: crash-child.ts <baseUrl> <apiKey> <erpFile> <dataDir> <touchpoint,...>');
  process.exit(2);
}
const touchpoints = list.split(',').filter(isTouchpoint);
const erp = await openErp({ driver: 'sqlite', url: erpFile });
const profile = parseProfile(sampleProfileText('sqlite', { erpUrl: erpFile, infoplusBaseUrl: baseUrl }));
// CRASH_TIMEOUT_MS: the client timeout; CRASH_SETTLE_MS: the settle window of unanswered creates (offsets,
// comma-separated). The simulator commits within milliseconds unless a test makes it slow.
const timeoutMs = Number(process.env.CRASH_TIMEOUT_MS ?? 30_000);
const settleDelaysMs = (process.env.CRASH_SETTLE_MS ?? '200').split(',').filter(Boolean).map(Number);
const client = createInfoplusClient({
  baseUrl,
  apiKey,
  requestsPerSecond: 2000,
  retryBaseMs: 5,
  maxRetryDelayMs: 50,
  timeoutMs,
});
const store = openStateStore(dataDir);
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const { runs: coordinator } = runPath(
  (onEvent) =>
    new SyncEngine({
      erp,
      infoplus: client,
      profile,
      store,
      logger: silent,
      onEvent,
      // A killed process leaves its lease behind; the restarted one takes it over because the pid is gone.
      options: { concurrency: 4, retryBaseMs: 0, retryMaxMs: 0, checkpointEvery: 25, settleDelaysMs },
    }),
  store,
  silent,
);
process.stdout.write('ready\n');
const runs = await coordinator.runAndWait({ touchpoints });
const failed = runs.filter((r) => r.status === 'failed');
store.close();
client.close();
await erp.close();
process.stdout.write(
  `done ${JSON.stringify(runs.map((r) => [r.touchpoint, r.status, r.counts, r.error ?? null]))}\n`,
);
process.exit(failed.length > 0 ? 1 : 0);
