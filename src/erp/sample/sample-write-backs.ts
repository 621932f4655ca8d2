/**
 * Write-back sections of the sample profiles: upsert by Infoplus id, link lines by Infoplus line id, then
 * recompute ERP totals from stored rows (idempotent, so a replayed pull changes nothing).
 */
import type { ErpDriverName } from '../types.js';

type Stmt = { name: string; sql: string; when?: string };

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

/** A parameter as a BIGINT in a SELECT list (PostgreSQL cannot infer a bare parameter's type there). */
function bigint(driver: ErpDriverName, param: string): string {
  return `CAST(${param} AS ${driver === 'mysql' ? 'SIGNED' : 'BIGINT'})`;
}

/** A parameter as the ERP's order number type in a SELECT list. */
function decimal(param: string): string {
  return `CAST(${param} AS DECIMAL(18, 4))`;
}

/** Inserts a link row only when the Infoplus id is not linked yet (idempotent on every re-pull). */
function linkOnce(
  driver: ErpDriverName,
  table: string,
  cols: string,
  select: string,
  idParam: string,
): string {
  const lock = driver === 'sqlserver' ? ' WITH (UPDLOCK, HOLDLOCK)' : '';
  return `INSERT INTO ${table} (${cols})
${select}
  AND NOT EXISTS (SELECT 1 FROM ${table} k${lock} WHERE k.infoplus_line_id = ${idParam})`;
}

/** The three pull touchpoints of the sample profile for a driver. */
export function samplePullTouchpoints(driver: ErpDriverName): Record<string, unknown> {
  return {
    shipments: {
      enabled: true,
      schedule: { intervalMinutes: 10 },
      // Written once per ERP order of the shipment (orderNoList); @orderNo is the ERP's order (back-order
      // children are credited to it). Lines are Infoplus's order lines with the quantity shipped so far.
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
              ['shipped', 'COALESCE(@isShipped, 0)'],
              ['status', '@status'],
              ['delivered_at', '@deliveredDate'],
            ],
          ).map((st) => ({ ...st, when: 'unitIndex = 0' })),
          ...upsert(
            driver,
            'upsert-shipment-order',
            'erp_shipment_orders',
            [
              ['infoplus_shipment_id', '@id'],
              ['infoplus_order_no', '@orderNo'],
            ],
            [['shipped', 'COALESCE(@isShipped, 0)']],
          ),
          {
            // a label row (not shipped yet) changes no order figure; an unknown order parks the shipment
            name: 'order-shipped-from',
            sql: `UPDATE sales_orders
SET shipped_at = (SELECT MIN(s.ship_date) FROM erp_shipments s
                  JOIN erp_shipment_orders so ON so.infoplus_shipment_id = s.infoplus_shipment_id
                  WHERE so.infoplus_order_no = sales_orders.infoplus_order_no AND so.shipped = 1),
  tracking_no = (SELECT MIN(s.tracking_no) FROM erp_shipments s
                 JOIN erp_shipment_orders so ON so.infoplus_shipment_id = s.infoplus_shipment_id
                 WHERE so.infoplus_order_no = sales_orders.infoplus_order_no AND so.shipped = 1)
WHERE infoplus_order_no = @orderNo`,
            expect: {
              rows: '>=1',
              message: 'shipment @id names order @shipmentOrderNo, which the ERP does not have',
            },
          },
        ],
        lines: {
          from: 'orderLines',
          statements: [
            {
              // the n-th Infoplus line of a SKU is the n-th ERP line of that SKU (lines are pushed in line_no
              // order); linked once by the Infoplus line id, which every later write uses
              name: 'link-order-line',
              sql: linkOnce(
                driver,
                'erp_order_line_links',
                'infoplus_line_id, line_id, infoplus_order_no',
                `SELECT ${bigint(driver, '@line_id')}, l.line_id, ${decimal('@orderNo')}
FROM sales_order_lines l
JOIN sales_orders o ON o.order_id = l.order_id
WHERE o.infoplus_order_no = @orderNo AND l.sku = @line_sku
  AND (SELECT COUNT(*) FROM sales_order_lines l2
       WHERE l2.order_id = l.order_id AND l2.sku = l.sku AND l2.line_no < l.line_no) = @line_lineIndex`,
                '@line_id',
              ),
            },
            {
              name: 'line-shipped',
              sql: `UPDATE sales_order_lines
SET qty_shipped = @line_shippedQty
WHERE line_id = (SELECT k.line_id FROM erp_order_line_links k WHERE k.infoplus_line_id = @line_id)`,
              expect: {
                rows: '1',
                message: 'Infoplus line @line_id (@line_sku) of order @orderNo has no ERP order line',
              },
            },
          ],
        },
        afterLines: [
          {
            // after the lines: Shipped when every line is shipped in full, else Partially Shipped
            name: 'order-status',
            sql: `UPDATE sales_orders
SET status = CASE
  WHEN NOT EXISTS (SELECT 1 FROM erp_shipment_orders so
                   WHERE so.infoplus_order_no = sales_orders.infoplus_order_no AND so.shipped = 1) THEN status
  WHEN EXISTS (SELECT 1 FROM sales_order_lines l
               WHERE l.order_id = sales_orders.order_id AND l.qty_shipped < l.qty) THEN 'Partially Shipped'
  ELSE 'Shipped' END
WHERE infoplus_order_no = @orderNo`,
          },
        ],
      },
    },
    'item-receipts': {
      enabled: true,
      schedule: { intervalMinutes: 15 },
      // Rows of an ASN line (the line row itself, and per-receipt rows naming it in asnLine) are stored per
      // row; a PO line's received quantity is their sum, recomputed, never added to.
      writeBack: {
        record: [
          {
            name: 'link-po-line',
            sql: linkOnce(
              driver,
              'erp_asn_line_links',
              'infoplus_line_id, line_id',
              `SELECT ${bigint(driver, '@asnLineId')}, l.line_id
FROM purchase_order_lines l
JOIN purchase_orders p ON p.po_id = l.po_id
WHERE p.infoplus_asn_id = @poNoId AND l.sku = @sku
  AND (SELECT COUNT(*) FROM purchase_order_lines l2
       WHERE l2.po_id = l.po_id AND l2.sku = l.sku AND l2.line_no < l.line_no) = @asnLineIndex`,
              '@asnLineId',
            ),
          },
          ...upsert(
            driver,
            'upsert-receipt',
            'erp_receipts',
            [['infoplus_receipt_id', '@id']],
            [
              ['infoplus_asn_id', '@poNoId'],
              ['asn_line_id', '@asnLineId'],
              ['sku', '@sku'],
              ['qty_received', '@receivedQuantity'],
              ['received_at', '@receivedDate'],
            ],
          ),
          {
            // a new ASN's lines arrive as rows with receivedQuantity 0: they receive nothing
            name: 'recompute-line-received',
            when: 'receivedQuantity > 0',
            sql: `UPDATE purchase_order_lines
SET qty_received = (SELECT COALESCE(SUM(r.qty_received), 0) FROM erp_receipts r
                    WHERE r.asn_line_id = @asnLineId)
WHERE line_id = (SELECT k.line_id FROM erp_asn_line_links k WHERE k.infoplus_line_id = @asnLineId)`,
            expect: {
              rows: '1',
              message:
                'item receipt @id belongs to ASN @poNoId line @asnLineId (@sku), which no ERP purchase order line matches',
            },
          },
          {
            name: 'po-status',
            when: 'receivedQuantity > 0',
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
