/** The sample-ERP suite, run against each database: build, profile, reads, write-backs, injection-looking data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_TOUCHPOINTS, type PushTouchpoint } from '../../../src/contract/touchpoints.js';
import { buildPayload } from '../../../src/domain/mapping/index.js';
import { openErp } from '../../../src/erp/index.js';
import { applyPushResult, applyWriteBack, readPushRecords } from '../../../src/sync/profile-io.js';
import { orderRow, sampleSizes } from '../../../src/erp/sample/data.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { INFOPLUS_MODELS } from '../../../src/profile/infoplus-models.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { probePushQueries, probeWriteBacks } from '../../../src/check/probe-erp.js';
import type { SampleDb } from './databases.js';

const ORDERS = 60;
const SEED = 7;

async function all(erp: ErpConnection, profile: Profile, tp: PushTouchpoint, opts = {}) {
  const out = [];
  for await (const r of readPushRecords(erp, profile, tp, opts)) out.push(r);
  return out;
}

async function snapshot(erp: ErpConnection): Promise<string> {
  const tables: Record<string, string> = {
    erp_shipments: 'infoplus_shipment_id',
    erp_shipment_orders: 'id',
    erp_order_line_links: 'infoplus_line_id',
    erp_receipts: 'infoplus_receipt_id',
    erp_asn_line_links: 'infoplus_line_id',
    erp_inventory_adjustments: 'infoplus_adjustment_id',
    sales_orders: 'order_id',
    sales_order_lines: 'line_id',
    purchase_orders: 'po_id',
    purchase_order_lines: 'line_id',
    items: 'item_id',
  };
  const parts = [];
  // row_ver (SQL Server rowversion) moves on every UPDATE, even one that writes the same values
  for (const [t, key] of Object.entries(tables))
    parts.push(
      (await erp.query(`SELECT * FROM ${t} ORDER BY ${key}`)).map(({ row_ver: _rv, ...rest }) => rest),
    );
  return JSON.stringify(parts);
}

/** Registers the suite for one database; `make` creates its own schema/database. */
export function sampleErpSuite(name: string, make: () => Promise<SampleDb>, enabled: boolean): void {
  describe.skipIf(!enabled)(`sample ERP on ${name}`, () => {
    let db: SampleDb;
    let erp: ErpConnection;
    let profile: Profile;

    beforeAll(async () => {
      db = await make();
      erp = await openErp(db.config);
      const summary = await createSampleErp(erp, { orders: ORDERS, seed: SEED });
      expect(summary.counts['sales_orders']).toBe(ORDERS);
      profile = parseProfile(sampleProfileText(db.driver, { erpUrl: db.url }), `${name} sample profile`);
    });

    afterAll(async () => {
      await erp?.close();
      await db?.drop();
    });

    it('builds every table and resets instead of duplicating when run again', async () => {
      const again = await createSampleErp(erp, { orders: ORDERS, seed: SEED });
      const sizes = sampleSizes(ORDERS);
      expect(again.counts).toMatchObject({
        sales_orders: ORDERS,
        customers: sizes.customers,
        items: sizes.items,
        vendors: sizes.vendors,
      });
      const [row] = await erp.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM sales_order_lines');
      expect(Number(row?.n)).toBe(again.counts['sales_order_lines']);
    });

    it("passes check's ERP probes: every query runs, every mapped column exists, every write-back runs", async () => {
      const notes: string[] = [];
      expect(await probePushQueries(erp, profile, notes)).toEqual([]);
      expect(notes.filter((n) => /queries ran/.test(n))).toHaveLength(4);
      expect(await probeWriteBacks(erp, profile, INFOPLUS_MODELS)).toEqual([]);
      const [row] = await erp.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM erp_shipments');
      expect(Number(row?.n)).toBe(0);
    });

    it('reads every push record with its lines and maps it without problems', async () => {
      const vendorIds = (_k: string, v: string) => Number(v) - 1000;
      for (const tp of PUSH_TOUCHPOINTS) {
        const recs = await all(erp, profile, tp);
        expect(recs.length, tp).toBeGreaterThan(0);
        for (const r of recs)
          expect(buildPayload(profile, tp, r, { resolve: vendorIds }).problems, `${tp} ${r.key}`).toEqual([]);
      }
      const orders = await all(erp, profile, 'orders');
      expect(orders).toHaveLength(ORDERS);
      const [lines] = await erp.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM sales_order_lines');
      expect(orders.reduce((s, o) => s + o.lines.length, 0)).toBe(Number(lines?.n));
    });

    it('keeps unicode, quotes, emoji, long notes and injection-looking text as plain data', async () => {
      const sizes = sampleSizes(ORDERS);
      const rows = await erp.query<{ order_id: number; notes: string | null }>(
        'SELECT order_id, notes FROM sales_orders ORDER BY order_id',
      );
      expect(rows.map((r) => r.notes)).toEqual(
        rows.map((r) => orderRow(SEED, Number(r.order_id), sizes)['notes']),
      );
      expect(rows.some((r) => (r.notes ?? '').length > 2000)).toBe(true);
      const [c1] = await erp.query<{ name: string }>('SELECT name FROM customers WHERE customer_id = @id', {
        id: 1,
      });
      expect(c1?.name).toBe('O\'Brien\'s "Best" Deli');
      const order = (await all(erp, profile, 'orders')).find((o) => o.header['customer_no'] === 'C000001');
      expect(order && buildPayload(profile, 'orders', order).payload['billToCompany']).toBe(
        'O\'Brien\'s "Best" Deli',
      );
      const evil = await erp.query<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM customers WHERE name LIKE @p',
        { p: "Robert'); DROP TABLE%" },
      );
      expect(Number(evil[0]?.n)).toBeGreaterThan(0);
    });

    it('holds a second warehouse, a cancelled order and a fractional quantity, and maps them', async () => {
      const orders = await all(erp, profile, 'orders');
      const byWarehouse = (id: number) =>
        orders
          .filter((o) => buildPayload(profile, 'orders', o).payload['warehouseId'] === id)
          .map((o) => o.key);
      // orders 3, 13, 23... ship from the ERP's EAST warehouse: Infoplus warehouse 2
      expect(byWarehouse(2)).toEqual([
        'SO-0000003',
        'SO-0000013',
        'SO-0000023',
        'SO-0000033',
        'SO-0000043',
        'SO-0000053',
      ]);
      expect(byWarehouse(1)).toHaveLength(ORDERS - 6);
      // order 2 and 52 are cancelled in the ERP, with the status a cancelWhen rule reads
      expect(orders.filter((o) => o.header['status'] === 'Cancelled').map((o) => o.key)).toEqual([
        'SO-0000002',
        'SO-0000052',
      ]);
      // PO 3's first line is 10 quarter units: 2.5, rounded half away from zero to 3
      const [po] = await all(erp, profile, 'asns', { keys: ['PO-000003'] });
      const vendorIds = (_k: string, v: string) => Number(v) - 1000;
      const built = buildPayload(profile, 'asns', po!, { resolve: vendorIds });
      expect(built.problems).toEqual([]);
      const quantities = (built.payload['lineItems'] as { orderQuantity: number }[]).map(
        (l) => l.orderQuantity,
      );
      expect(quantities[0]).toBe(3);
      expect(quantities.slice(1).every((q) => q % 10 === 0)).toBe(true);
    });

    it('maps local ERP dates in the profile time zone', async () => {
      const [o] = await all(erp, profile, 'orders', { keys: ['SO-0000001'] });
      const payload = buildPayload(profile, 'orders', o!).payload;
      // order 1 is dated 2024-02-21 (CST, UTC-6): local midnight is 06:00Z
      expect(orderRow(SEED, 1, sampleSizes(ORDERS))['order_date']).toBe('2024-02-21');
      expect(payload['orderDate']).toBe('2024-02-21T06:00:00.000Z');
    });

    it('reads only rows changed since the watermark, and records by key', async () => {
      const everything = await all(erp, profile, 'orders');
      const sorted = everything.map((r) => r.watermark!.getTime()).sort((a, b) => a - b);
      const since = new Date(sorted[40]!);
      const changed = await all(erp, profile, 'orders', { since });
      expect(changed.length).toBeGreaterThanOrEqual(ORDERS - 40 - 1);
      expect(changed.length).toBeLessThan(ORDERS);
      expect(changed.every((r) => r.watermark!.getTime() >= since.getTime())).toBe(true);
      // an ERP user edits an old order: the next read picks it up
      await erp.execute('UPDATE sales_orders SET updated_at = @at WHERE order_no = @no', {
        at: '2024-06-01 10:00:00.000',
        no: 'SO-0000002',
      });
      const after = await all(erp, profile, 'orders', { since: new Date('2024-06-01T14:59:00Z') });
      expect(after.map((r) => r.key)).toEqual(['SO-0000002']);
      expect(after[0]!.watermark?.toISOString()).toBe('2024-06-01T15:00:00.000Z');
      const some = await all(erp, profile, 'orders', { keys: ['SO-0000005', 'SO-0000007', 'nope'] });
      expect(some.map((r) => r.key).sort()).toEqual(['SO-0000005', 'SO-0000007']);
      expect(some.every((r) => r.lines.length > 0)).toBe(true);
    });

    it('write-backs applied twice leave the same ERP state', async () => {
      // the records as the engine hands them over: one unit per ERP order, with Infoplus's order lines
      const same = await erp.query<{ order_no: string }>(
        `SELECT o.order_no FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.order_id
         GROUP BY o.order_no HAVING COUNT(*) > COUNT(DISTINCT l.sku) ORDER BY o.order_no`,
      );
      const orderNo = same[0]!.order_no;
      await applyPushResult(erp, profile, 'orders', orderNo, { orderNo: 5003, customerOrderNo: orderNo });
      await applyPushResult(erp, profile, 'orders', 'SO-0000001', {
        orderNo: 5001,
        customerOrderNo: 'SO-0000001',
      });
      await applyPushResult(erp, profile, 'asns', 'PO-000002', { id: 77, poNo: 'PO-000002' });
      const soLines = await erp.query<{ sku: string; qty: number }>(
        'SELECT l.sku, l.qty FROM sales_order_lines l JOIN sales_orders o ON o.order_id = l.order_id WHERE o.order_no = @no ORDER BY l.line_no',
        { no: orderNo },
      );
      const po = await erp.query<{ sku: string; qty: number }>(
        'SELECT l.sku, l.qty FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @no ORDER BY l.line_no',
        { no: 'PO-000002' },
      );
      const index = (lines: { sku: string }[], i: number): number =>
        lines.slice(0, i).filter((l) => l.sku === lines[i]!.sku).length;
      // Infoplus line ids 101, 102...; shipped so far: everything but one unit of the last line
      const orderLines = (shippedAll: boolean) =>
        soLines.map((l, i) => ({
          id: 101 + i,
          lineItemId: 101 + i,
          sku: l.sku,
          orderedQty: Number(l.qty),
          shippedQty: Number(l.qty) - (!shippedAll && i === soLines.length - 1 ? 1 : 0),
          lineIndex: index(soLines, i),
        }));
      const shipment = {
        id: 901,
        orderNo: 5003,
        shipmentOrderNo: 5003,
        customerOrderNo: orderNo,
        unitIndex: 0,
        trackingNo: "1Z'; DROP TABLE erp_shipments;--",
        carrierCompany: 'UPS "Ground"',
        shipDate: '2024-03-12T15:30:00.000Z',
        weightLbs: 12.5,
        numberOfCartons: 2,
        warehouseId: 1,
        shipped: true,
        isShipped: 1,
        status: 'Shipped',
        orderLines: orderLines(false),
      };
      // one shipment carrying two orders: written once per order
      const multi = [
        { ...shipment, id: 903, trackingNo: 'T-903', orderLines: orderLines(true) },
        {
          ...shipment,
          id: 903,
          trackingNo: 'T-903',
          orderNo: 5001,
          shipmentOrderNo: 5001,
          customerOrderNo: 'SO-0000001',
          unitIndex: 1,
          orderLines: [],
        },
      ];
      const lineRow = (i: number) => ({
        id: 500 + i,
        poNoId: 77,
        sku: po[i]!.sku,
        receivedQuantity: 0,
        asnLineId: 500 + i,
        asnLineIndex: index(po, i),
        lobId: 1,
      });
      const receipt = {
        id: 601,
        poNoId: 77,
        sku: po[0]!.sku,
        asnLine: 500,
        asnLineId: 500,
        asnLineIndex: 0,
        receivedQuantity: 4,
        receivedDate: '2024-03-13T16:00:00.000Z',
        lobId: 1,
      };
      const adjustment = {
        id: 301,
        sku: po[0]!.sku,
        qty: -3,
        adjustmentCode: 'DMG',
        location: "A-1 'cage'",
        note: 'Bröken 📦',
        adjustmentDate: '2024-03-14T00:00:00.000Z',
      };
      const status = async (no: string): Promise<string | undefined> =>
        (
          await erp.query<{ status: string }>('SELECT status FROM sales_orders WHERE order_no = @no', { no })
        )[0]?.status;
      const shippedPerLine = async (): Promise<number[]> =>
        (
          await erp.query<{ qty_shipped: number }>(
            'SELECT l.qty_shipped FROM sales_order_lines l JOIN sales_orders o ON o.order_id = l.order_id WHERE o.order_no = @no ORDER BY l.line_no',
            { no: orderNo },
          )
        ).map((r) => Number(r.qty_shipped));

      // a label row (not shipped yet) marks nothing shipped
      await applyWriteBack(erp, profile, 'shipments', {
        ...shipment,
        shipped: false,
        isShipped: 0,
        status: 'Label Printed',
        orderLines: orderLines(true).map((l) => ({ ...l, shippedQty: 0 })),
      });
      expect(await status(orderNo)).toBe('Sent');
      for (let i = 0; i < po.length; i++) await applyWriteBack(erp, profile, 'item-receipts', lineRow(i));
      const [poRow] = await erp.query<{ status: string }>(
        'SELECT status FROM purchase_orders WHERE po_no = @no',
        {
          no: 'PO-000002',
        },
      );
      expect(poRow?.status).toBe('Sent');

      const applyAll = async () => {
        await applyWriteBack(erp, profile, 'shipments', shipment);
        for (let i = 0; i < po.length; i++) await applyWriteBack(erp, profile, 'item-receipts', lineRow(i));
        await applyWriteBack(erp, profile, 'item-receipts', receipt);
        await applyWriteBack(erp, profile, 'inventory-adjustments', adjustment);
      };
      await applyAll();
      const first = await snapshot(erp);
      await applyAll();
      expect(await snapshot(erp)).toBe(first);

      // per line, never per SKU: a SKU on two lines keeps each line's own quantity
      expect(await shippedPerLine()).toEqual(orderLines(false).map((l) => l.shippedQty));
      expect(await status(orderNo)).toBe('Partially Shipped');
      const [order] = await erp.query<{ tracking_no: string }>(
        'SELECT tracking_no FROM sales_orders WHERE order_no = @no',
        { no: orderNo },
      );
      expect(order?.tracking_no).toBe("1Z'; DROP TABLE erp_shipments;--");
      const [shipRow] = await erp.query<{ ship_date: Date }>(
        'SELECT ship_date FROM erp_shipments WHERE infoplus_shipment_id = @id',
        { id: 901 },
      );
      // stored as the ERP's local wall clock (CDT, UTC-5), which the driver hands back in a Date's UTC fields
      expect(shipRow?.ship_date.toISOString()).toBe('2024-03-12T10:30:00.000Z');

      for (const unit of multi) await applyWriteBack(erp, profile, 'shipments', unit);
      expect(await shippedPerLine()).toEqual(soLines.map((l) => Number(l.qty)));
      expect(await status(orderNo)).toBe('Shipped');
      const carried = await erp.query<{ infoplus_order_no: number }>(
        'SELECT infoplus_order_no FROM erp_shipment_orders WHERE infoplus_shipment_id = @id ORDER BY infoplus_order_no',
        { id: 903 },
      );
      expect(carried.map((r) => Number(r.infoplus_order_no))).toEqual([5001, 5003]);
      const [one] = await erp.query<{ shipped_at: Date | null }>(
        'SELECT shipped_at FROM sales_orders WHERE order_no = @no',
        { no: 'SO-0000001' },
      );
      expect(one?.shipped_at).not.toBeNull();

      const received = async (): Promise<number | undefined> => {
        const [r] = await erp.query<{ qty_received: number }>(
          'SELECT l.qty_received FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @no AND l.line_no = 1',
          { no: 'PO-000002' },
        );
        return r === undefined ? undefined : Number(r.qty_received);
      };
      expect(await received()).toBe(4);
      // a second receipt row of the same line adds up from the stored rows; replays do not add again
      await applyWriteBack(erp, profile, 'item-receipts', { ...receipt, id: 602, receivedQuantity: 2 });
      await applyWriteBack(erp, profile, 'item-receipts', { ...receipt, id: 602, receivedQuantity: 2 });
      expect(await received()).toBe(6);
      // a tenant that counts on the line row itself (cumulative) is recomputed, not added
      await applyWriteBack(erp, profile, 'item-receipts', { ...lineRow(0), receivedQuantity: 3 });
      expect(await received()).toBe(9);
      const [item] = await erp.query<{ qty_adjusted: number }>(
        'SELECT qty_adjusted FROM items WHERE sku = @sku',
        { sku: po[0]!.sku },
      );
      expect(Number(item?.qty_adjusted)).toBe(-3);
    });

    it('a write-back whose order the ERP lacks is refused and leaves nothing behind', async () => {
      const before = await snapshot(erp);
      const stray = {
        id: 107,
        orderNo: 1070,
        shipmentOrderNo: 1070,
        unitIndex: 0,
        isShipped: 1,
        shipped: true,
        trackingNo: 'T-107',
        orderLines: [],
      };
      await expect(applyWriteBack(erp, profile, 'shipments', stray)).rejects.toThrow(
        'ERP record not found: shipment 107 names order 1070, which the ERP does not have',
      );
      expect(await snapshot(erp)).toBe(before);
    });
  });
}
