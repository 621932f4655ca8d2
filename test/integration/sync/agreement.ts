/** The "ERP and Infoplus agree" check shared by the end-to-end, crash and fault tests. */
import type { ErpConnection } from '../../../src/erp/types.js';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';
import { countBy } from './harness.js';

/** Differences found; empty when both sides agree. */
export interface Disagreement {
  readonly what: string;
  readonly duplicates: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

function compare(what: string, erpKeys: readonly string[], infoplus: Map<string, number>): Disagreement {
  const erp = new Set(erpKeys);
  return {
    what,
    duplicates: [...infoplus].filter(([, n]) => n > 1).map(([k]) => k),
    missing: [...erp].filter((k) => !infoplus.has(k)),
    extra: [...infoplus.keys()].filter((k) => !erp.has(k)),
  };
}

async function column(erp: ErpConnection, sql: string): Promise<string[]> {
  const rows = await erp.query(sql);
  return rows.map((r) => String(Object.values(r)[0]));
}

/** Push side: each ERP record is exactly one Infoplus record (by key), nothing extra. */
export async function pushAgreement(
  erp: ErpConnection,
  sim: InfoplusSimulator,
  only?: 'orders',
): Promise<Disagreement[]> {
  const out = [
    compare(
      'orders',
      await column(erp, 'SELECT order_no FROM sales_orders'),
      countBy(sim.state.list('order'), 'customerOrderNo'),
    ),
  ];
  if (only) return out;
  out.push(
    compare(
      'asns',
      await column(erp, 'SELECT po_no FROM purchase_orders'),
      countBy(sim.state.list('asn'), 'poNo'),
    ),
    compare(
      'items',
      (await column(erp, 'SELECT sku FROM items')).map((s) => s.trim().toUpperCase()),
      countBy(
        sim.state.list('item').filter((i) => i['lobId'] === 1),
        'sku',
      ),
    ),
    compare(
      'vendors',
      await column(erp, 'SELECT vendor_no FROM vendors'),
      countBy(
        sim.state.list('vendor').filter((v) => v['lobId'] === 1),
        'vendorNo',
      ),
    ),
  );
  return out;
}

/** Pull side: every Infoplus record of the line of business is written once into the ERP write-back table. */
export async function pullAgreement(erp: ErpConnection, sim: InfoplusSimulator): Promise<Disagreement[]> {
  const ids = (resource: 'shipment' | 'itemReceipt' | 'inventoryAdjustment'): string[] =>
    sim.state
      .list(resource)
      .filter((r) => r['lobId'] === 1)
      .map((r) => String(r['id']));
  const erpCount = async (sql: string): Promise<Map<string, number>> => {
    const m = new Map<string, number>();
    for (const k of await column(erp, sql)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  return [
    compare('shipments', ids('shipment'), await erpCount('SELECT infoplus_shipment_id FROM erp_shipments')),
    compare(
      'item-receipts',
      ids('itemReceipt'),
      await erpCount('SELECT infoplus_receipt_id FROM erp_receipts'),
    ),
    compare(
      'inventory-adjustments',
      ids('inventoryAdjustment'),
      await erpCount('SELECT infoplus_adjustment_id FROM erp_inventory_adjustments'),
    ),
  ];
}

/** Only the problems (for readable assertion failures). */
export function problemsOf(list: readonly Disagreement[]): Disagreement[] {
  return list.filter((d) => d.duplicates.length + d.missing.length + d.extra.length > 0);
}
