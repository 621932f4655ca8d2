/** Checks that the sample ERP and the simulated Infoplus agree after a demo round trip. */
import type { TouchpointName } from '../contract/touchpoints.js';
import type { ErpConnection } from '../erp/types.js';
import type { InfoplusSimulator } from '../simulator/index.js';

/** The verdict for one touchpoint. */
export interface DemoCheck {
  readonly touchpoint: TouchpointName;
  readonly ok: boolean;
  /** What was compared, or what disagrees (first few keys). */
  readonly message: string;
}

type Rec = Record<string, unknown>;

function sample(keys: readonly string[]): string {
  return keys.slice(0, 5).join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '');
}

/** Each ERP key must exist exactly once in Infoplus under `field`. */
function onceEach(
  tp: TouchpointName,
  erpKeys: string[],
  records: Rec[],
  field: string,
  what: string,
): DemoCheck {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(String(r[field]), (counts.get(String(r[field])) ?? 0) + 1);
  const missing = erpKeys.filter((k) => !counts.has(k));
  const dupes = erpKeys.filter((k) => (counts.get(k) ?? 0) > 1);
  if (missing.length === 0 && dupes.length === 0) {
    return {
      touchpoint: tp,
      ok: true,
      message: `${erpKeys.length} ${what} in the ERP, each once in Infoplus`,
    };
  }
  const parts: string[] = [];
  if (missing.length) parts.push(`${missing.length} missing in Infoplus (${sample(missing)})`);
  if (dupes.length) parts.push(`${dupes.length} duplicated in Infoplus (${sample(dupes)})`);
  return { touchpoint: tp, ok: false, message: `${what}: ${parts.join('; ')}` };
}

/** Every Infoplus record id must be written back into the ERP table exactly once. */
function writtenBackOnce(
  tp: TouchpointName,
  infoplusIds: string[],
  erpIds: string[],
  what: string,
): DemoCheck {
  const counts = new Map<string, number>();
  for (const id of erpIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const missing = infoplusIds.filter((id) => !counts.has(id));
  const dupes = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const extra = erpIds.filter((id) => !infoplusIds.includes(id));
  if (missing.length === 0 && dupes.length === 0 && extra.length === 0) {
    return {
      touchpoint: tp,
      ok: true,
      message: `${infoplusIds.length} ${what} in Infoplus, each written back once`,
    };
  }
  const parts: string[] = [];
  if (missing.length) parts.push(`${missing.length} not written back (${sample(missing)})`);
  if (dupes.length) parts.push(`${dupes.length} written twice (${sample(dupes)})`);
  if (extra.length) parts.push(`${extra.length} unknown to Infoplus (${sample(extra)})`);
  return { touchpoint: tp, ok: false, message: `${what}: ${parts.join('; ')}` };
}

const col = async (erp: ErpConnection, sql: string, name: string): Promise<string[]> =>
  (await erp.query(sql, {}, { name: `demo.verify.${name}` })).map((r) => String(Object.values(r)[0]));

/** Compares both sides; one check per touchpoint. */
export async function verifyDemo(
  erp: ErpConnection,
  sim: InfoplusSimulator,
  lobId = 1,
): Promise<DemoCheck[]> {
  const inLob = (r: Rec): boolean => r.lobId === undefined || r.lobId === lobId;
  const list = (res: Parameters<InfoplusSimulator['state']['list']>[0]): Rec[] =>
    sim.state.list<Rec>(res).filter(inLob);
  const orders = list('order');
  const checks: DemoCheck[] = [
    onceEach(
      'vendors',
      await col(erp, 'SELECT vendor_no FROM vendors', 'vendors'),
      list('vendor'),
      'vendorNo',
      'vendors',
    ),
    onceEach('items', await col(erp, 'SELECT sku FROM items', 'items'), list('item'), 'sku', 'items'),
    onceEach(
      'asns',
      await col(erp, 'SELECT po_no FROM purchase_orders', 'asns'),
      list('asn'),
      'poNo',
      'purchase orders',
    ),
    onceEach(
      'orders',
      await col(erp, 'SELECT order_no FROM sales_orders', 'orders'),
      // Back-order children (fractional orderNo, same customerOrderNo) are Infoplus's own, not a second push.
      orders.filter((o) => Number.isInteger(Number(o.orderNo))),
      'customerOrderNo',
      'sales orders',
    ),
  ];

  const shipments = list('shipment');
  const shipCheck = writtenBackOnce(
    'shipments',
    shipments.map((s) => String(s.id)),
    await col(erp, 'SELECT infoplus_shipment_id FROM erp_shipments', 'shipments'),
    'shipments',
  );
  checks.push(shipCheck.ok ? await shippedQuantities(erp, orders, shipCheck) : shipCheck);

  const receipts = list('itemReceipt');
  const receiptRows = await erp.query(
    'SELECT infoplus_receipt_id, qty_received FROM erp_receipts',
    {},
    { name: 'demo.verify.receipts' },
  );
  const receiptCheck = writtenBackOnce(
    'item-receipts',
    receipts.map((r) => String(r.id)),
    receiptRows.map((r) => String(r.infoplus_receipt_id)),
    'item receipts',
  );
  const qtyOff = receipts.filter((r) => {
    const row = receiptRows.find((x) => String(x.infoplus_receipt_id) === String(r.id));
    return row !== undefined && Number(row.qty_received ?? 0) !== Number(r.receivedQuantity ?? 0);
  });
  checks.push(
    receiptCheck.ok && qtyOff.length > 0
      ? {
          touchpoint: 'item-receipts',
          ok: false,
          message: `received quantities differ for receipts ${sample(qtyOff.map((r) => String(r.id)))}`,
        }
      : receiptCheck,
  );

  checks.push(
    writtenBackOnce(
      'inventory-adjustments',
      list('inventoryAdjustment').map((a) => String(a.id)),
      await col(erp, 'SELECT infoplus_adjustment_id FROM erp_inventory_adjustments', 'adjustments'),
      'inventory adjustments',
    ),
  );
  return checks;
}

/** Per order, the ERP's shipped quantity must equal what Infoplus shipped. */
async function shippedQuantities(erp: ErpConnection, orders: Rec[], base: DemoCheck): Promise<DemoCheck> {
  const rows = await erp.query(
    `SELECT o.order_no, SUM(l.qty_shipped) AS shipped
     FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.order_id
     GROUP BY o.order_no`,
    {},
    { name: 'demo.verify.shipped-qty' },
  );
  const erpShipped = new Map(rows.map((r) => [String(r.order_no), Number(r.shipped ?? 0)]));
  // back-order children carry the same customerOrderNo: the ERP order holds what the whole family shipped
  const infoplusShipped = new Map<string, number>();
  for (const o of orders) {
    const lines = Array.isArray(o.lineItems) ? (o.lineItems as Rec[]) : [];
    const key = String(o.customerOrderNo);
    const shipped = lines.reduce((n, l) => n + Number(l.shippedQty ?? 0), 0);
    infoplusShipped.set(key, (infoplusShipped.get(key) ?? 0) + shipped);
  }
  const off: string[] = [];
  for (const [key, shipped] of infoplusShipped) {
    if ((erpShipped.get(key) ?? 0) !== shipped)
      off.push(`${key} (ERP ${erpShipped.get(key) ?? 0}, Infoplus ${shipped})`);
  }
  if (off.length > 0)
    return { touchpoint: 'shipments', ok: false, message: `shipped quantities differ: ${sample(off)}` };
  return {
    ...base,
    message: `${base.message}; shipped quantities match on ${infoplusShipped.size} orders`,
  };
}
