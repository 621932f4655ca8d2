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
    erp_shipment_lines: 'id',
    erp_receipts: 'infoplus_receipt_id',
    erp_inventory_adjustments: 'infoplus_adjustment_id',
    sales_orders: 'order_id',
    sales_order_lines: 'line_id',
    purchase_orders: 'po_id',
    purchase_order_lines: 'line_id',
    items: 'item_id',
  };
  const parts = [];
  for (const [t, key] of Object.entries(tables))
    parts.push(await erp.query(`SELECT * FROM ${t} ORDER BY ${key}`));
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
      await applyPushResult(erp, profile, 'orders', 'SO-0000003', {
        orderNo: 5003,
        customerOrderNo: 'SO-0000003',
      });
      await applyPushResult(erp, profile, 'asns', 'PO-000002', { id: 77, poNo: 'PO-000002' });
      const [po] = await erp.query<{ sku: string; qty: number }>(
        'SELECT l.sku, l.qty FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @no ORDER BY l.line_no',
        { no: 'PO-000002' },
      );
      const soLines = await erp.query<{ sku: string; qty: number }>(
        'SELECT l.sku, l.qty FROM sales_order_lines l JOIN sales_orders o ON o.order_id = l.order_id WHERE o.order_no = @no ORDER BY l.line_no',
        { no: 'SO-0000003' },
      );
      // two cartons: the first holds part of the first line, the second the rest of every line
      const firstLine = soLines[0]!;
      const carton1 = [{ lineItemId: 1, sku: firstLine.sku, quantity: 1 }];
      const carton2 = soLines.map((l, i) => ({
        lineItemId: i + 1,
        sku: l.sku,
        quantity: Number(l.qty) - (i === 0 ? 1 : 0),
      }));
      const shipment2 = {
        id: 902,
        orderNo: 5003,
        trackingNo: 'T-902',
        shipDate: '2024-03-12T15:30:00.000Z',
        customFields: { lineItems: carton2.filter((l) => l.quantity > 0) },
      };
      const shipment = {
        customFields: { lineItems: carton1 },
        id: 901,
        orderNo: 5003,
        trackingNo: "1Z'; DROP TABLE erp_shipments;--",
        carrierCompany: 'UPS "Ground"',
        shipDate: '2024-03-12T15:30:00.000Z',
        weightLbs: 12.5,
        numberOfCartons: 2,
        warehouseId: 1,
      };
      const receipt = {
        id: 501,
        poNoId: 77,
        sku: po!.sku,
        receivedQuantity: 4,
        receivedDate: '2024-03-13T16:00:00.000Z',
        lobId: 1,
      };
      const adjustment = {
        id: 301,
        sku: po!.sku,
        qty: -3,
        adjustmentCode: 'DMG',
        location: "A-1 'cage'",
        note: 'Bröken 📦',
        adjustmentDate: '2024-03-14T00:00:00.000Z',
      };
      const applyAll = async () => {
        await applyWriteBack(erp, profile, 'shipments', shipment);
        await applyWriteBack(erp, profile, 'shipments', shipment2);
        await applyWriteBack(erp, profile, 'item-receipts', receipt);
        await applyWriteBack(erp, profile, 'inventory-adjustments', adjustment);
      };
      await applyAll();
      const first = await snapshot(erp);
      await applyAll();
      expect(await snapshot(erp)).toBe(first);

      const [order] = await erp.query<{ status: string; tracking_no: string }>(
        'SELECT status, tracking_no FROM sales_orders WHERE order_no = @no',
        { no: 'SO-0000003' },
      );
      expect(order).toEqual({ status: 'Shipped', tracking_no: "1Z'; DROP TABLE erp_shipments;--" });
      const [partial] = await erp.query<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM erp_shipment_lines WHERE infoplus_shipment_id = @id',
        { id: 901 },
      );
      expect(Number(partial?.n)).toBe(1);
      const [shipRow] = await erp.query<{ ship_date: Date }>(
        'SELECT ship_date FROM erp_shipments WHERE infoplus_shipment_id = @id',
        { id: 901 },
      );
      // stored as the ERP's local wall clock (CDT, UTC-5), which the driver hands back in a Date's UTC fields
      expect(shipRow?.ship_date.toISOString()).toBe('2024-03-12T10:30:00.000Z');
      const lines = await erp.query<{ qty: number; qty_shipped: number }>(
        'SELECT l.qty, l.qty_shipped FROM sales_order_lines l JOIN sales_orders o ON o.order_id = l.order_id WHERE o.order_no = @no',
        { no: 'SO-0000003' },
      );
      expect(lines.every((l) => Number(l.qty_shipped) === Number(l.qty))).toBe(true);
      const [rec] = await erp.query<{ qty_received: number }>(
        'SELECT l.qty_received FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @no AND l.sku = @sku',
        { no: 'PO-000002', sku: po!.sku },
      );
      expect(Number(rec?.qty_received)).toBe(4);
      const [item] = await erp.query<{ qty_adjusted: number }>(
        'SELECT qty_adjusted FROM items WHERE sku = @sku',
        { sku: po!.sku },
      );
      expect(Number(item?.qty_adjusted)).toBe(-3);
      // a later, larger receipt of the same line is recomputed, not added twice
      await applyWriteBack(erp, profile, 'item-receipts', { ...receipt, receivedQuantity: 6 });
      const [rec2] = await erp.query<{ qty_received: number }>(
        'SELECT l.qty_received FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @no AND l.sku = @sku',
        { no: 'PO-000002', sku: po!.sku },
      );
      expect(Number(rec2?.qty_received)).toBe(6);
    });
  });
}
