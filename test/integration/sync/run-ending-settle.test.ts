// The ending of a run over a slow Infoplus (answers after the client timeout, then commits): while creates are
// being checked the run does not end as ok and says so; once they landed, the next run ends ok with each order once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runEnding } from '../../../src/app/run-ending.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { createInfoplusClient } from '../../../src/infoplus/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { countBy, makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('run ending while creates are being checked with Infoplus', () => {
  const tmp = tempDir('sync-ending-settle-');
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 20, dataDir: join(tmp.dir, 'state') });
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  it(
    'is not ok (one "being checked" line) until the slow creates landed, then ok',
    { timeout: 120_000 },
    async () => {
      const client = createInfoplusClient({
        baseUrl: rig.sim.baseUrl,
        apiKey: rig.sim.apiKey,
        requestsPerSecond: 1000,
        retryBaseMs: 5,
        maxRetryDelayMs: 50,
        timeoutMs: 400,
      });
      try {
        const engine = new SyncEngine({
          erp,
          infoplus: client,
          profile: rig.profile,
          store: rig.store,
          logger: quietLogger,
          options: { retryBaseMs: 0, retryMaxMs: 0, settleDelaysMs: [1000, 2500] },
        });
        rig.sim.setFaults({ slowRate: 0.3, slowMs: 1500 });
        const first = await engine.runTouchpoint('orders', { trigger: 'manual' });
        rig.sim.setFaults({ slowRate: 0 });
        expect(rig.sim.stats().faults['slow'] ?? 0).toBeGreaterThan(0);
        const ending = runEnding([first], rig.store.inbox.groups());
        expect(ending.ok).toBe(false);
        expect(ending.lines).toEqual([
          expect.stringMatching(/^orders: \d+ record\(s\) being checked: Infoplus has not confirmed/),
        ]);

        await sleep(2600);
        const second = await engine.runTouchpoint('orders', { trigger: 'manual' });
        expect(runEnding([second], rig.store.inbox.groups())).toMatchObject({ ok: true, lines: [] });
        const byKey = countBy(rig.sim.state.list('order'), 'customerOrderNo');
        expect(byKey.size).toBe(20);
        expect([...byKey.values()].every((n) => n === 1)).toBe(true);
      } finally {
        client.close();
      }
    },
  );
});
