// Reconciliation where the ERP itself is the problem (two records becoming one Infoplus key, an empty key), a
// key Infoplus holds several times in a fresh data folder, and a create Infoplus has not confirmed yet.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileTouchpointReport } from '../../../src/contract/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { openStateStore } from '../../../src/store/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { countBy, pushedSqliteRig, quietLogger, type Rig } from './harness.js';

describe('reconciliation: collisions, empty keys, multi-held keys, unconfirmed creates', () => {
  const ORDERS = 10;
  const setup = pushedSqliteRig('sync-reconcile-collide-', ORDERS);
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  const ordersOf = async (repair = false, engine = rig.engine): Promise<ReconcileTouchpointReport> =>
    (await engine.reconcile({ touchpoints: ['orders'], repair })).touchpoints[0]!;
  const infoplusOrders = (): Record<string, unknown>[] => rig.sim.state.list('order');

  /** Copies the first ERP order (header and lines) under a new order number, with an old last-change time. */
  const copyOrder = async (orderNo: string): Promise<void> => {
    const [src] = await erp.query<{ order_id: number }>('SELECT MIN(order_id) AS order_id FROM sales_orders');
    await erp.execute(
      `INSERT INTO sales_orders (order_no, customer_id, customer_po, order_date, ship_via, notes, total, created_at, updated_at)
       SELECT @no, customer_id, customer_po, order_date, ship_via, notes, total, created_at, '2001-01-01 00:00:00'
       FROM sales_orders WHERE order_id = @id`,
      { id: src!.order_id, no: orderNo },
    );
    await erp.execute(
      `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price)
       SELECT (SELECT order_id FROM sales_orders WHERE order_no = @no), line_no, sku, qty, unit_price
       FROM sales_order_lines WHERE order_id = @id`,
      { id: src!.order_id, no: orderNo },
    );
  };
  const removeOrder = async (orderNo: string): Promise<void> => {
    await erp.execute(
      'DELETE FROM sales_order_lines WHERE order_id IN (SELECT order_id FROM sales_orders WHERE order_no = @no)',
      { no: orderNo },
    );
    await erp.execute('DELETE FROM sales_orders WHERE order_no = @no', { no: orderNo });
  };
  /** Creates an Infoplus order carrying a customer order number, as a copy of an existing one. */
  const infoplusCopy = async (customerOrderNo: string): Promise<string> => {
    const { orderNo: _n, id: _i, ...copy } = infoplusOrders()[0]!;
    const made = await rig.client.order.create({ ...copy, customerOrderNo });
    return String(made.orderNo);
  };

  it('two ERP orders trimming to one key get one advice, never "keep this one", and repair touches neither', async () => {
    await copyOrder('SO-DUP');
    await copyOrder('SO-DUP ');
    const a = await infoplusCopy('SO-DUP');
    const b = await infoplusCopy('SO-DUP');
    try {
      const before = infoplusOrders().length;
      const r = await ordersOf(true);
      const collided = r.findings.filter((f) => f.kind === 'key-collision');
      expect(collided.map((f) => f.recordKey).sort()).toEqual(['SO-DUP', 'SO-DUP ']);
      expect(r.counts['key-collision']).toBe(2);
      expect(r.counts.duplicated).toBe(0);
      // the same words for both: following the advice for one never contradicts the other
      expect(new Set(collided.map((f) => f.message)).size).toBe(1);
      expect(collided[0]!.message).toContain('"SO-DUP", "SO-DUP "');
      expect(collided[0]!.message).toContain(`Infoplus has it 2 times (${a}, ${b})`);
      for (const f of r.findings) expect(f.message).not.toMatch(/Keep \d+/);
      expect(collided.every((f) => f.repaired === undefined)).toBe(true);
      expect(rig.store.journal.get('orders', 'SO-DUP')).toBeNull();
      expect(rig.store.journal.get('orders', 'SO-DUP ')).toBeNull();
      expect(infoplusOrders()).toHaveLength(before);
    } finally {
      await removeOrder('SO-DUP');
      await removeOrder('SO-DUP ');
      await rig.client.order.delete(Number(a));
      await rig.client.order.delete(Number(b));
    }
  });

  it('reports an ERP order with an empty key as invalid, and never queues it', async () => {
    await copyOrder('');
    try {
      const r = await ordersOf(true);
      expect(r.findings).toEqual([
        expect.objectContaining({ kind: 'invalid-key', recordKey: '', infoplusIds: [] }),
      ]);
      expect(r.findings[0]!.message).toMatch(/is not sent: customerOrderNo is empty/);
      expect(r.findings[0]!.repaired).toBeUndefined();
      expect(rig.store.inbox.byKey('orders', '')).toBeNull();
    } finally {
      await removeOrder('');
    }
  });

  it('in a fresh data folder, repair links a key Infoplus holds twice to the oldest copy and reports the other', async () => {
    const victim = infoplusOrders()[0]!;
    const key = String(victim['customerOrderNo']);
    const extra = await infoplusCopy(key);
    const store = openStateStore(`${setup.dir}/fresh-state`);
    try {
      const engine = new SyncEngine({
        erp,
        infoplus: rig.client,
        profile: rig.profile,
        store,
        logger: quietLogger,
        options: { retryBaseMs: 0, retryMaxMs: 0 },
      });
      const repaired = await ordersOf(true, engine);
      const dup = repaired.findings.find((f) => f.kind === 'duplicated')!;
      expect(dup).toMatchObject({ recordKey: key, infoplusIds: [String(victim['orderNo']), extra] });
      expect(dup.message).toContain(
        `Keep ${String(victim['orderNo'])} (the oldest) and cancel or delete ${extra}`,
      );
      expect(dup.repaired).toBe(
        `linked to ${String(victim['orderNo'])}; ${extra} still to cancel in Infoplus`,
      );
      expect(store.journal.get('orders', key)).toMatchObject({
        status: 'synced',
        infoplusId: String(victim['orderNo']),
      });
      // repair + run adds no third copy, and the extra copy is still reported (not "agree")
      const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
      expect(run.counts.created).toBe(0);
      expect(countBy(infoplusOrders(), 'customerOrderNo').get(key)).toBe(2);
      const after = await ordersOf(false, engine);
      expect(after.counts.duplicated).toBe(1);
      expect(after.agreeing).toBe(ORDERS - 1);
    } finally {
      store.close();
      await rig.client.order.delete(Number(extra));
    }
  });

  it('an order in Infoplus whose newest ERP change was refused counts as waiting in the inbox, not as untracked', async () => {
    const victim = infoplusOrders()[1]!;
    const key = String(victim['customerOrderNo']);
    const before = rig.store.journal.get('orders', key)!;
    // what a refused update leaves: the record parked, still linked to its Infoplus order
    rig.store.journal.markFailed({
      touchpoint: 'orders',
      recordKey: key,
      contentHash: 'refused-content',
      error: 'Infoplus refused the update',
      at: new Date().toISOString(),
    });
    try {
      const r = await ordersOf(true);
      expect(r.inErrorInbox).toBe(1);
      expect(r.findings).toEqual([]);
      // the repair left it parked (it did not record the refused content as sent)
      expect(rig.store.journal.get('orders', key)).toMatchObject({
        status: 'failed',
        infoplusId: before.infoplusId,
      });
    } finally {
      rig.store.journal.markDone({
        touchpoint: 'orders',
        recordKey: key,
        infoplusId: before.infoplusId,
        contentHash: before.contentHash!,
        at: new Date().toISOString(),
      });
    }
  });

  it('a create Infoplus has not confirmed is counted as being checked, never missing, and repair does not queue it', async () => {
    await copyOrder('SO-SLOW-1');
    rig.store.outbox.recordIntents(
      [
        {
          touchpoint: 'orders',
          recordKey: 'SO-SLOW-1',
          operation: 'create',
          payloadHash: 'h',
          infoplusKey: 'SO-SLOW-1',
          infoplusId: null,
        },
      ],
      'run-x',
      new Date().toISOString(),
    );
    try {
      const r = await ordersOf(true);
      expect(r.settling).toBe(1);
      expect(r.counts.missing).toBe(0);
      expect(r.findings).toEqual([]);
      expect(rig.store.inbox.byKey('orders', 'SO-SLOW-1')).toBeNull();
    } finally {
      rig.store.outbox.remove('orders', 'SO-SLOW-1');
      await removeOrder('SO-SLOW-1');
    }
  });
});
