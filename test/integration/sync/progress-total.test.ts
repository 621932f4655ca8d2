import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src/contract/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { SyncEngine, type EngineEvent, type EngineOptions } from '../../../src/sync/index.js';
import { runPath } from './run-path.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';

/** A run's progress events tell its total early, and the total is what the run then really counts. */
describe('run progress: a total the run keeps', () => {
  const tmp = tempDir('sync-progress-');
  let erp: ErpConnection;
  let rig: Rig;

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 60, dataDir: `${tmp.dir}/state` });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  const engineWith = (
    events: EngineEvent[],
    options: EngineOptions = {},
    forward: (e: EngineEvent) => void = () => {},
  ) =>
    new SyncEngine({
      erp,
      infoplus: rig.client,
      profile: rig.profile,
      store: rig.store,
      logger: quietLogger,
      onEvent: (e) => {
        events.push(e);
        forward(e);
      },
      options: { retryBaseMs: 0, progressIntervalMs: 0, concurrency: 4, ...options },
    });

  const progressOf = (events: readonly EngineEvent[], tp: string): RunProgress[] =>
    events.flatMap((e) => (e.type === 'run-progress' && e.progress.touchpoint === tp ? [e.progress] : []));

  it('a push of one read batch knows its total before the first record is done, and ends on it', async () => {
    const events: EngineEvent[] = [];
    const path = runPath((onEvent) => engineWith(events, {}, onEvent), rig.store, quietLogger);
    const runs = await path.runs.runAndWait({
      trigger: 'manual',
      touchpoints: ['vendors', 'items', 'orders'],
    });
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const orders = progressOf(events, 'orders');
    const withTotal = orders.filter((p) => p.total !== null);
    expect(withTotal[0]).toMatchObject({ done: 0, total: 60 });
    expect(withTotal.every((p) => p.total === 60)).toBe(true);
    expect(orders.at(-1)).toMatchObject({ done: 60, total: 60 });
  });

  it('an unchanged run knows the same total; passes of a few sends still end on their total', async () => {
    await erp.execute(
      `UPDATE sales_orders SET notes = 'changed', updated_at = @t WHERE order_id IN (SELECT order_id FROM sales_orders ORDER BY order_id LIMIT 12)`,
      { t: new Date() },
    );
    const events: EngineEvent[] = [];
    // a full compare in passes of 5 sends: the read is closed and opened again, the total comes with the last
    const run = await engineWith(events, { pushBatchSize: 5 }).runTouchpoint('orders', {
      trigger: 'manual',
      full: true,
    });
    expect(run.counts).toMatchObject({ updated: 12, unchanged: 48 });
    const orders = progressOf(events, 'orders');
    const totals = new Set(orders.flatMap((p) => (p.total === null ? [] : [p.total])));
    expect([...totals]).toEqual([60]);
    expect(orders.at(-1)).toMatchObject({ done: 60, total: 60 });
  });

  it('a pull knows its total once its last page is in, and never shows one it outgrows', async () => {
    rig.sim.warehouse.adjustInventory({ count: 25 });
    const events: EngineEvent[] = [];
    // pages of 10: the first pages come with no total, the last one tells it
    const run = await engineWith(events, { pullPageSize: 10 }).runTouchpoint('inventory-adjustments', {
      trigger: 'manual',
    });
    expect(run.counts.pulled).toBeGreaterThanOrEqual(25);
    const pulls = progressOf(events, 'inventory-adjustments');
    const done = pulls.at(-1)!.done;
    expect(pulls.at(-1)).toMatchObject({ total: done });
    const firstTotal = pulls.findIndex((p) => p.total !== null);
    expect(pulls.slice(0, firstTotal).every((p) => p.total === null)).toBe(true);
    expect(pulls[firstTotal]!.done).toBeLessThan(done);
    expect(pulls.slice(firstTotal).every((p) => p.total === done)).toBe(true);
  });
});
