import { beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import { pushedSqliteRig, type Rig } from './harness.js';

// Without a fingerprint column a full scan passes over synced records on a fingerprint of their raw rows
// (no value conversion, payload or content hash for them), and still finds every change, also in the lines.
describe('sync engine: full scan without a fingerprint column', () => {
  const ORDERS = 25;
  const setup = pushedSqliteRig('sync-rows-print-', ORDERS);
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  async function fullScan() {
    rig.store.touchpoints.setPushWatermark('orders', null);
    rig.sim.resetStats();
    const run = await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    return { counts: run.counts, writes: rig.sim.stats().writes };
  }

  it('keeps a fingerprint of each pushed record’s rows and passes over unchanged ones at no API cost', async () => {
    expect((await fullScan()).counts).toMatchObject({ unchanged: ORDERS, updated: 0 });
    const keys = [
      ...rig.store.journal
        .getMany(
          'orders',
          (await erp.query<{ order_no: string }>('SELECT order_no FROM sales_orders')).map((r) => r.order_no),
        )
        .values(),
    ];
    expect(keys.every((j) => /:rows:/.test(j.sourceFingerprint ?? ''))).toBe(true);
    const again = await fullScan();
    expect(again).toMatchObject({ counts: { unchanged: ORDERS, updated: 0 }, writes: 0 });
  });

  it('a line changed without touching its header is found and sent', async () => {
    const [o] = await erp.query<{ order_id: number; order_no: string }>(
      'SELECT order_id, order_no FROM sales_orders ORDER BY order_no DESC LIMIT 1',
    );
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 2 WHERE order_id = @id AND line_no = 1', {
      id: o!.order_id,
    });
    const scan = await fullScan();
    expect(scan.counts).toMatchObject({ updated: 1, unchanged: ORDERS - 1, failed: 0 });
    const [line] = await erp.query<{ qty: number }>(
      'SELECT qty FROM sales_order_lines WHERE order_id = @id AND line_no = 1',
      { id: o!.order_id },
    );
    const inInfoplus = rig.sim.state.list('order').find((r) => r['customerOrderNo'] === o!.order_no) as {
      lineItems: { orderedQty: number }[];
    };
    expect(inInfoplus.lineItems[0]!.orderedQty).toBe(Number(line!.qty));
    expect((await fullScan()).counts).toMatchObject({ unchanged: ORDERS, updated: 0 });
  });

  it('a changed mapping compares every record by content again, costing no call for equal payloads', async () => {
    const profile = structuredClone(rig.profile);
    profile.lookups = { ...profile.lookups, unused: { values: { A: 'B' } } };
    const { SyncEngine } = await import('../../../src/sync/index.js');
    const engine = new SyncEngine({
      erp,
      infoplus: rig.client,
      profile,
      store: rig.store,
      logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    rig.store.touchpoints.setPushWatermark('orders', null);
    rig.sim.resetStats();
    const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ unchanged: ORDERS, updated: 0 });
    expect(rig.sim.stats().writes).toBe(0);
  });
});
