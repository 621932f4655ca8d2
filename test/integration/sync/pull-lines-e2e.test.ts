/**
 * Shipped quantities line by line against the simulator (the official models: shipments without lines, label
 * rows first, back-order children): after push, label printing, shipping and pulling, every ERP order line
 * holds what Infoplus shipped on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { makeRig, makeTestErp, tempDir, type Rig } from './harness.js';

type Rec = Record<string, unknown>;

async function erpLines(
  erp: ErpConnection,
): Promise<Map<string, { sku: string; qty: number; shipped: number }[]>> {
  const rows = await erp.query<{ order_no: string; sku: string; qty: number; qty_shipped: number }>(
    `SELECT o.order_no, l.sku, l.qty, l.qty_shipped FROM sales_order_lines l
     JOIN sales_orders o ON o.order_id = l.order_id ORDER BY o.order_no, l.line_no`,
  );
  const out = new Map<string, { sku: string; qty: number; shipped: number }[]>();
  for (const r of rows) {
    const list = out.get(r.order_no) ?? [];
    list.push({ sku: r.sku, qty: Number(r.qty), shipped: Number(r.qty_shipped) });
    out.set(r.order_no, list);
  }
  return out;
}

/** Infoplus lines of each customerOrderNo: the first order's lines, and every order's shipped per SKU. */
function infoplusLines(rig: Rig): Map<string, { first: Rec[]; shippedBySku: Map<string, number> }> {
  const orders = rig.sim.state.list('order').filter((o) => o['lobId'] === 1);
  orders.sort((a, b) => Number(a['orderNo']) - Number(b['orderNo']));
  const out = new Map<string, { first: Rec[]; shippedBySku: Map<string, number> }>();
  for (const o of orders) {
    const key = String(o['customerOrderNo']);
    const lines = [...((o['lineItems'] as Rec[]) ?? [])].sort((a, b) => Number(a['id']) - Number(b['id']));
    const entry = out.get(key) ?? { first: lines, shippedBySku: new Map<string, number>() };
    for (const l of lines)
      entry.shippedBySku.set(
        String(l['sku']),
        (entry.shippedBySku.get(String(l['sku'])) ?? 0) + Number(l['shippedQty'] ?? 0),
      );
    out.set(key, entry);
  }
  return out;
}

describe.each([
  ['backorders=child', { backorders: 'child' }],
  ['backorders=none', { backorders: 'none' }],
])('pulled shipped quantities, line by line (%s)', (_name, variants) => {
  const tmp = tempDir('pull-lines-');
  let erp: ErpConnection;
  let rig: Rig;

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    const sim = await startSimulator({ seed: 11, variants });
    rig = await makeRig({ erp, driver: 'sqlite', orders: 40, dataDir: `${tmp.dir}/state`, sim });
  });
  afterAll(async () => {
    await rig.close();
    await rig.sim.close();
    await erp.close();
    tmp.remove();
  });

  it('label rows ship nothing; shipped lines, same-SKU lines and back-orders land on their own ERP lines', async () => {
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
    rig.sim.warehouse.shipOrders({ share: 0.5, labelOnly: true });
    let run = await rig.engine.runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);
    expect(run.counts.pulled).toBeGreaterThan(0);
    for (const lines of (await erpLines(erp)).values())
      expect(lines.every((l) => l.shipped === 0)).toBe(true);
    const [labelled] = await erp.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sales_orders WHERE status IN ('Shipped', 'Partially Shipped')",
    );
    expect(Number(labelled?.n)).toBe(0);

    rig.sim.warehouse.shipOrders({ share: 1, partialShare: 0.5 });
    rig.sim.warehouse.shipOrders({ share: 0.5, partialShare: 0 }); // some back-order children ship too
    rig.sim.warehouse.deliver();
    run = await rig.engine.runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);

    const erpSide = await erpLines(erp);
    const ipSide = infoplusLines(rig);
    let sameSku = 0;
    let credited = 0;
    for (const [orderNo, lines] of erpSide) {
      const ip = ipSide.get(orderNo);
      expect(ip, orderNo).toBeDefined();
      // per SKU, the ERP holds what the whole family shipped
      const bySku = new Map<string, number>();
      for (const l of lines) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.shipped);
      expect(bySku, orderNo).toEqual(ip!.shippedBySku);
      // line by line: the ERP line n is the Infoplus line n of the first order, plus any back-order child's
      lines.forEach((l, i) => {
        const first = Number(ip!.first[i]!['shippedQty'] ?? 0);
        expect(l.shipped, `${orderNo} line ${i + 1}`).toBeGreaterThanOrEqual(first);
        expect(l.shipped, `${orderNo} line ${i + 1}`).toBeLessThanOrEqual(l.qty);
        if (l.shipped > first) credited++;
      });
      if (new Set(lines.map((l) => l.sku)).size < lines.length) sameSku++;
      if (variants.backorders === 'none')
        expect(
          lines.map((l) => l.shipped),
          orderNo,
        ).toEqual(ip!.first.map((x) => Number(x['shippedQty'] ?? 0)));
    }
    expect(sameSku).toBeGreaterThan(0);
    if (variants.backorders === 'child') expect(credited).toBeGreaterThan(0);
    // a re-run with nothing new writes nothing
    run = await rig.engine.runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.pulled).toBe(0);
  });
});
