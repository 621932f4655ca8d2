/**
 * Issue 14, push side: every path to a second copy in Infoplus is closed. A slow server that commits after our
 * timeout, colliding and empty keys, a run that lost its lease, a new data folder, a cancel mid-run, a
 * watermark in the future.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import { createInfoplusClient, type InfoplusClient } from '../../../src/infoplus/index.js';
import { OutcomeUnknownError } from '../../../src/infoplus/errors.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { openStateStore, type StateStore } from '../../../src/store/index.js';
import { SyncEngine, type EngineOptions } from '../../../src/sync/index.js';
import { countBy, makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';
import { runOne, runPath, type RunPath } from './run-path.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Customer order numbers Infoplus holds more than once. */
function twice(sim: InfoplusSimulator): string[] {
  const by = countBy(sim.state.list<Record<string, unknown>>('order'), 'customerOrderNo');
  return [...by].filter(([, n]) => n > 1).map(([k]) => k);
}

/** An engine over the rig's ERP with its own client (a short timeout) and options, on the production run path. */
function engineOf(rig: Rig, store: StateStore, client: InfoplusClient, options: EngineOptions = {}): RunPath {
  return runPath(
    (onEvent) =>
      new SyncEngine({
        erp: rig.erp,
        infoplus: client,
        profile: rig.profile,
        store,
        logger: quietLogger,
        onEvent,
        options: { concurrency: 8, retryBaseMs: 0, retryMaxMs: 0, ...options },
      }),
    store,
    quietLogger,
  );
}

function setUp(prefix: string, orders: number) {
  const tmp = tempDir(prefix);
  const env: { rig?: Rig; erp?: ErpConnection; clients: InfoplusClient[] } = { clients: [] };
  afterAll(async () => {
    for (const c of env.clients) c.close();
    await env.rig?.close();
    await env.erp?.close();
    tmp.remove();
  });
  return {
    dir: tmp.dir,
    async start(): Promise<Rig> {
      env.erp = await (await makeTestErp('sqlite', tmp.dir)).open();
      env.rig = await makeRig({ erp: env.erp, driver: 'sqlite', orders, dataDir: join(tmp.dir, 'state') });
      return env.rig;
    },
    client(rig: Rig, timeoutMs: number): InfoplusClient {
      const c = createInfoplusClient({
        baseUrl: rig.sim.baseUrl,
        apiKey: rig.sim.apiKey,
        requestsPerSecond: 1000,
        retryBaseMs: 5,
        maxRetryDelayMs: 50,
        timeoutMs,
      });
      env.clients.push(c);
      return c;
    },
  };
}

describe('a slow Infoplus that answers after the client timeout and then commits', () => {
  const s = setUp('sync-slow-', 100);

  it(
    'leaves exactly 100 orders after a run and a second run once the slow answers landed; the second run is clean',
    { timeout: 120_000 },
    async () => {
      const rig = await s.start();
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
      // The client gives up after 400 ms; 10% of requests are answered after 1.5 s and then committed. The
      // settle window (2.5 s here, minutes by default) is longer than the server's delay.
      const client = s.client(rig, 400);
      const engine = engineOf(rig, rig.store, client, { settleDelaysMs: [1000, 2500] });
      rig.sim.setFaults({ slowRate: 0.1, slowMs: 1500 });
      const first = await runOne(engine.runs, 'orders');
      expect(rig.sim.stats().faults.slow ?? 0).toBeGreaterThan(0);
      // Some creates are settling: not failed, not re-sent.
      const settling = rig.store.inbox.list({ category: 'settling' });
      expect(first.counts.failed).toBe(0);
      expect(first.counts.created + first.counts.skipped).toBe(100);
      expect(rig.store.outbox.settlingCount('orders')).toBe(settling.length);
      for (const item of settling) expect(item.message).toMatch(/^Checking whether Infoplus received it/);
      expect(twice(rig.sim)).toEqual([]);

      // A run at once (the slow creates not committed yet) sends none of them again.
      rig.sim.setFaults({ slowRate: 0 });
      const early = await runOne(engine.runs, 'orders');
      const settlingKeys = new Set(settling.map((i) => i.recordKey));
      const resent = rig.store.runs
        .records(early.id)
        .filter((r) => r.action === 'created' && settlingKeys.has(r.recordKey));
      expect(resent).toEqual([]);
      rig.sim.setFaults({ slowRate: 0.1, slowMs: 1500 });

      // Once the slow answers landed (and the window passed), the second run finds them: nothing sent twice.
      await sleep(2600);
      const second = await runOne(engine.runs, 'orders');
      expect(second.status).toBe('succeeded');
      expect(second.counts.failed).toBe(0);
      expect(twice(rig.sim)).toEqual([]);
      expect(rig.sim.state.count('order')).toBe(100);
      expect(rig.store.inbox.openCount('orders')).toBe(0);
      expect(rig.store.outbox.settlingCount('orders')).toBe(0);
      expect(rig.store.journal.counts('orders').synced).toBe(100);
    },
  );
});

describe('a create whose answer never came and that never landed', () => {
  const s = setUp('sync-lost-', 6);

  it(
    'is looked up on the settle schedule and sent again only after the window, once',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
      // The connection drops while the create is on the wire and Infoplus never got it: the client only
      // knows the outcome is unknown.
      let dropCreates = true;
      const order = new Proxy(rig.client.order, {
        get(target, prop, receiver) {
          if (prop === 'create' && dropCreates) {
            return () =>
              Promise.reject(
                new OutcomeUnknownError({
                  message: 'connection reset after the request was sent',
                  resource: 'order',
                  operation: 'create',
                  code: 'ECONNRESET',
                  requestSent: true,
                }),
              );
          }
          return Reflect.get(target, prop, receiver) as unknown;
        },
      });
      const client = new Proxy(rig.client, {
        get: (target, prop, receiver) =>
          prop === 'order' ? order : (Reflect.get(target, prop, receiver) as unknown),
      });
      const engine = engineOf(rig, rig.store, client, { settleDelaysMs: [300, 1500] });
      const first = await runOne(engine.runs, 'orders');
      dropCreates = false;
      expect(first.counts.created).toBe(0);
      expect(first.counts.failed).toBe(0);
      expect(rig.store.outbox.settlingCount('orders')).toBe(6);
      expect(rig.store.inbox.list({ category: 'settling' })).toHaveLength(6);

      // Inside the window: looked up again, not found, still not sent.
      await sleep(350);
      const inside = await runOne(engine.runs, 'orders');
      expect(inside.counts.created).toBe(0);
      expect(rig.sim.state.count('order')).toBe(0);
      expect(rig.store.outbox.settlingCount('orders')).toBe(6);

      // After the window: sent again, exactly once each.
      await sleep(1200);
      const after = await runOne(engine.runs, 'orders');
      expect(after.status).toBe('succeeded');
      expect(rig.sim.state.count('order')).toBe(6);
      expect(twice(rig.sim)).toEqual([]);
      expect(rig.store.outbox.settlingCount('orders')).toBe(0);
      expect(rig.store.inbox.openCount('orders')).toBe(0);
    },
  );
});

describe('key policy: colliding and empty keys are parked before anything is sent', () => {
  const s = setUp('sync-keys-', 4);

  it('parks both ERP records of a collision (items by case, orders by a trailing blank) and an empty key', async () => {
    const rig = await s.start();
    const erp = rig.erp;
    await erp.execute(
      `INSERT INTO items (sku, description, unit_price, weight_lbs, upc, vendor_no, active, qty_adjusted, updated_at)
       SELECT 'sku-case', description, unit_price, weight_lbs, NULL, vendor_no, active, 0, updated_at FROM items LIMIT 1`,
    );
    await erp.execute(
      `INSERT INTO items (sku, description, unit_price, weight_lbs, upc, vendor_no, active, qty_adjusted, updated_at)
       SELECT 'SKU-CASE', description, unit_price, weight_lbs, NULL, vendor_no, active, 0, updated_at FROM items LIMIT 1`,
    );
    for (const no of ['SO-DUP', 'SO-DUP ', '']) {
      await erp.execute(
        `INSERT INTO sales_orders (order_no, customer_id, customer_po, order_date, ship_via, ship_to_name, ship_to_street,
           ship_to_city, ship_to_state, ship_to_zip, ship_to_country, notes, total, status, created_at, updated_at)
         SELECT @no, customer_id, customer_po, order_date, ship_via, ship_to_name, ship_to_street, ship_to_city,
           ship_to_state, ship_to_zip, ship_to_country, notes, total, 'Open', created_at, updated_at
         FROM sales_orders ORDER BY order_id LIMIT 1`,
        { no },
      );
      await erp.execute(
        `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price, qty_shipped)
         SELECT (SELECT order_id FROM sales_orders WHERE order_no = @no), line_no, sku, qty, unit_price, 0
         FROM sales_order_lines WHERE order_id = (SELECT MIN(order_id) FROM sales_orders)`,
        { no },
      );
    }
    // A dry run already names them.
    const dry = await rig.engine.dryRun(['items', 'orders']);
    expect(JSON.stringify(dry)).toMatch(/Key collision/);

    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
    const items = rig.sim.state.list<Record<string, unknown>>('item').map((r) => r.sku);
    expect(items).not.toContain('SKU-CASE');
    const orders = rig.sim.state.list<Record<string, unknown>>('order');
    expect(orders.map((o) => o.customerOrderNo)).not.toContain('SO-DUP');
    expect(orders.every((o) => typeof o.customerOrderNo === 'string' && o.customerOrderNo !== '')).toBe(true);
    expect(orders).toHaveLength(4);

    const parked = rig.store.inbox.list({ category: 'key-collision' });
    const byKey = new Map(parked.map((i) => [`${i.touchpoint}:${i.recordKey}`, i.message]));
    expect(byKey.get('items:sku-case')).toMatch(/Key collision.*"SKU-CASE" and "sku-case"/);
    expect(byKey.get('items:SKU-CASE')).toMatch(/Key collision/);
    expect(byKey.get('orders:SO-DUP')).toMatch(/"SO-DUP" and "SO-DUP "/);
    expect(byKey.get('orders:SO-DUP ')).toMatch(/Key collision/);
    expect(byKey.get('orders:')).toMatch(/Invalid key.*customerOrderNo is empty/);

    // A later run (one of them changed, the other not read by the watermark) still sends neither.
    await erp.execute(
      `UPDATE items SET description = 'changed', updated_at = updated_at WHERE sku = 'sku-case'`,
    );
    await rig.runs.runAndWait({ touchpoints: ['items'] });
    expect(rig.sim.state.list<Record<string, unknown>>('item').map((r) => r.sku)).not.toContain('SKU-CASE');

    // Renaming one of them in the ERP resolves the collision by itself: the other one is sent.
    await erp.execute(`DELETE FROM items WHERE sku = 'sku-case'`);
    for (const item of rig.store.inbox.list({ category: 'key-collision', touchpoint: 'items' }))
      rig.engine.retryInbox([item.id]);
    await rig.runs.runAndWait({ touchpoints: ['items'] });
    expect(rig.sim.state.list<Record<string, unknown>>('item').map((r) => r.sku)).toContain('SKU-CASE');
  });
});

describe('a new data folder against an Infoplus that already has the records', () => {
  const s = setUp('sync-fresh-', 20);

  it('adopts the orders this ERP created instead of creating them again', { timeout: 60_000 }, async () => {
    const rig = await s.start();
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
    expect(rig.sim.state.count('order')).toBe(20);
    const fresh = openStateStore(join(s.dir, 'state-new'));
    try {
      const runs = await engineOf(rig, fresh, rig.client).runs.runAndWait({
        touchpoints: ['vendors', 'items', 'orders'],
      });
      expect(runs.map((r) => [r.touchpoint, r.status])).toEqual([
        ['vendors', 'succeeded'],
        ['items', 'succeeded'],
        ['orders', 'succeeded'],
      ]);
      expect(rig.sim.state.count('order')).toBe(20);
      expect(twice(rig.sim)).toEqual([]);
      expect(fresh.journal.counts('orders').synced).toBe(20);
    } finally {
      fresh.close();
    }
  });
});

describe('a run that lost its lease, and a cancelled run', () => {
  const s = setUp('sync-lease-', 60);

  it(
    'sends nothing more once another run took the lease; the taker settles, nothing twice',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
      rig.sim.setFaults({ latencyMs: 20 });
      const engine = engineOf(rig, rig.store, rig.client, { concurrency: 2, intentBatch: 4 });
      const running = runOne(engine.runs, 'orders');
      await sleep(150);
      // Another process takes the lease over (as after a pause longer than the lease's staleness).
      const taken = rig.store.leases.acquire('orders', 'other-process', { staleMs: 0, now: new Date() });
      expect(taken.ok).toBe(true);
      const createsAtTakeover = rig.sim.state.count('order');
      const lost = await running;
      expect(lost.status).toBe('failed');
      expect(lost.error).toMatch(/lease was taken over/);
      // at most the requests already in flight landed after the takeover
      expect(rig.sim.state.count('order') - createsAtTakeover).toBeLessThanOrEqual(2);
      rig.store.leases.release('orders', 'other-process');

      rig.sim.setFaults({ latencyMs: 0 });
      const taker = engineOf(rig, rig.store, rig.client, { settleDelaysMs: [] });
      const done = await runOne(taker.runs, 'orders');
      expect(done.status).toBe('succeeded');
      expect(rig.sim.state.count('order')).toBe(60);
      expect(twice(rig.sim)).toEqual([]);
    },
  );
});

describe('a cancelled run (SIGTERM)', () => {
  const s = setUp('sync-cancel-', 60);

  it('starts no new request after the cancel', { timeout: 60_000 }, async () => {
    const rig = await s.start();
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
    rig.sim.setFaults({ latencyMs: 30 });
    const engine = engineOf(rig, rig.store, rig.client, { concurrency: 2, intentBatch: 4 });
    const running = runOne(engine.runs, 'orders');
    await sleep(200);
    // what SIGTERM does (App.cancelRuns)
    engine.runs.cancelAll();
    const atStop = rig.sim.stats().writes;
    const run = await running;
    expect(run.status).toBe('cancelled');
    // nothing parked: the records not sent are simply sent by the next run
    expect(rig.store.inbox.openCount('orders')).toBe(0);
    expect(rig.sim.stats().writes - atStop).toBeLessThanOrEqual(2);
    rig.sim.setFaults({ latencyMs: 0 });
  });
});

describe('a watermark in the future', () => {
  const s = setUp('sync-future-', 5);

  it(
    'is refused: the watermark never moves past now, so later edits are still pushed',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
      const first = (
        (await rig.erp.query(`SELECT order_no FROM sales_orders ORDER BY order_id LIMIT 2`)) as {
          order_no: string;
        }[]
      ).map((r) => r.order_no);
      await rig.erp.execute(
        `UPDATE sales_orders SET updated_at = '2099-01-01 00:00:00', notes = 'x' WHERE order_no = @no`,
        { no: first[0] },
      );
      const dated = await runOne(rig.runs, 'orders');
      expect(dated.counts.updated).toBe(1);
      expect(Date.parse(rig.store.touchpoints.pushWatermark('orders')!)).toBeLessThanOrEqual(Date.now());

      // a later, ordinary edit (dated like the newest record; the ERP's clock is in the profile's zone) is found
      await rig.erp.execute(
        `UPDATE sales_orders SET notes = 'later edit',
           updated_at = (SELECT n.updated_at FROM sales_orders n ORDER BY n.order_id DESC LIMIT 1)
         WHERE order_no = @no`,
        { no: first[1] },
      );
      const later = await runOne(rig.runs, 'orders');
      expect(later.counts.updated).toBe(1);

      // A watermark already stored in the future (by an older version) is refused: the run reads everything.
      rig.store.touchpoints.setPushWatermark('orders', '2099-01-01T00:00:00.000Z');
      await rig.erp.execute(
        `UPDATE sales_orders SET notes = 'hidden before',
           updated_at = (SELECT n.updated_at FROM sales_orders n ORDER BY n.order_id LIMIT 1 OFFSET 2)
         WHERE order_no = @no`,
        { no: first[1] },
      );
      const refused = await runOne(rig.runs, 'orders');
      expect(refused.counts.updated).toBe(1);
      expect(Date.parse(rig.store.touchpoints.pushWatermark('orders')!)).toBeLessThanOrEqual(Date.now());
    },
  );
});

describe('an Infoplus that accepts connections and never answers', () => {
  const s = setUp('sync-silent-', 10);

  it(
    'stops the run with a clear message instead of going silent for minutes',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      const held: ServerResponse[] = [];
      const silent = createServer((_req, res) => void held.push(res));
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
      try {
        const port = (silent.address() as AddressInfo).port;
        const client = createInfoplusClient({
          baseUrl: `http://127.0.0.1:${port}/infoplus-wms/api`,
          apiKey: rig.sim.apiKey,
          requestsPerSecond: 1000,
          retryBaseMs: 5,
          maxRetryDelayMs: 50,
          timeoutMs: 300,
        });
        try {
          // scaled down: a 300 ms client timeout and a 1 s limit stand for 30 s and 60 s
          const engine = engineOf(rig, rig.store, client, { unansweredStopMs: 1000 });
          const started = Date.now();
          const run = await runOne(engine.runs, 'vendors');
          expect(run.status).toBe('failed');
          expect(run.error).toMatch(/accepts connections but has not answered any request/);
          expect(Date.now() - started).toBeLessThan(5000);
        } finally {
          client.close();
        }
      } finally {
        for (const res of held) res.destroy();
        silent.closeAllConnections();
        await new Promise<void>((r) => silent.close(() => r()));
      }
    },
  );
});

describe('a key Infoplus already holds for a record that did not come from this ERP record', () => {
  const tmp = tempDir('sync-theirs-');
  let rig: Rig | undefined;
  let erp: ErpConnection | undefined;
  afterAll(async () => {
    await rig?.close();
    await rig?.sim.close();
    await erp?.close();
    tmp.remove();
  });

  it(
    'is parked, never adopted or overwritten; one that did come from it is linked',
    { timeout: 60_000 },
    async () => {
      // the tenant rejects duplicate customer order numbers (an account setting)
      const sim = await startSimulator({ seed: 21, rejectDuplicateCustomerOrderNo: true });
      erp = await (await makeTestErp('sqlite', tmp.dir)).open();
      rig = await makeRig({ erp, driver: 'sqlite', orders: 4, dataDir: join(tmp.dir, 'state'), sim });
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
      const [theirs, mine] = (
        (await erp.query(`SELECT order_no FROM sales_orders ORDER BY order_id LIMIT 2`)) as {
          order_no: string;
        }[]
      ).map((r) => r.order_no);
      // Someone keyed in an order by hand under the ERP's number, with other content.
      const sku = rig.sim.state.list<Record<string, unknown>>('item')[0]!.sku as string;
      const byHand = await rig.client.order.create({
        lobId: 1,
        warehouseId: 1,
        customerOrderNo: theirs,
        orderDate: '2026-01-02T00:00:00.000Z',
        customerNo: 'HAND-1',
        billToCompany: 'Keyed In By Hand Ltd',
        lineItems: [{ sku, orderedQty: 99 }],
      } as never);
      // And this ERP's own order is already there (a lost data folder): same content as the ERP row.
      const ownFirst = await runOne(rig.runs, 'orders');
      expect(ownFirst.counts.created).toBe(3);
      rig.store.journal.forget('orders', mine!);
      rig.store.touchpoints.setPushWatermark('orders', null);
      rig.store.touchpoints.setPushWatermark('orders', null);

      const run = await runOne(rig.runs, 'orders');
      const stored = rig.sim.state.list<Record<string, unknown>>('order');
      expect(stored.filter((o) => o.customerOrderNo === theirs)).toHaveLength(1);
      const kept = stored.find((o) => o.customerOrderNo === theirs)!;
      expect(kept.orderNo).toBe(byHand.orderNo);
      expect(kept.billToCompany).toBe('Keyed In By Hand Ltd');
      expect(rig.store.inbox.byKey('orders', theirs!)?.message).toMatch(/content differs.*not adopted/);
      // its own record, found by its key and content, is linked again without a second copy
      expect(stored.filter((o) => o.customerOrderNo === mine)).toHaveLength(1);
      expect(rig.store.journal.get('orders', mine!)?.status).toBe('synced');
      expect(run.counts.created).toBe(1);
    },
  );
});
