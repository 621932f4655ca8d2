import { beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileTouchpointReport } from '../../../src/contract/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { openStateStore } from '../../../src/store/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { countBy, pushedSqliteRig, quietLogger, type Rig } from './harness.js';

// Reconciliation: ERP vs Infoplus with the journal in between, and the repairs that are safe to make.

describe('sync engine: reconciliation report and repair', () => {
  const ORDERS = 25;
  const setup = pushedSqliteRig('sync-reconcile-', ORDERS);
  const tmp = { dir: setup.dir };
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  const ordersOf = async (repair = false, engine = rig.engine): Promise<ReconcileTouchpointReport> => {
    const report = await engine.reconcile({ touchpoints: ['orders'], repair });
    expect(report.touchpoints).toHaveLength(1);
    return report.touchpoints[0]!;
  };
  const infoplusOrders = (): Record<string, unknown>[] => rig.sim.state.list('order');

  it('agrees after a clean push', async () => {
    const r = await ordersOf();
    expect(r).toMatchObject({ erpRecords: ORDERS, infoplusRecords: ORDERS, agreeing: ORDERS, findings: [] });
  });

  it('reports an order that is in Infoplus twice, and leaves both alone when repairing', async () => {
    const first = infoplusOrders()[0]!;
    const { orderNo: _n, id: _i, ...copy } = first;
    const dup = await rig.client.order.create(copy);
    const r = await ordersOf(true);
    expect(r.counts.duplicated).toBe(1);
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'duplicated',
        recordKey: first['customerOrderNo'],
        infoplusIds: [String(first['orderNo']), String(dup.orderNo)],
        message: expect.stringContaining(
          `in Infoplus 2 times (${String(first['orderNo'])}, ${String(dup.orderNo)}). Keep ${String(first['orderNo'])} (the one this app links) and cancel or delete ${String(dup.orderNo)} in Infoplus`,
        ),
      }),
    ]);
    // already linked to the copy to keep: nothing to link, and the extra copy is a person's to cancel
    expect(r.findings[0]!.repaired).toBeUndefined();
    expect(infoplusOrders()).toHaveLength(ORDERS + 1);
    await rig.client.order.delete(Number(dup.orderNo));
  });

  it('queues an order deleted in Infoplus, and the next run sends it again', async () => {
    const victim = infoplusOrders()[1]!;
    await rig.client.order.delete(Number(victim['orderNo']));
    const r = await ordersOf(true);
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'gone-from-infoplus',
        recordKey: victim['customerOrderNo'],
        repaired: 'queued for the next run',
      }),
    ]);
    // visible in the error inbox until it is sent
    expect(rig.store.inbox.byKey('orders', String(victim['customerOrderNo']))).toMatchObject({
      status: 'retrying',
      category: 'reconciliation',
    });
    const run = await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(countBy(infoplusOrders(), 'customerOrderNo').get(String(victim['customerOrderNo']))).toBe(1);
    expect(rig.store.inbox.byKey('orders', String(victim['customerOrderNo']))?.status).toBe('resolved');
    expect((await ordersOf()).findings).toEqual([]);
  });

  it('Skip on a queued record keeps it out of Infoplus (a vendor removed on purpose); Retry sends it', async () => {
    const vendors = async (repair = false) =>
      (await rig.engine.reconcile({ touchpoints: ['vendors'], repair })).touchpoints[0]!;
    const victim = rig.sim.state.list('vendor')[0]!;
    await rig.client.vendor.delete(Number(victim['id']));
    const key = String(victim['vendorNo']);
    expect((await vendors(true)).findings).toEqual([
      expect.objectContaining({
        kind: 'gone-from-infoplus',
        recordKey: key,
        repaired: 'queued for the next run',
      }),
    ]);
    const item = rig.store.inbox.byKey('vendors', key)!;
    rig.engine.skipInbox([item.id]);
    // vendors are read in full on every run (hash mode): a skipped record still must not be sent
    const skipped = await rig.engine.runTouchpoint('vendors', { trigger: 'manual' });
    expect(skipped.counts.created).toBe(0);
    expect(rig.sim.state.list('vendor').some((v) => String(v['vendorNo']) === key)).toBe(false);
    expect(await vendors()).toMatchObject({ inErrorInbox: 1, findings: [] });

    rig.engine.retryInbox([item.id]);
    const sent = await rig.engine.runTouchpoint('vendors', { trigger: 'manual' });
    expect(sent.counts).toMatchObject({ created: 1, failed: 0 });
    expect(await vendors()).toMatchObject({ inErrorInbox: 0, findings: [] });
  });

  it('finds an ERP order the watermark never saw, and repair gets it sent', async () => {
    // an order written with an old last-change time (an import, a restored backup): watermark mode skips it
    const [src] = await erp.query<{ order_id: number }>('SELECT MIN(order_id) AS order_id FROM sales_orders');
    await erp.execute(
      `INSERT INTO sales_orders (order_no, customer_id, customer_po, order_date, ship_via, notes, total, created_at, updated_at)
       SELECT 'SO-LATE-1', customer_id, customer_po, order_date, ship_via, notes, total, created_at, '2001-01-01 00:00:00'
       FROM sales_orders WHERE order_id = @id`,
      { id: src!.order_id },
    );
    await erp.execute(
      `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price)
       SELECT (SELECT order_id FROM sales_orders WHERE order_no = 'SO-LATE-1'), line_no, sku, qty, unit_price
       FROM sales_order_lines WHERE order_id = @id`,
      { id: src!.order_id },
    );
    expect((await rig.engine.runTouchpoint('orders', { trigger: 'manual' })).counts.created).toBe(0);
    const r = await ordersOf(true);
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'missing',
        recordKey: 'SO-LATE-1',
        repaired: 'queued for the next run',
      }),
    ]);
    const run = await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(countBy(infoplusOrders(), 'customerOrderNo').get('SO-LATE-1')).toBe(1);
  });

  it('after a lost data folder, repair links every order instead of letting a push duplicate them', async () => {
    const store = openStateStore(`${tmp.dir}/fresh-state`);
    try {
      const engine = new SyncEngine({
        erp,
        infoplus: rig.client,
        profile: rig.profile,
        store,
        logger: quietLogger,
        options: { retryBaseMs: 0, retryMaxMs: 0 },
      });
      const before = await ordersOf(false, engine);
      expect(before.counts.untracked).toBe(ORDERS + 1);
      expect(before.findings[0]!.message).toMatch(/a push would create a second one/);
      const repaired = await ordersOf(true, engine);
      expect(repaired.findings.every((f) => f.repaired?.startsWith('linked to '))).toBe(true);
      const total = infoplusOrders().length;
      const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
      expect(run.counts).toMatchObject({ created: 0, updated: 0, unchanged: ORDERS + 1 });
      expect(infoplusOrders()).toHaveLength(total);
      expect((await ordersOf(false, engine)).agreeing).toBe(ORDERS + 1);
    } finally {
      store.close();
    }
  });

  it('never repairs beside a running push of the same touchpoint', async () => {
    const lease = rig.store.leases.acquire('orders', 'someone-else', {
      runId: 'x',
      staleMs: 60_000,
      now: new Date(),
    });
    expect(lease.ok).toBe(true);
    try {
      const r = await ordersOf(true);
      expect(r.error).toMatch(/orders is already running/);
    } finally {
      rig.store.leases.release('orders', 'someone-else');
    }
  });
});
