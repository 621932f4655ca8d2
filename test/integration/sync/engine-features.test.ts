import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import { createInfoplusClient } from '../../../src/infoplus/index.js';
import { SyncEngine, type EngineEvent } from '../../../src/sync/index.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';
import { runOne, runPath } from './run-path.js';

describe('sync engine: dry run, preview, inbox, events, auth', () => {
  const tmp = tempDir('sync-features-');
  let erp: ErpConnection;
  let rig: Rig;
  const events: EngineEvent[] = [];

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 40, dataDir: `${tmp.dir}/state` });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  it('dry run builds and checks every payload against Infoplus and writes nothing', async () => {
    await erp.execute(
      `UPDATE sales_order_lines SET sku = 'NOPE-404' WHERE line_id = (SELECT MIN(line_id) FROM sales_order_lines)`,
    );
    rig.sim.resetStats();
    const report = await rig.engine
      .dryRun()
      .finally(() =>
        erp.execute(`UPDATE sales_order_lines SET sku = (SELECT MIN(sku) FROM items) WHERE sku = 'NOPE-404'`),
      );
    expect(rig.sim.stats().writes).toBe(0);
    const orders = report.touchpoints.find((t) => t.touchpoint === 'orders')!;
    expect(orders.records).toBe(40);
    expect(orders.wouldCreate).toBe(40);
    expect(orders.problems).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/^lineItems\[\d\]\.sku$/),
        message: expect.stringMatching(/NOPE-404/),
      }),
    ]);
    // Items and vendors are not in Infoplus yet but would be pushed first: no problem for the ASNs / orders.
    expect(report.touchpoints.find((t) => t.touchpoint === 'asns')!.problems).toEqual([]);
    expect(rig.store.journal.counts('orders').synced).toBe(0);
  });

  it('preview shows ERP rows beside the Infoplus JSON they become', async () => {
    const preview = await rig.engine.previewMapping('orders', 3);
    expect(preview.rows).toHaveLength(3);
    const row = preview.rows[0]!;
    expect(row.infoplus).toMatchObject({ customerOrderNo: row.recordKey, lobId: 1, warehouseId: 1 });
    expect(row.erp).toHaveProperty('order_no', row.recordKey);
  });

  it('one bad record lands in the inbox with who must fix it; the others go through; fixing it sends it', async () => {
    const bad = (
      await erp.query('SELECT order_id, order_no FROM sales_orders ORDER BY order_no LIMIT 1')
    )[0]!;
    const saved = await erp.query('SELECT * FROM sales_order_lines WHERE order_id = @id', {
      id: bad['order_id'] as number,
    });
    await erp.execute('DELETE FROM sales_order_lines WHERE order_id = @id', {
      id: bad['order_id'] as number,
    });
    const { runs: coordinator } = runPath(
      (onEvent) =>
        new SyncEngine({
          erp,
          infoplus: rig.client,
          profile: rig.profile,
          store: rig.store,
          logger: quietLogger,
          onEvent: (e) => {
            events.push(e);
            onEvent(e);
          },
          options: { retryBaseMs: 0, progressIntervalMs: 0 },
        }),
      rig.store,
      quietLogger,
    );
    const runs = await coordinator.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
    const orders = runs.find((r) => r.touchpoint === 'orders')!;
    expect(orders).toMatchObject({
      status: 'partial',
      counts: expect.objectContaining({ created: 39, failed: 1 }),
    });
    const [item] = rig.store.inbox.list({ touchpoint: 'orders' });
    expect(item).toMatchObject({
      recordKey: bad['order_no'],
      category: 'erp-data',
      fixBy: 'erp-user',
      status: 'open',
    });
    expect(item!.hint.length).toBeGreaterThan(20);
    expect(rig.store.runs.records(orders.id).find((r) => r.action === 'failed')).toMatchObject({
      recordKey: bad['order_no'],
    });

    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'run-started')).toHaveLength(3);
    expect(types.filter((t) => t === 'run-finished')).toHaveLength(3);
    expect(types).toContain('run-progress');
    expect(events.find((e) => e.type === 'inbox-changed')).toMatchObject({ open: 1 });

    // Unchanged, it is not sent again; once an ERP user fixes it, the next run sends it by itself.
    expect((await runOne(coordinator, 'orders')).counts.created).toBe(0);
    for (const line of saved) {
      await erp.execute(
        `INSERT INTO sales_order_lines (${Object.keys(line).join(', ')}) VALUES (${Object.keys(line)
          .map((k) => `@${k}`)
          .join(', ')})`,
        line as Record<string, string | number | null>,
      );
    }
    await erp.execute('UPDATE sales_orders SET updated_at = @t WHERE order_id = @id', {
      t: new Date(),
      id: bad['order_id'] as number,
    });
    const fixed = await runOne(coordinator, 'orders');
    expect(fixed.counts.created).toBe(1);
    expect(rig.store.inbox.openCount()).toBe(0);
    expect(rig.sim.state.list('order').filter((o) => o['customerOrderNo'] === bad['order_no'])).toHaveLength(
      1,
    );
  });

  it('"re-pull since" moves a cursor back; records already written are recognised, not written twice', async () => {
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'asns', 'orders'] });
    rig.sim.warehouse.shipOrders({ share: 0.5 });
    rig.sim.warehouse.adjustInventory({ count: 5 });
    const first = await rig.runs.runAndWait({ touchpoints: ['shipments', 'inventory-adjustments'] });
    expect(first.every((r) => r.counts.pulled > 0)).toBe(true);
    const before = rig.engine.cursorText('shipments');
    await rig.engine.resetCursor('shipments', new Date(Date.now() - 86_400_000));
    await rig.engine.resetCursor('inventory-adjustments', new Date(Date.now() - 86_400_000));
    expect(rig.engine.cursorText('shipments')).not.toBe(before);
    const again = await rig.runs.runAndWait({ touchpoints: ['shipments', 'inventory-adjustments'] });
    for (const r of again) {
      expect(r.counts.pulled).toBe(0);
      expect(r.counts.unchanged).toBe(first.find((f) => f.touchpoint === r.touchpoint)!.counts.pulled);
    }
  });

  it('a refused API key stops the run with a clear error and the run path goes no further', async () => {
    const wrong = createInfoplusClient({ baseUrl: rig.sim.baseUrl, apiKey: 'not-the-key', maxRetries: 0 });
    await erp.execute(`UPDATE vendors SET name = name || ' Ltd', updated_at = @t`, { t: new Date() });
    const { runs: coordinator } = runPath(
      (onEvent) =>
        new SyncEngine({
          erp,
          infoplus: wrong,
          profile: rig.profile,
          store: rig.store,
          logger: quietLogger,
          onEvent,
        }),
      rig.store,
      quietLogger,
    );
    const runs = await coordinator.runAndWait({});
    wrong.close();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      touchpoint: 'vendors',
      status: 'failed',
      error: expect.stringMatching(/API key/i),
    });
    expect(JSON.stringify(runs)).not.toContain('not-the-key');
  });
});
