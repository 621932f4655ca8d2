/** Write-back sections of the sample profiles: upsert by Infoplus id, then recompute ERP totals (idempotent). */
import type { ErpDriverName } from '../types.js';

type Stmt = { name: string; sql: string };

/** Insert-or-update of one row keyed by unique columns; SQL Server gets UPDATE-then-INSERT with key-range locks. */
function upsert(
  driver: ErpDriverName,
  name: string,
  table: string,
  keys: [string, string][],
  cols: [string, string][],
): Stmt[] {
  const all = [...keys, ...cols];
  const where = keys.map(([c, p]) => `${c} = ${p}`).join(' AND ');
  const colList = all.map(([c]) => c).join(', ');
  const valList = all.map(([, p]) => p).join(', ');
  switch (driver) {
    case 'sqlite':
    case 'postgres':
      return [
        {
          name,
          sql: `INSERT INTO ${table} (${colList})\nVALUES (${valList})\nON CONFLICT (${keys.map(([c]) => c).join(', ')}) DO UPDATE SET ${cols.map(([c]) => `${c} = excluded.${c}`).join(', ')}`,
        },
      ];
    case 'mysql':
      return [
        {
          name,
          sql: `INSERT INTO ${table} (${colList})\nVALUES (${valList})\nON DUPLICATE KEY UPDATE ${cols.map(([c]) => `${c} = VALUES(${c})`).join(', ')}`,
        },
      ];
    case 'sqlserver':
      // never MERGE: UPDATE first, then INSERT only when the row is still missing, both holding the key range
      return [
        {
          name: `${name}-update`,
          sql: `UPDATE ${table} WITH (UPDLOCK, HOLDLOCK)\nSET ${cols.map(([c, p]) => `${c} = ${p}`).join(', ')}\nWHERE ${where}`,
        },
        {
          name: `${name}-insert`,
          sql: `INSERT INTO ${table} (${colList})\nSELECT ${valList}\nWHERE NOT EXISTS (SELECT 1 FROM ${table} WITH (UPDLOCK, HOLDLOCK) WHERE ${where})`,
        },
      ];
  }
}

/** The three pull touchpoints of the sample profile for a driver. */
export function samplePullTouchpoints(driver: ErpDriverName): Record<string, unknown> {
  return {
    shipments: {
      enabled: true,
      schedule: { intervalMinutes: 10 },
      writeBack: {
        record: [
          ...upsert(
            driver,
            'upsert-shipment',
            'erp_shipments',
            [['infoplus_shipment_id', '@id']],
            [
              ['infoplus_order_no', '@orderNo'],
              ['tracking_no', '@trackingNo'],
              ['carrier', '@carrierCompany'],
              ['ship_date', '@shipDate'],
              ['weight_lbs', '@weightLbs'],
              ['cartons', '@numberOfCartons'],
            ],
          ),
          {
            name: 'mark-order-shipped',
            sql: `UPDATE sales_orders
SET status = 'Shipped',
  shipped_at = (SELECT MIN(s.ship_date) FROM erp_shipments s WHERE s.infoplus_order_no = sales_orders.infoplus_order_no),
  tracking_no = (SELECT MIN(s.tracking_no) FROM erp_shipments s WHERE s.infoplus_order_no = sales_orders.infoplus_order_no)
WHERE infoplus_order_no = @orderNo`,
          },
        ],
        // what this carton holds, per SKU (Infoplus shipments have no line items; the quantities come in the
        // custom field lineItems); the ERP line's shipped quantity is recomputed from every carton stored
        lines: {
          from: 'customFields.lineItems',
          statements: [
            ...upsert(
              driver,
              'upsert-shipment-line',
              'erp_shipment_lines',
              [
                ['infoplus_shipment_id', '@id'],
                ['sku', '@line_sku'],
              ],
              [
                ['line_item_id', '@line_lineItemId'],
                ['quantity', '@line_quantity'],
              ],
            ),
            {
              name: 'recompute-line-shipped',
              sql: `UPDATE sales_order_lines
SET qty_shipped = (SELECT COALESCE(SUM(sl.quantity), 0) FROM erp_shipment_lines sl
                   JOIN erp_shipments s ON s.infoplus_shipment_id = sl.infoplus_shipment_id
                   WHERE s.infoplus_order_no = @orderNo AND sl.sku = sales_order_lines.sku)
WHERE order_id IN (SELECT o.order_id FROM sales_orders o WHERE o.infoplus_order_no = @orderNo)
  AND sku = @line_sku`,
            },
          ],
        },
      },
    },
    'item-receipts': {
      enabled: true,
      schedule: { intervalMinutes: 15 },
      writeBack: {
        record: [
          ...upsert(
            driver,
            'upsert-receipt',
            'erp_receipts',
            [['infoplus_receipt_id', '@id']],
            [
              ['infoplus_asn_id', '@poNoId'],
              ['sku', '@sku'],
              ['qty_received', '@receivedQuantity'],
              ['received_at', '@receivedDate'],
            ],
          ),
          {
            name: 'recompute-line-received',
            sql: `UPDATE purchase_order_lines
SET qty_received = (SELECT COALESCE(SUM(r.qty_received), 0) FROM erp_receipts r
                  WHERE r.infoplus_asn_id = @poNoId AND r.sku = purchase_order_lines.sku)
WHERE po_id IN (SELECT p.po_id FROM purchase_orders p WHERE p.infoplus_asn_id = @poNoId)
AND sku = @sku`,
          },
          {
            name: 'po-status',
            sql: `UPDATE purchase_orders
SET status = CASE WHEN EXISTS (SELECT 1 FROM purchase_order_lines l
                             WHERE l.po_id = purchase_orders.po_id AND l.qty_received < l.qty)
                THEN 'Partial' ELSE 'Received' END
WHERE infoplus_asn_id = @poNoId`,
          },
        ],
      },
    },
    'inventory-adjustments': {
      enabled: true,
      schedule: { intervalMinutes: 30 },
      writeBack: {
        record: [
          ...upsert(
            driver,
            'upsert-adjustment',
            'erp_inventory_adjustments',
            [['infoplus_adjustment_id', '@id']],
            [
              ['sku', '@sku'],
              ['qty', '@qty'],
              ['adjustment_code', '@adjustmentCode'],
              ['location', '@location'],
              ['note', '@note'],
              ['adjusted_at', '@adjustmentDate'],
            ],
          ),
          {
            name: 'recompute-item-adjusted',
            sql: `UPDATE items
SET qty_adjusted = (SELECT COALESCE(SUM(a.qty), 0) FROM erp_inventory_adjustments a WHERE a.sku = items.sku)
WHERE sku = @sku`,
          },
        ],
      },
    },
  };
}
