/**
 * The pull path end to end on a real SQLite sample ERP and a real state store, against an Infoplus that answers
 * as API.md §12 says (shipments without lines, label rows, orderNoList, back-order children, per-line
 * quantities on the orders), held in memory at the client boundary so every shape can be set exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import type { FilterAst, FilterClause, InfoplusClient, SearchQuery } from '../../../src/infoplus/index.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { openStateStore, type StateStore } from '../../../src/store/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { quietLogger, tempDir } from './harness.js';

type Rec = Record<string, unknown> & { id?: number };

/** Answers searches over in-memory records the way the Infoplus filter reads (eq gt ge in, and). */
class FakeResource {
  readonly records: Rec[] = [];
  searches: string[] = [];
  refuseIn = false;
  constructor(private readonly key: string) {}
  async search(q: SearchQuery = {}): Promise<Rec[]> {
    const clauses = (q.filter as FilterAst | undefined)?.clauses ?? [];
    this.searches.push(clauses.map((c) => `${c.field} ${c.op}`).join(' and '));
    if (this.refuseIn && clauses.some((c) => c.op === 'in'))
      throw Object.assign(new Error('bad filter'), { kind: 'validation', status: 400 });
    const rows = this.records.filter((r) => clauses.every((c) => matches(r, c)));
    if (q.sort === 'modifyDate')
      rows.sort((a, b) => Date.parse(String(a['modifyDate'])) - Date.parse(String(b['modifyDate'])));
    else rows.sort((a, b) => Number(a[this.key]) - Number(b[this.key]));
    const limit = q.limit ?? 20;
    const page = q.page ?? 1;
    return structuredClone(rows.slice((page - 1) * limit, page * limit));
  }
  async get(id: number): Promise<Rec> {
    const r = this.records.find((x) => x[this.key] === id);
    if (!r) throw Object.assign(new Error('not found'), { kind: 'not-found', status: 404 });
    return structuredClone(r);
  }
  put(r: Rec): void {
    const i = this.records.findIndex((x) => x[this.key] === r[this.key]);
    if (i >= 0) this.records[i] = r;
    else this.records.push(r);
  }
}

function matches(r: Rec, c: FilterClause): boolean {
  const v = r[c.field];
  const cmp = (x: unknown): number => {
    if (c.field === 'modifyDate') return Date.parse(String(v)) - Date.parse(String(x));
    if (typeof x === 'number') return Number(v) - x;
    return String(v) === String(x) ? 0 : 1;
  };
  switch (c.op) {
    case 'eq':
      return cmp(c.value) === 0;
    case 'gt':
      return cmp(c.value) > 0;
    case 'ge':
      return cmp(c.value) >= 0;
    case 'in':
      return (c.value as unknown[]).some((x) => cmp(x) === 0);
    default:
      throw new Error(`the fake does not read ${c.op}`);
  }
}

describe('pull write-backs: lines, orders, expectations, batches', () => {
  const tmp = tempDir('pull-wb-');
  let erp: ErpConnection;
  let profile: Profile;
  let store: StateStore;
  const shipment = new FakeResource('id');
  const order = new FakeResource('orderNo');
  const itemReceipt = new FakeResource('id');
  const client = {
    shipment,
    order,
    itemReceipt,
    inventoryAdjustment: new FakeResource('id'),
  } as unknown as InfoplusClient;
  let clock = Date.UTC(2026, 0, 5, 12);
  const stamp = (): string => new Date((clock += 1000)).toISOString().replace('.000Z', 'Z');
  const engine = (batch = 100): SyncEngine =>
    new SyncEngine({
      erp,
      infoplus: client,
      profile,
      store,
      logger: quietLogger,
      options: { pullBatchSize: batch, retryBaseMs: 0, retryMaxMs: 0, overlapMs: 0 },
    });
  const lines = async (orderNo: string) =>
    (
      await erp.query<{ sku: string; qty: number; qty_shipped: number }>(
        `SELECT l.sku, l.qty, l.qty_shipped FROM sales_order_lines l JOIN sales_orders o ON o.order_id = l.order_id
         WHERE o.order_no = @no ORDER BY l.line_no`,
        { no: orderNo },
      )
    ).map((l) => ({ sku: l.sku, qty: Number(l.qty), shipped: Number(l.qty_shipped) }));
  const status = async (orderNo: string) =>
    (
      await erp.query<{ status: string }>('SELECT status FROM sales_orders WHERE order_no = @no', {
        no: orderNo,
      })
    )[0]?.status;
  /** The Infoplus order of an ERP order, with line ids 10*orderNo + n, as pushed. */
  const pushOrder = async (orderNo: number, customerOrderNo: string): Promise<Rec> => {
    await erp.execute(
      "UPDATE sales_orders SET infoplus_order_no = @n, status = 'Sent' WHERE order_no = @no",
      {
        n: orderNo,
        no: customerOrderNo,
      },
    );
    const ls = await lines(customerOrderNo);
    const o: Rec = {
      orderNo,
      customerOrderNo,
      lobId: 1,
      lineItems: ls.map((l, i) => ({
        id: orderNo * 10 + i,
        lineItemId: orderNo * 10 + i,
        orderNo,
        sku: l.sku,
        orderedQty: l.qty,
        shippedQty: 0,
        backorderQty: 0,
      })),
    };
    order.put(o);
    return o;
  };
  const ship = (id: number, orderNos: number[], shipped = true): Rec => {
    const r: Rec = {
      id,
      lobId: 1,
      orderNo: orderNos[0],
      orderNoList: orderNos,
      trackingNo: `T-${id}`,
      shipDate: stamp(),
      modifyDate: stamp(),
      shipped,
      status: shipped ? 'Shipped' : 'Label Printed',
      carrierCompany: 'UPS',
    };
    shipment.put(r);
    return r;
  };

  beforeAll(async () => {
    erp = await openErp({ driver: 'sqlite', url: `${tmp.dir}/erp.sqlite`, createIfMissing: true });
    await createSampleErp(erp, { orders: 40, seed: 3 });
    profile = parseProfile(
      sampleProfileText('sqlite', { erpUrl: 'unused', infoplusBaseUrl: 'http://127.0.0.1:9' }),
    );
    store = openStateStore(`${tmp.dir}/state`);
  });
  afterAll(async () => {
    store.close();
    await erp.close();
    tmp.remove();
  });

  it('two lines of one SKU get their own shipped quantities, and only a shipped row marks the order', async () => {
    const [dup] = await erp.query<{ order_no: string }>(
      `SELECT o.order_no FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.order_id
       GROUP BY o.order_no HAVING COUNT(*) > COUNT(DISTINCT l.sku) ORDER BY o.order_no`,
    );
    const no = dup!.order_no;
    const o = await pushOrder(4000, no);
    ship(1, [4000], false);
    let run = await engine().runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);
    expect(await status(no)).toBe('Sent');

    // the carton leaves: every line shipped except one unit of the second line (same SKU as the first)
    const items = o['lineItems'] as Rec[];
    items.forEach((l, i) => (l['shippedQty'] = Number(l['orderedQty']) - (i === 1 ? 1 : 0)));
    ship(1, [4000], true);
    run = await engine().runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);
    const after = await lines(no);
    expect(after[0]!.sku).toBe(after[1]!.sku);
    expect(after.map((l) => l.shipped)).toEqual(items.map((l) => l['shippedQty']));
    expect(await status(no)).toBe('Partially Shipped');
  });

  it('a shipment of two orders is written to each; a back-order child is credited to the ERP order', async () => {
    const a = await pushOrder(5001, 'SO-0000001');
    const b = await pushOrder(5002, 'SO-0000002');
    for (const l of [...(a['lineItems'] as Rec[]), ...(b['lineItems'] as Rec[])])
      l['shippedQty'] = l['orderedQty'];
    ship(2, [5001, 5002]);
    // SO-0000003 ships 1 of its first line; the rest goes to the child order 5003.001 and ships later
    const c = await pushOrder(5003, 'SO-0000003');
    const parentLines = c['lineItems'] as Rec[];
    const first = parentLines[0]!;
    first['shippedQty'] = 1;
    ship(3, [5003]);
    const child: Rec = {
      orderNo: 5003.001,
      customerOrderNo: 'SO-0000003',
      lobId: 1,
      lineItems: parentLines.map((l, i) => ({
        id: 90_000 + i,
        orderNo: 5003.001,
        sku: l['sku'],
        orderedQty: Number(l['orderedQty']) - Number(l['shippedQty']),
        shippedQty: Number(l['orderedQty']) - Number(l['shippedQty']),
        backorderQty: 0,
      })),
    };
    order.put(child);
    ship(4, [5003.001]);
    order.refuseIn = true; // a tenant without `in`: one eq search per order instead
    const run = await engine().runTouchpoint('shipments', { trigger: 'manual' });
    order.refuseIn = false;
    expect(run.counts.failed).toBe(0);
    for (const no of ['SO-0000001', 'SO-0000002', 'SO-0000003']) {
      expect((await lines(no)).every((l) => l.shipped === l.qty)).toBe(true);
      expect(await status(no)).toBe('Shipped');
    }
    expect(order.searches.some((s) => s.includes('orderNo eq'))).toBe(true);
  });

  it('a shipment for an order the ERP lacks is parked with a clear reason; the rest of its batch commits', async () => {
    await pushOrder(6005, 'SO-0000005');
    await pushOrder(6006, 'SO-0000006');
    ship(10, [6005]);
    ship(107, [1070]); // an order entered in Infoplus by hand
    ship(11, [6006]);
    const run = await engine(50).runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.failed).toBe(1);
    const parked = store.inbox.byKey('shipments', '107');
    expect(parked?.message).toMatch(
      /ERP record not found: shipment 107 names order 1070, which the ERP does not have/,
    );
    const written = await erp.query<{ id: number }>(
      'SELECT infoplus_shipment_id AS id FROM erp_shipments WHERE infoplus_shipment_id IN (10, 11, 107) ORDER BY 1',
    );
    expect(written.map((r) => Number(r.id))).toEqual([10, 11]);
    // the record is safe in the inbox: the cursor moved past it
    expect(store.cursors.get('shipments')?.date).toBe(
      new Date(Date.parse(String(shipment.records.find((r) => r.id === 11)!['modifyDate']))).toISOString(),
    );
  });

  it('a replay (repull) writes records again; a plain re-pull recognises them as written', async () => {
    const no = 'SO-0000001';
    const damage = () =>
      erp.execute(
        `UPDATE sales_order_lines SET qty_shipped = 0 WHERE order_id = (SELECT order_id FROM sales_orders WHERE order_no = @no)`,
        { no },
      );
    await damage();
    const since = new Date(Date.UTC(2026, 0, 1));
    await engine().resetCursor('shipments', since);
    let run = await engine().runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.pulled).toBe(0);
    expect((await lines(no)).every((l) => l.shipped === 0)).toBe(true);
    await engine().resetCursor('shipments', since, { rewrite: true });
    run = await engine().runTouchpoint('shipments', { trigger: 'manual' });
    expect(run.counts.pulled).toBeGreaterThan(0);
    expect((await lines(no)).every((l) => l.shipped === l.qty)).toBe(true);
  });

  it('an ASN line row with receivedQuantity 0 receives nothing; receipts add up per line', async () => {
    await erp.execute(
      "UPDATE purchase_orders SET infoplus_asn_id = 77, status = 'Sent' WHERE po_no = 'PO-000001'",
    );
    const po = await erp.query<{ sku: string; qty: number }>(
      `SELECT l.sku, l.qty FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id
       WHERE p.po_no = 'PO-000001' ORDER BY l.line_no`,
    );
    po.forEach((l, i) =>
      itemReceipt.put({
        id: 700 + i,
        poNoId: 77,
        lobId: 1,
        sku: l.sku,
        receivedQuantity: 0,
        modifyDate: stamp(),
      }),
    );
    await engine().runTouchpoint('item-receipts', { trigger: 'manual' });
    const poStatus = async () =>
      (await erp.query<{ status: string }>("SELECT status FROM purchase_orders WHERE po_no = 'PO-000001'"))[0]
        ?.status;
    expect(await poStatus()).toBe('Sent');
    // one receipt row per receipt naming its line (receipts=rows)
    itemReceipt.put({
      id: 800,
      poNoId: 77,
      lobId: 1,
      sku: po[0]!.sku,
      asnLine: 700,
      receivedQuantity: 1,
      modifyDate: stamp(),
    });
    itemReceipt.put({
      id: 801,
      poNoId: 77,
      lobId: 1,
      sku: po[0]!.sku,
      asnLine: 700,
      receivedQuantity: 2,
      modifyDate: stamp(),
    });
    const run = await engine().runTouchpoint('item-receipts', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);
    const [first] = await erp.query<{ qty_received: number }>(
      `SELECT l.qty_received FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id
       WHERE p.po_no = 'PO-000001' AND l.line_no = 1`,
    );
    expect(Number(first?.qty_received)).toBe(3);
    expect(await poStatus()).toBe(po.length === 1 && po[0]!.qty <= 3 ? 'Received' : 'Partial');
  });
});
