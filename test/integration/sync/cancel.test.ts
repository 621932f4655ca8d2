// cancelWhen / onCancel: an ERP order cancelled after it was pushed is deleted in Infoplus while Infoplus still
// allows it (decided by its looked-up status and the DELETE's status code), else parked for a person to cancel
// by hand, naming the order; a cancelled order never pushed is not created; reconcile names the open ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ErpConnection } from '../../../src/erp/types.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { openErp } from '../../../src/erp/index.js';
import { makeRig, makeTestErp, tempDir, type Rig, type TestErp } from './harness.js';

type Order = { orderNo: number; customerOrderNo: string; status: string };

const withCancel =
  (onCancel: 'delete' | 'report') =>
  (text: string): string =>
    text
      .replaceAll(
        'SELECT o.order_no, o.order_date,',
        'SELECT o.order_no, o.status AS erp_status, o.order_date,',
      )
      .replace(
        '    key: order_no\n',
        `    key: order_no\n    cancelWhen: "erp_status = 'Cancelled'"\n    onCancel: ${onCancel}\n`,
      );

type Driver = 'sqlite' | 'postgres' | 'mysql';

function setUp(
  prefix: string,
  onCancel: 'delete' | 'report',
  driver: Driver = 'sqlite',
  variants: Record<string, string> = {},
) {
  const tmp = tempDir(prefix);
  const t = {} as { erp: ErpConnection; sim: InfoplusSimulator; rig: Rig; keys: string[]; db: TestErp };
  beforeAll(async () => {
    t.db = await makeTestErp(driver, tmp.dir);
    t.erp = await t.db.open();
    // deletes=pending (the default): only a Pending order can be deleted
    t.sim = await startSimulator({ seed: 7, variants });
    t.rig = await makeRig({
      erp: t.erp,
      sim: t.sim,
      driver,
      orders: 4,
      dataDir: join(tmp.dir, 'state'),
      editProfile: withCancel(onCancel),
    });
    await t.rig.runs.runAndWait({ trigger: 'manual', touchpoints: ['vendors', 'items', 'orders'] });
    // the sample's own cancelled orders (2, 52, ...) were never created; the test cancels the others
    const pushed = await t.erp.query<{ order_no: string }>(
      "SELECT order_no FROM sales_orders WHERE status <> 'Cancelled' ORDER BY order_no",
    );
    t.keys = pushed.map((r) => r.order_no);
  });
  afterAll(async () => {
    await t.rig?.close();
    await t.sim?.close();
    await t.erp?.close();
    await t.db?.drop();
    tmp.remove();
  });
  return t;
}

const cancelInErp = async (erp: ErpConnection, keys: readonly string[], at: string): Promise<void> => {
  for (const k of keys)
    await erp.execute(`UPDATE sales_orders SET status = 'Cancelled', updated_at = @at WHERE order_no = @k`, {
      k,
      at,
    });
};
const inInfoplus = (sim: InfoplusSimulator, key: string): Order | undefined =>
  sim.state.list<Order>('order').find((o) => o.customerOrderNo === key);

const reachable = async (driver: Driver): Promise<boolean> => {
  if (driver === 'sqlite') return true;
  const url =
    driver === 'postgres'
      ? (process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
      : (process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
  try {
    await (await openErp({ driver, url })).close();
    return true;
  } catch {
    return process.env.CI === 'true';
  }
};
const DRIVERS: Driver[] = [];
for (const d of ['sqlite', 'postgres', 'mysql'] as const) if (await reachable(d)) DRIVERS.push(d);

describe.each(DRIVERS)('onCancel: delete (%s)', (driver) => {
  const t = setUp(`cancel-delete-${driver}-`, 'delete', driver);

  it('deletes a Pending order, parks one Infoplus refuses or no longer allows, never creates a cancelled one', async () => {
    const [pending, onOrder, processed] = t.keys;
    t.sim.warehouse.putOnOrder({ orderNos: [inInfoplus(t.sim, onOrder!)!.orderNo] });
    t.sim.warehouse.shipOrders({ labelOnly: true, max: 1 });
    // which order the warehouse picked: the first still Pending after putOnOrder, i.e. pending or processed
    const picked = t.sim.state.list<Order>('order').filter((o) => o.status === 'Processed');
    expect(picked).toHaveLength(1);
    const shippedKey = picked[0]!.customerOrderNo;
    const pendingKey = [pending!, processed!].find((k) => k !== shippedKey)!;
    // a new ERP order entered already cancelled
    const [max] = await t.erp.query<{ n: number | string }>('SELECT MAX(order_id) AS n FROM sales_orders');
    await t.erp.execute(
      `INSERT INTO sales_orders (order_id, order_no, customer_id, customer_po, order_date, ship_via, notes, total, status, created_at, updated_at)
       SELECT @id, 'CANCELLED-NEW', customer_id, customer_po, order_date, ship_via, notes, total, 'Cancelled', created_at, '2099-01-01 00:00:00'
       FROM sales_orders WHERE order_no = @k`,
      { k: pending!, id: Number(max!.n) + 1 },
    );
    await cancelInErp(t.erp, [pendingKey, onOrder!, shippedKey], '2099-01-01 00:00:00');

    const dry = (await t.rig.engine.dryRun(['orders'])).touchpoints[0]!;
    expect(dry.wouldCreate).toBe(0);
    expect(
      dry
        .recordVerdicts!.filter((r) => r.verdict !== 'unchanged')
        .map((r) => r.recordKey)
        .sort(),
    ).toEqual([pendingKey, onOrder!, shippedKey].sort());

    t.sim.resetStats();
    const run = await t.rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 0, updated: 1, failed: 2 });
    expect(inInfoplus(t.sim, pendingKey)).toBeUndefined();
    expect(inInfoplus(t.sim, 'CANCELLED-NEW')).toBeUndefined();
    const routes = t.sim.stats().byRoute;
    expect(routes['POST order']).toBeUndefined();
    // the Processed order is never asked to go; the On Order one is asked and refused (by status code)
    expect(routes['DELETE order/:id']).toBe(1);
    expect(Object.entries(routes).filter(([r]) => r.startsWith('DELETE order (error'))).toEqual([
      [expect.stringMatching(/^DELETE order \(error 4\d\d\)$/), 1],
    ]);

    const inbox = t.rig.store.inbox.list({ touchpoint: 'orders' });
    const item = (k: string) => inbox.find((i) => i.recordKey === k);
    expect(item(shippedKey)).toMatchObject({
      fixBy: 'infoplus-user',
      message: expect.stringMatching(
        new RegExp(
          `^Cancel order ${shippedKey} in Infoplus by hand: .*status Processed\\); Infoplus no longer allows deleting it`,
        ),
      ),
    });
    expect(item(onOrder!)?.message).toMatch(
      new RegExp(
        `^Cancel order ${onOrder} in Infoplus by hand: .*Infoplus refused to delete it \\(HTTP 4\\d\\d, status On Order\\)`,
      ),
    );
    expect(inInfoplus(t.sim, onOrder!)?.status).toBe('On Order');

    // reconcile: the two open ones are their own finding; the deleted and the never-created agree
    const report = await t.rig.engine.reconcile({ touchpoints: ['orders'] });
    const orders = report.touchpoints[0]!;
    expect(orders.counts['cancelled-open']).toBe(2);
    expect(orders.counts.missing).toBe(0);
    expect(
      orders.findings
        .filter((f) => f.kind === 'cancelled-open')
        .map((f) => f.recordKey)
        .sort(),
    ).toEqual([onOrder!, shippedKey].sort());
    expect(orders.findings.find((f) => f.recordKey === onOrder)?.message).toMatch(
      /^Cancelled in the ERP, still open in Infoplus: sales order/,
    );

    // nothing more happens on the next run: no request for the parked or the deleted
    t.sim.resetStats();
    const again = await t.rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(t.sim.stats().writes).toBe(0);
  });
});

describe('onCancel: report', () => {
  const t = setUp('cancel-report-', 'report');

  it('parks the order for a person, naming it; deletes nothing; closes the item once it is gone from Infoplus', async () => {
    const key = t.keys[0]!;
    await cancelInErp(t.erp, [key], '2099-01-01 00:00:00');
    t.sim.resetStats();
    const run = await t.rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts.failed).toBe(1);
    expect(t.sim.stats().writes).toBe(0);
    const [item] = t.rig.store.inbox.list({ touchpoint: 'orders' });
    expect(item).toMatchObject({
      recordKey: key,
      message: expect.stringMatching(
        new RegExp(`^Cancel order ${key} in Infoplus by hand: .*onCancel is report`),
      ),
    });
    expect(inInfoplus(t.sim, key)?.status).toBe('Pending');

    // a person removes it in Infoplus and presses Retry: the run looks it up and closes the item
    await t.rig.client.order.delete(inInfoplus(t.sim, key)!.orderNo);
    t.rig.engine.retryInbox([item!.id]);
    const after = await t.rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(after.counts).toMatchObject({ failed: 0, created: 0 });
    expect(t.rig.store.inbox.openCount('orders')).toBe(0);
    expect(inInfoplus(t.sim, key)).toBeUndefined();
  });
});

describe('onCancel: delete where Infoplus also deletes orders On Order (deletes=editable)', () => {
  const t = setUp('cancel-editable-', 'delete', 'sqlite', { deletes: 'editable' });

  it('deletes the On Order order the strict tenant refused', async () => {
    const key = t.keys[0]!;
    t.sim.warehouse.putOnOrder({ orderNos: [inInfoplus(t.sim, key)!.orderNo] });
    await cancelInErp(t.erp, [key], '2099-01-01 00:00:00');
    const run = await t.rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(inInfoplus(t.sim, key)).toBeUndefined();
    expect(t.rig.store.inbox.openCount('orders')).toBe(0);
  });
});

describe('onCancel: delete for purchase orders (ASNs)', () => {
  const tmp = tempDir('cancel-asn-');
  let erp: ErpConnection;
  let sim: InfoplusSimulator;
  let rig: Rig;
  type Asn = { id: number; poNo: string; status: string };
  const asnOf = (poNo: string): Asn | undefined => sim.state.list<Asn>('asn').find((a) => a.poNo === poNo);

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    sim = await startSimulator({ seed: 7 });
    rig = await makeRig({
      erp,
      sim,
      driver: 'sqlite',
      orders: 2,
      dataDir: join(tmp.dir, 'state'),
      editProfile: (text) =>
        text
          .replaceAll('SELECT p.po_no, p.vendor_no,', 'SELECT p.po_no, p.status AS erp_status, p.vendor_no,')
          .replace(
            '    key: po_no\n',
            `    key: po_no\n    cancelWhen: "erp_status = 'Cancelled'"\n    onCancel: delete\n`,
          ),
    });
    await rig.runs.runAndWait({ trigger: 'manual', touchpoints: ['vendors', 'items', 'asns'] });
  });
  afterAll(async () => {
    await rig.close();
    await sim.close();
    await erp.close();
    tmp.remove();
  });

  it('deletes an Open ASN, and asks a person to cancel one the warehouse received against', async () => {
    const pos = (await erp.query<{ po_no: string }>('SELECT po_no FROM purchase_orders ORDER BY po_no')).map(
      (r) => r.po_no,
    );
    const [open, received] = pos;
    sim.warehouse.receiveAsns({ share: 1, partialShare: 1, max: 1 });
    const receivedPo = sim.state.list<Asn>('asn').find((a) => a.status !== 'Open')!.poNo;
    const openPo = receivedPo === open ? received! : open!;
    for (const k of [openPo, receivedPo])
      await erp.execute(
        `UPDATE purchase_orders SET status = 'Cancelled', updated_at = '2099-01-01 00:00:00' WHERE po_no = @k`,
        { k },
      );
    const run = await rig.engine.runTouchpoint('asns', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 1 });
    expect(asnOf(openPo)).toBeUndefined();
    expect(asnOf(receivedPo)).toBeDefined();
    const [item] = rig.store.inbox.list({ touchpoint: 'asns' });
    expect(item?.message).toMatch(
      new RegExp(
        `^Cancel purchase order \\(ASN\\) ${receivedPo} in Infoplus by hand: .*Infoplus no longer allows deleting it`,
      ),
    );
  });
});
