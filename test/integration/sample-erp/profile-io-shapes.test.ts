import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import { applyWriteBack, readPushRecords } from '../../../src/sync/profile-io.js';
import { createSampleErp, sampleProfileObject } from '../../../src/erp/sample/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { parseProfile, validateProfile, type Profile } from '../../../src/profile/index.js';
import { sqliteDb, type SampleDb } from './databases.js';

// Other record shapes than the sample profile's: one flat query, lines per record (@key), per-line write-backs.
describe('profile I/O shapes on SQLite', () => {
  let db: SampleDb;
  let erp: ErpConnection;
  let profile: Profile;

  beforeAll(async () => {
    db = await sqliteDb();
    erp = await openErp(db.config);
    await createSampleErp(erp, { orders: 30, seed: 3 });
    const doc = structuredClone(sampleProfileObject('sqlite', { erpUrl: db.url })) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const orders = doc['touchpoints']['orders'];
    orders['source'] = {
      flat: `SELECT o.order_no, o.order_date, o.ship_via, o.customer_po, o.notes, o.total, o.updated_at,
       c.customer_no, c.company AS bill_company, c.street AS bill_street, c.street2 AS bill_street2, c.city AS bill_city,
       c.state AS bill_state, c.zip AS bill_zip, c.country AS bill_country, c.phone AS bill_phone, c.email AS bill_email,
       COALESCE(o.ship_to_name, c.company) AS ship_company, o.ship_to_street, o.ship_to_city, o.ship_to_state,
       o.ship_to_zip, o.ship_to_country, l.line_no, l.sku, l.qty
FROM sales_orders o JOIN customers c ON c.customer_id = o.customer_id
JOIN sales_order_lines l ON l.order_id = o.order_id
WHERE o.updated_at >= @since
ORDER BY o.order_no, l.line_no`,
    };
    doc['touchpoints']['asns']['source']['lines'] =
      'SELECT p.po_no, l.sku, l.qty, l.unit_cost FROM purchase_order_lines l JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no = @key';
    doc['touchpoints']['shipments']['writeBack']['lines'] = {
      from: 'orderNoList',
      statements: [
        {
          name: 'mark-listed-order',
          sql: "UPDATE sales_orders SET status = 'Shipped' WHERE infoplus_order_no = @line_value",
        },
      ],
    };
    profile = validateProfile(doc);
  });

  afterAll(async () => {
    await erp?.close();
    await db?.drop();
  });

  it('groups a flat query by key into records with lines', async () => {
    const recs = [];
    for await (const r of readPushRecords(erp, profile, 'orders')) recs.push(r);
    expect(recs).toHaveLength(30);
    const [n] = await erp.query<{ n: number }>('SELECT COUNT(*) AS n FROM sales_order_lines');
    expect(recs.reduce((s, r) => s + r.lines.length, 0)).toBe(Number(n?.n));
    expect(new Set(recs.map((r) => r.key)).size).toBe(30);
    const some = [];
    for await (const r of readPushRecords(erp, profile, 'orders', { keys: ['SO-0000004'] })) some.push(r);
    expect(some.map((r) => r.key)).toEqual(['SO-0000004']);
  });

  it('reads lines per record with @key', async () => {
    const recs = [];
    for await (const r of readPushRecords(erp, profile, 'asns')) recs.push(r);
    expect(recs.length).toBeGreaterThan(1);
    expect(recs.every((r) => r.lines.length > 0 && r.lines.every((l) => l['po_no'] === r.key))).toBe(true);
  });

  it('runs per-line write-back statements for each element', async () => {
    await erp.execute('UPDATE sales_orders SET infoplus_order_no = order_id + 8000 WHERE order_id IN (1, 2)');
    await applyWriteBack(erp, profile, 'shipments', {
      id: 1,
      orderNo: 8001,
      orderNoList: [8001, 8002],
      trackingNo: 'T1',
    });
    const rows = await erp.query<{ order_id: number; status: string }>(
      'SELECT order_id, status FROM sales_orders WHERE order_id IN (1, 2, 3) ORDER BY order_id',
    );
    expect(rows.map((r) => r.status)).toEqual(['Shipped', 'Shipped', 'Open']);
  });

  it('rejects a flat query that is not ordered by key instead of splitting records', async () => {
    const doc = structuredClone(profile) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc['touchpoints']['orders']['source']['flat'] = doc['touchpoints']['orders']['source']['flat'].replace(
      'ORDER BY o.order_no, l.line_no',
      'ORDER BY l.line_no, o.order_no',
    );
    const bad = parseProfile(JSON.stringify(doc));
    const read = async () => {
      for await (const _ of readPushRecords(erp, bad, 'orders')) void _;
    };
    await expect(read()).rejects.toThrow(/must be ORDER BY order_no/);
  });

  it('rolls back every statement of a record when one fails', async () => {
    const doc = structuredClone(profile) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc['touchpoints']['shipments']['writeBack']['record'].push({
      name: 'broken',
      sql: 'UPDATE no_such_table SET x = @id',
    });
    const broken = parseProfile(JSON.stringify(doc));
    await erp.execute('UPDATE sales_orders SET infoplus_order_no = 8003 WHERE order_id = 3');
    await expect(
      applyWriteBack(erp, broken, 'shipments', { id: 77, orderNo: 8003, trackingNo: 'T77' }),
    ).rejects.toThrow(/broken/);
    const [n] = await erp.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM erp_shipments WHERE infoplus_shipment_id = 77',
    );
    expect(Number(n?.n)).toBe(0);
  });
});
