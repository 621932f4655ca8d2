import { beforeAll, describe, expect, it } from 'vitest';
import { erpDateParam } from '../../../src/sync/profile-io.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { pushedSqliteRig, type Rig } from './harness.js';

// Continuous schedules: a cheap change check, and a run only when the ERP changed something a run would send.
describe('sync engine: run on change', () => {
  const setup = pushedSqliteRig('sync-continuous-', 20);
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  const firstOrder = async () =>
    (
      await erp.query<{ order_id: number; order_no: string }>(
        'SELECT order_id, order_no FROM sales_orders ORDER BY order_no LIMIT 1',
      )
    )[0]!;
  /** Marks the order changed `agoMs` ago, as the ERP would (its wall clock, in the profile's time zone). */
  const touch = (id: number, agoMs: number) =>
    erp.execute('UPDATE sales_orders SET updated_at = @at WHERE order_id = @id', {
      id,
      at: erpDateParam(new Date(Date.now() - agoMs), rig.profile, 'sqlite'),
    });

  it('an unchanged ERP starts no run and costs no Infoplus call', async () => {
    rig.sim.resetStats();
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();
    expect(rig.sim.stats().requests).toBe(0);
  });

  it('a changed order starts one run that sends it; the next check finds nothing', async () => {
    const o = await firstOrder();
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 3 WHERE order_id = @id AND line_no = 1', {
      id: o.order_id,
    });
    await touch(o.order_id, 60_000);
    const run = await rig.engine.runIfChanged('orders', { trigger: 'schedule' });
    expect(run?.counts).toMatchObject({ updated: 1, failed: 0 });
    const [line] = await erp.query<{ qty: number }>(
      'SELECT qty FROM sales_order_lines WHERE order_id = @id AND line_no = 1',
      { id: o.order_id },
    );
    const inInfoplus = rig.sim.state.list('order').find((r) => r['customerOrderNo'] === o.order_no) as {
      lineItems: { orderedQty: number }[];
    };
    expect(inInfoplus.lineItems[0]!.orderedQty).toBe(Number(line!.qty));
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();
  });

  it('a parked record does not start run after run, but its fix does', async () => {
    const o = await firstOrder();
    const [before] = await erp.query<{ ship_via: string | null }>(
      'SELECT ship_via FROM sales_orders WHERE order_id = @id',
      { id: o.order_id },
    );
    // an ERP data problem: parked until the record changes
    await erp.execute("UPDATE sales_orders SET ship_via = 'NO-SUCH-CARRIER' WHERE order_id = @id", {
      id: o.order_id,
    });
    await touch(o.order_id, 50_000);
    const parked = await rig.engine.runIfChanged('orders', { trigger: 'schedule' });
    expect(parked?.counts.failed).toBe(1);
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();

    await erp.execute('UPDATE sales_orders SET ship_via = @v WHERE order_id = @id', {
      id: o.order_id,
      v: before!.ship_via,
    });
    await touch(o.order_id, 40_000);
    const fixed = await rig.engine.runIfChanged('orders', { trigger: 'schedule' });
    expect(fixed?.counts.failed).toBe(0);
    expect(await rig.engine.runIfChanged('orders', { trigger: 'schedule' })).toBeNull();
  });

  it('a record changed again within its watermark tick is read once more a few seconds later', async () => {
    const o = await firstOrder();
    await touch(o.order_id, 0);
    const first = await rig.engine.runIfChanged('orders', { trigger: 'schedule' });
    expect(first?.counts.unchanged).toBe(1);
    // the ERP changes the lines again without moving updated_at off its (one-second) tick
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 1 WHERE order_id = @id AND line_no = 1', {
      id: o.order_id,
    });
    const again = await rig.engine.runIfChanged('orders', { trigger: 'schedule' });
    expect(again?.counts.updated).toBe(1);
  });
});
