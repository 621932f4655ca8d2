import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DryRunTouchpointReport } from '../../../src/contract/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { makeRig, makeTestErp, tempDir, type Rig } from './harness.js';

const PUSH = ['vendors', 'items', 'asns', 'orders'] as const;

// The dry run on the sample ERP and the simulator: each record's verdict, and agreement with the real run.
describe('dry run: a verdict per record, by the rules the run applies', () => {
  const tmp = tempDir('dry-run-verdicts-');
  let erp: ErpConnection;
  let rig: Rig;
  const tpOf = (r: { touchpoints: readonly DryRunTouchpointReport[] }, tp: string): DryRunTouchpointReport =>
    r.touchpoints.find((t) => t.touchpoint === tp)!;

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 12, dataDir: `${tmp.dir}/state` });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  it('lists every record as a create before the first run', async () => {
    const orders = tpOf(await rig.engine.dryRun([...PUSH]), 'orders');
    expect(orders.recordVerdicts).toHaveLength(12);
    expect(orders.recordVerdicts!.every((r) => r.verdict === 'create')).toBe(true);
  });

  it('right after a real run predicts no change for any record', async () => {
    const runs = await rig.runs.runAndWait({ touchpoints: [...PUSH] });
    expect(runs.every((r) => r.counts.failed === 0)).toBe(true);
    const report = await rig.engine.dryRun([...PUSH]);
    for (const tp of PUSH) {
      const t = tpOf(report, tp);
      expect({ tp, create: t.wouldCreate, update: t.wouldUpdate, problems: t.problems }).toEqual({
        tp,
        create: 0,
        update: 0,
        problems: [],
      });
      expect(t.records).toBeGreaterThan(0);
      expect(t.recordVerdicts!.filter((r) => r.verdict !== 'unchanged')).toEqual([]);
    }
  });

  it('names the fields an update would change, and refuses a SKU Infoplus would refuse', async () => {
    const [order] = await erp.query<{ order_no: string }>(
      'SELECT MIN(order_no) AS order_no FROM sales_orders',
    );
    await erp.execute(
      `UPDATE sales_orders SET customer_po = 'PO-CHANGED', updated_at = '2099-01-01 00:00:00' WHERE order_no = @no`,
      { no: order!.order_no },
    );
    await erp.execute(
      `INSERT INTO items (sku, description, unit_price, weight_lbs, upc, vendor_no, active, updated_at)
       SELECT 'ab c!', description, unit_price, weight_lbs, upc, vendor_no, active, updated_at FROM items LIMIT 1`,
    );
    const report = await rig.engine.dryRun(['items', 'orders']);
    const orders = tpOf(report, 'orders');
    expect(orders.wouldUpdate).toBe(1);
    expect(orders.recordVerdicts!.filter((r) => r.verdict !== 'unchanged')).toEqual([
      { recordKey: order!.order_no, verdict: 'update', changedFields: ['customerPONo'] },
    ]);
    const items = tpOf(report, 'items');
    expect(items.wouldCreate).toBe(0);
    expect(items.recordVerdicts!.filter((r) => r.verdict !== 'unchanged')).toEqual([
      {
        recordKey: 'ab c!',
        verdict: 'refused',
        reason: expect.stringMatching(/sku: SKU "AB C!" has characters Infoplus refuses/),
      },
    ]);
    expect(items.problems).toEqual([expect.objectContaining({ recordKey: 'ab c!' })]);
  });

  it('names an order line whose SKU is neither in Infoplus nor among the ERP items, by its line field', async () => {
    const [order] = await erp.query<{ order_id: number; order_no: string }>(
      'SELECT order_id, order_no FROM sales_orders ORDER BY order_no DESC LIMIT 1',
    );
    await erp.execute(
      `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price, qty_shipped)
       VALUES (@id, 99, 'NO-SUCH-SKU', 1, 1, 0)`,
      { id: order!.order_id },
    );
    await erp.execute(`UPDATE sales_orders SET updated_at = '2099-01-02 00:00:00' WHERE order_id = @id`, {
      id: order!.order_id,
    });
    const orders = tpOf(await rig.engine.dryRun(['items', 'orders']), 'orders');
    expect(orders.problems).toContainEqual({
      recordKey: order!.order_no,
      field: expect.stringMatching(/^lineItems\[\d+\]\.sku$/),
      message: 'SKU NO-SUCH-SKU is neither in Infoplus nor among the ERP items to push',
    });
  });
});
