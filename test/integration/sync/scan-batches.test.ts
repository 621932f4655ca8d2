import { beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import { profileErpIo, type ErpIo } from '../../../src/sync/erp-io.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { countBy, pushedSqliteRig, quietLogger, type Rig } from './harness.js';

// A full scan reads the ERP in batches (one promise per batch of records, not per record). The passes of
// pushBatchSize sends must still end inside a batch, and every changed record be sent exactly once, with the
// profile's reader as with a reader that only streams records one by one.
describe('sync engine: a full scan read in batches', () => {
  const ORDERS = 120; // pushBatchSize is 50 in the rig: three passes over one batch of 120 headers
  const setup = pushedSqliteRig('sync-scan-batches-', ORDERS);
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  async function changeEveryOrder(suffix: string): Promise<void> {
    await erp.execute(`UPDATE sales_orders SET customer_po = COALESCE(customer_po, '') || @s`, { s: suffix });
  }

  async function fullScan(engine: SyncEngine) {
    rig.store.touchpoints.setPushWatermark('orders', null);
    rig.sim.resetStats();
    const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
    return { counts: run.counts, writes: rig.sim.stats().writes };
  }

  function sentOnce(): void {
    const perOrder = countBy(rig.sim.state.list('order'), 'customerOrderNo');
    expect(perOrder.size).toBe(ORDERS);
    expect([...perOrder.values()].every((n) => n === 1)).toBe(true);
  }

  it('sends every changed record once across the passes, then finds them all unchanged', async () => {
    await changeEveryOrder('-a');
    const scan = await fullScan(rig.engine);
    expect(scan.counts).toMatchObject({ updated: ORDERS, unchanged: 0, failed: 0, created: 0 });
    expect(scan.writes).toBe(ORDERS);
    sentOnce();
    expect(await fullScan(rig.engine)).toMatchObject({
      counts: { unchanged: ORDERS, updated: 0 },
      writes: 0,
    });
  });

  it('gives the same result through a reader without batches (records one by one)', async () => {
    const { readPushBatches: _batches, ...oneByOne } = profileErpIo;
    const io: ErpIo = oneByOne;
    expect(io.readPushBatches).toBeUndefined();
    const engine = new SyncEngine({
      erp,
      infoplus: rig.client,
      profile: rig.profile,
      store: rig.store,
      logger: quietLogger,
      erpIo: io,
      options: { pushBatchSize: 50, retryBaseMs: 0, retryMaxMs: 0 },
    });
    await changeEveryOrder('-b');
    const scan = await fullScan(engine);
    expect(scan.counts).toMatchObject({ updated: ORDERS, unchanged: 0, failed: 0 });
    expect(scan.writes).toBe(ORDERS);
    sentOnce();
    expect(await fullScan(engine)).toMatchObject({ counts: { unchanged: ORDERS, updated: 0 }, writes: 0 });
  });

  it('passes over the unchanged records and sends only the changed ones in between', async () => {
    const keys = (
      await erp.query<{ order_no: string }>('SELECT order_no FROM sales_orders ORDER BY order_no')
    )
      .map((r) => r.order_no)
      .filter((_, i) => i % 7 === 3);
    for (const k of keys)
      await erp.execute(`UPDATE sales_orders SET customer_po = 'changed' WHERE order_no = @k`, { k });
    const scan = await fullScan(rig.engine);
    expect(scan.counts).toMatchObject({ updated: keys.length, unchanged: ORDERS - keys.length, failed: 0 });
    expect(scan.writes).toBe(keys.length);
    sentOnce();
  });
});
