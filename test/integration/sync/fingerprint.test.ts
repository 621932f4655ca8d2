import { beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnection, SqlParams, StatementOptions } from '../../../src/erp/types.js';
import type { Profile } from '../../../src/profile/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { pushedSqliteRig, quietLogger, type Rig } from './harness.js';

// changeDetection.fingerprint: a full scan (watermark reset, hash mode) passes over records whose ERP
// fingerprint is unchanged without reading their lines or building payloads, and never misses a change.

/** The ERP connection, counting the statements the engine runs by their profile name (e.g. orders.lines). */
function countingErp(erp: ErpConnection): { erp: ErpConnection; ran: Map<string, number> } {
  const ran = new Map<string, number>();
  const count = (opts?: StatementOptions): void => {
    const name = opts?.name ?? '(unnamed)';
    ran.set(name, (ran.get(name) ?? 0) + 1);
  };
  const wrapped: ErpConnection = {
    driver: erp.driver,
    query: (sql: string, params?: SqlParams, opts?: StatementOptions) => (
      count(opts),
      erp.query(sql, params, opts)
    ),
    execute: (sql, params, opts) => (count(opts), erp.execute(sql, params, opts)),
    stream: (sql: string, params?: SqlParams, opts?: StatementOptions) => (
      count(opts),
      erp.stream(sql, params, opts)
    ),
    transaction: (fn, opts) => erp.transaction(fn, opts),
    serverInfo: () => erp.serverInfo(),
    close: () => erp.close(),
  } as ErpConnection;
  return { erp: wrapped, ran };
}

describe('sync engine: fingerprint change detection', () => {
  const ORDERS = 30;
  // everything in Infoplus first, without fingerprints (as after upgrading from a version without them)
  const setup = pushedSqliteRig('sync-fingerprint-', ORDERS);
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(() => {
    erp = setup.erp();
    rig = setup.rig();
  });

  const withFingerprint = (change?: (p: Profile) => void): Profile => {
    const p = structuredClone(rig.profile);
    const orders = p.touchpoints.orders!;
    orders.changeDetection = { ...orders.changeDetection, fingerprint: 'updated_at' };
    change?.(p);
    return p;
  };

  /** A full scan of the orders (push watermark reset, as after "re-send all"). */
  async function fullScan(profile: Profile) {
    const spy = countingErp(erp);
    const engine = new SyncEngine({
      erp: spy.erp,
      infoplus: rig.client,
      profile,
      store: rig.store,
      logger: quietLogger,
      options: { retryBaseMs: 0, retryMaxMs: 0 },
    });
    rig.store.touchpoints.setPushWatermark('orders', null);
    rig.sim.resetStats();
    const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
    return { run, linesRead: spy.ran.get('orders.lines') ?? 0, writes: rig.sim.stats().writes, ran: spy.ran };
  }

  it('the first scan compares by content and keeps fingerprints; the next one reads no lines', async () => {
    const first = await fullScan(withFingerprint());
    expect(first.run.counts).toMatchObject({ unchanged: ORDERS, created: 0, updated: 0 });
    expect(first.linesRead).toBeGreaterThan(0);
    expect(first.writes).toBe(0);

    const second = await fullScan(withFingerprint());
    expect(second.run.counts).toMatchObject({ unchanged: ORDERS, created: 0, updated: 0 });
    expect(second.linesRead).toBe(0);
    expect(second.writes).toBe(0);
  });

  it('an order whose fingerprint changed is read whole and updated in Infoplus', async () => {
    const [o] = await erp.query<{ order_id: number; order_no: string }>(
      'SELECT order_id, order_no FROM sales_orders ORDER BY order_no LIMIT 1',
    );
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 5 WHERE order_id = @id AND line_no = 1', {
      id: o!.order_id,
    });
    await erp.execute("UPDATE sales_orders SET updated_at = datetime('now') WHERE order_id = @id", {
      id: o!.order_id,
    });
    const scan = await fullScan(withFingerprint());
    expect(scan.run.counts).toMatchObject({ updated: 1, unchanged: ORDERS - 1, failed: 0 });
    expect(scan.linesRead).toBe(1);
    const inInfoplus = rig.sim.state.list('order').find((r) => r['customerOrderNo'] === o!.order_no) as {
      lineItems: { orderedQty: number }[];
    };
    const [line] = await erp.query<{ qty: number }>(
      'SELECT qty FROM sales_order_lines WHERE order_id = @id AND line_no = 1',
      { id: o!.order_id },
    );
    expect(inInfoplus.lineItems[0]!.orderedQty).toBe(Number(line!.qty));

    // the update stored the new fingerprint: nothing left to read
    expect((await fullScan(withFingerprint())).linesRead).toBe(0);
  });

  it('a changed mapping makes every record be compared again, costing no call for unchanged payloads', async () => {
    // a lookup table entry no order uses: the mapping differs, the payloads do not
    const changed = withFingerprint((p) => {
      p.lookups = { ...p.lookups, unused: { values: { A: 'B' } } };
    });
    const scan = await fullScan(changed);
    expect(scan.run.counts).toMatchObject({ unchanged: ORDERS, updated: 0 });
    expect(scan.linesRead).toBeGreaterThan(0);
    expect(scan.writes).toBe(0);
    expect((await fullScan(changed)).linesRead).toBe(0);
  });

  it('a change behind an unchanged fingerprint is not seen: the fingerprint must cover the lines', async () => {
    // documents the contract: this is what a fingerprint column that ignores line changes would miss
    expect((await fullScan(withFingerprint())).run.counts).toMatchObject({ unchanged: ORDERS });
    const [o] = await erp.query<{ order_id: number }>(
      'SELECT order_id FROM sales_orders ORDER BY order_no DESC LIMIT 1',
    );
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 1 WHERE order_id = @id', { id: o!.order_id });
    expect((await fullScan(withFingerprint())).run.counts).toMatchObject({ updated: 0, unchanged: ORDERS });
    // without the fingerprint the same scan finds it
    const plain = structuredClone(rig.profile);
    expect((await fullScan(plain)).run.counts).toMatchObject({ updated: 1, unchanged: ORDERS - 1 });
  });

  it('with a narrow fingerprints query, a full scan reads no header or line rows of unchanged orders', async () => {
    const narrow = withFingerprint((p) => {
      p.touchpoints.orders!.source.fingerprints = 'SELECT order_no, updated_at FROM sales_orders';
    });
    // stores fingerprints for this mapping (the digest covers the source queries)
    await fullScan(narrow);
    const quiet = await fullScan(narrow);
    expect(quiet.run.counts).toMatchObject({ unchanged: ORDERS, updated: 0, created: 0 });
    expect(quiet.ran).toEqual(new Map([['orders.fingerprints', 1]]));

    const [o] = await erp.query<{ order_id: number; order_no: string }>(
      'SELECT order_id, order_no FROM sales_orders ORDER BY order_no LIMIT 1 OFFSET 3',
    );
    await erp.execute('UPDATE sales_order_lines SET qty = qty + 2 WHERE order_id = @id AND line_no = 1', {
      id: o!.order_id,
    });
    await erp.execute(
      "UPDATE sales_orders SET updated_at = datetime('now', '+1 minute') WHERE order_id = @id",
      {
        id: o!.order_id,
      },
    );
    const one = await fullScan(narrow);
    expect(one.run.counts).toMatchObject({ updated: 1, unchanged: ORDERS - 1, failed: 0 });
    // only the changed order was read whole
    expect(one.ran.get('orders.header')).toBeUndefined();
    expect(one.ran.get('orders.headerByKeys')).toBe(1);
    expect(one.ran.get('orders.lines')).toBe(1);
    expect((await fullScan(narrow)).ran).toEqual(new Map([['orders.fingerprints', 1]]));
  });
});
