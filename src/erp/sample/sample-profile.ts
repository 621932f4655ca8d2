/**
 * The ready mapping profiles of the sample ERP, one per database, built in code so they ship inside dist/.
 * They show the idempotent write-back pattern: upsert by Infoplus id, then recompute ERP totals from the
 * upserted rows (SET qty = (SELECT SUM ...)), so applying the same Infoplus record twice changes nothing.
 */
import { stringify } from 'yaml';
import type { ErpDriverName } from '../types.js';
import { samplePullTouchpoints } from './sample-write-backs.js';

/** Where the profile's connections point; defaults suit this machine's databases and the simulator. */
export interface SampleProfileOptions {
  readonly erpUrl?: string;
  readonly infoplusBaseUrl?: string;
  readonly timezone?: string;
  /** The line of business and warehouse (the wizard's choices); 1 and 1 when not given. */
  readonly lobId?: number;
  readonly warehouseId?: number;
  /** Adds a `yaml-language-server` comment pointing editors at the profile JSON Schema. */
  readonly schemaPath?: string;
}

const DEFAULT_URLS: Record<ErpDriverName, string> = {
  sqlite: 'sample-erp.sqlite',
  postgres: 'postgres://postgres@127.0.0.1:5432/test',
  mysql: 'mysql://root@127.0.0.1:3306/test',
  sqlserver: 'mssql://sa@127.0.0.1:1433/sample_erp?encrypt=false',
};

/** The sample profile as a plain object (the YAML text is its stringified form). */
export function sampleProfileObject(
  driver: ErpDriverName,
  opts: SampleProfileOptions = {},
): Record<string, unknown> {
  const erp: Record<string, unknown> = {
    driver,
    url: opts.erpUrl ?? DEFAULT_URLS[driver],
    passwordEnv: 'ERP_PASSWORD',
  };
  // SQL Server: a rowversion fingerprint and the narrow key + fingerprint query make a full scan cheap
  const rv = driver === 'sqlserver';
  const fp = (alias: string): string => (rv ? `, ${alias}.row_ver` : '');
  const fingerprinted = (table: string, key: string) =>
    rv
      ? {
          change: { mode: 'watermark', column: 'updated_at', fingerprint: 'row_ver' },
          fingerprints: { fingerprints: `SELECT ${key}, row_ver FROM ${table}` },
        }
      : { change: { mode: 'watermark', column: 'updated_at' }, fingerprints: {} };
  const ordersFp = fingerprinted('sales_orders', 'order_no');
  const asnsFp = fingerprinted('purchase_orders', 'po_no');
  const itemsFp = fingerprinted('items', 'sku');
  const orderHeader = `SELECT o.order_no, o.order_date, o.ship_via, o.customer_po, o.notes, o.total, o.updated_at,
       c.customer_no, c.company AS bill_company, c.street AS bill_street, c.street2 AS bill_street2,
       c.city AS bill_city, c.state AS bill_state, c.zip AS bill_zip, c.country AS bill_country,
       c.phone AS bill_phone, c.email AS bill_email,
       COALESCE(o.ship_to_name, c.company) AS ship_company, o.ship_to_street, o.ship_to_city,
       o.ship_to_state, o.ship_to_zip, o.ship_to_country, o.warehouse_code, o.status, o.infoplus_order_no${fp('o')}
FROM sales_orders o
JOIN customers c ON c.customer_id = o.customer_id`;
  const poHeader = `SELECT p.po_no, p.vendor_no, p.order_date, p.notes, p.updated_at, p.infoplus_asn_id${fp('p')}
FROM purchase_orders p`;
  const itemHeader = `SELECT i.sku, i.description, i.unit_price, i.weight_lbs, i.upc, i.vendor_no, i.active, i.updated_at${fp('i')}
FROM items i`;
  return {
    version: 1,
    name: `Sample ERP (${driver})`,
    timezone: opts.timezone ?? 'America/Chicago',
    connections: {
      erp,
      infoplus: {
        baseUrl: opts.infoplusBaseUrl ?? 'http://127.0.0.1:8080/infoplus-wms/api',
        apiVersion: 'v3.0',
        apiKeyEnv: 'INFOPLUS_API_KEY',
        requestsPerSecond: 5,
      },
    },
    infoplus: { lobId: opts.lobId ?? 1, warehouseId: opts.warehouseId ?? 1 },
    lookups: {
      carriers: { values: { UPS: 1, FEDEX: 2, USPS: 3 }, caseInsensitive: true },
      // ERP warehouse code -> Infoplus warehouse id (or `fromTenant: warehouses` to match the tenant's names)
      warehouses: { values: { MAIN: 1, EAST: 2 }, caseInsensitive: true },
      yesNo: { values: { true: 'Yes', false: 'No', '1': 'Yes', '0': 'No' } },
      itemStatus: { values: { true: 'Active', false: 'Inactive', '1': 'Active', '0': 'Inactive' } },
    },
    touchpoints: {
      vendors: {
        enabled: true,
        schedule: { intervalMinutes: 60 },
        key: 'vendor_no',
        source: {
          header:
            'SELECT vendor_no, name, street, city, state, zip, country, phone, inactive\nFROM vendors\nORDER BY vendor_no',
        },
        changeDetection: { mode: 'hash' },
        fields: {
          // plain whole-number codes are sent as they are; a code such as ACME-01 gets a stable number
          vendorNo: { column: 'vendor_no', resolve: 'vendorNumber' },
          name: { column: 'name', maxLength: 100, truncate: true },
          street: { column: 'street', default: '-' },
          city: 'city',
          state: 'state',
          zipCode: 'zip',
          country: 'country',
          phone: 'phone',
          inactive: { column: 'inactive', lookup: 'yesNo' },
        },
      },
      items: {
        enabled: true,
        schedule: { intervalMinutes: 30 },
        key: 'sku',
        source: {
          header: `${itemHeader}\nWHERE i.updated_at >= @since\nORDER BY i.updated_at, i.sku`,
          headerByKeys: `${itemHeader}\nWHERE i.sku IN (@keys)`,
          ...itemsFp.fingerprints,
        },
        changeDetection: itemsFp.change,
        fields: {
          sku: { column: 'sku', case: 'upper', maxLength: 20 },
          itemDescription: { column: 'description', maxLength: 40, truncate: true },
          status: { column: 'active', lookup: 'itemStatus' },
          sellPrice: { column: 'unit_price', type: 'decimal' },
          upc: 'upc',
          unitsPerWrap: { const: 1 },
          wrapCode: { const: 'EACH' },
          unitCode: { const: 'EACH' },
          forwardLotMixingRule: { const: 'SKU' },
          storageLotMixingRule: { const: 'SKU' },
          forwardItemMixingRule: { const: 'Multi' },
          storageItemMixingRule: { const: 'Multi' },
          allocationRule: { const: 'Labor Optimized' },
          backorder: { const: 'Yes' },
          chargeCode: { const: 'Not Chargeable' },
          majorGroupId: { const: 1 },
          subGroupId: { const: 1 },
          receivingCriteriaSchemeId: { const: 1 },
          hazmat: { const: 'No' },
          criticalAmount: { const: 0 },
          secure: { const: 'No' },
          maxCycle: { const: 999999 },
          maxInterim: { const: 999999 },
          seasonalItem: { const: 'No' },
          serialCode: { const: 'None' },
        },
      },
      asns: {
        enabled: true,
        schedule: { intervalMinutes: 15 },
        key: 'po_no',
        infoplusIdColumn: 'infoplus_asn_id',
        source: {
          header: `${poHeader}\nWHERE p.updated_at >= @since\nORDER BY p.updated_at, p.po_no`,
          headerByKeys: `${poHeader}\nWHERE p.po_no IN (@keys)`,
          lines: `SELECT p.po_no, l.line_no, l.sku, l.qty, l.uom_factor, l.unit_cost
FROM purchase_order_lines l
JOIN purchase_orders p ON p.po_id = l.po_id
WHERE p.po_no IN (@keys)
ORDER BY p.po_no, l.line_no`,
          ...asnsFp.fingerprints,
        },
        changeDetection: asnsFp.change,
        fields: {
          poNo: { column: 'po_no', maxLength: 40 },
          vendorId: { column: 'vendor_no', resolve: 'infoplusVendorId' },
          orderDate: { column: 'order_date', type: 'datetime' },
          type: { const: 'Normal' },
          remarks: { column: 'notes', maxLength: 250, truncate: true },
        },
        lines: {
          fields: {
            sku: 'sku',
            // quarter units in the ERP for some lines (uom_factor 0.25): 10 x 0.25 = 2.5 is rounded to 3
            orderQuantity: { column: 'qty', type: 'int', multiplyBy: 'uom_factor', fractional: 'round' },
            cost: { column: 'unit_cost', type: 'decimal' },
          },
        },
        afterPush: [
          {
            name: 'store-asn-id',
            sql: "UPDATE purchase_orders SET infoplus_asn_id = @id, status = 'Sent' WHERE po_no = @key",
          },
        ],
      },
      orders: {
        enabled: true,
        schedule: { cron: '*/5 * * * *' },
        key: 'order_no',
        // the orderNo afterPush stored: a new data folder adopts the order instead of creating it again
        infoplusIdColumn: 'infoplus_order_no',
        source: {
          header: `${orderHeader}\nWHERE o.updated_at >= @since\nORDER BY o.updated_at, o.order_no`,
          headerByKeys: `${orderHeader}\nWHERE o.order_no IN (@keys)`,
          lines: `SELECT o.order_no, l.line_no, l.sku, l.qty
FROM sales_order_lines l
JOIN sales_orders o ON o.order_id = l.order_id
WHERE o.order_no IN (@keys)
ORDER BY o.order_no, l.line_no`,
          ...ordersFp.fingerprints,
        },
        changeDetection: ordersFp.change,
        fields: {
          customerOrderNo: 'order_no',
          orderDate: { column: 'order_date', type: 'date' },
          // the ERP's warehouse per order (MAIN, EAST); profile infoplus.warehouseId stays the default elsewhere
          warehouseId: { column: 'warehouse_code', lookup: 'warehouses' },
          customerNo: 'customer_no',
          customerPONo: 'customer_po',
          carrierId: { column: 'ship_via', lookup: 'carriers' },
          billToCompany: { column: 'bill_company', maxLength: 100, truncate: true },
          billToStreet: 'bill_street',
          billToStreet2: 'bill_street2',
          billToCity: 'bill_city',
          billToState: 'bill_state',
          billToZip: 'bill_zip',
          billToCountry: 'bill_country',
          billToPhone: 'bill_phone',
          billToEmail: 'bill_email',
          shipToCompany: { column: 'ship_company', maxLength: 100, truncate: true },
          shipToStreet: 'ship_to_street',
          shipToCity: 'ship_to_city',
          shipToState: 'ship_to_state',
          shipToZip: 'ship_to_zip',
          shipToCountry: 'ship_to_country',
          orderMessage: { column: 'notes', maxLength: 1000, truncate: true },
          total: { column: 'total', type: 'decimal' },
        },
        lines: {
          fields: {
            sku: 'sku',
            orderedQty: { column: 'qty', type: 'int' },
          },
        },
        afterPush: [
          {
            name: 'store-order-no',
            // an order cancelled in the ERP keeps its status (cancelWhen reads it)
            sql: "UPDATE sales_orders SET infoplus_order_no = @orderNo, status = CASE WHEN status = 'Cancelled' THEN status ELSE 'Sent' END WHERE order_no = @key",
          },
        ],
      },
      ...samplePullTouchpoints(driver),
    },
  };
}

/** The ready profile for a driver as YAML text (the document `check --config` and the app read). */
export function sampleProfileText(driver: ErpDriverName, opts: SampleProfileOptions = {}): string {
  const header = [
    `# Mapping profile of the Infoplus ERP Sync sample ERP (${driver}).`,
    '# Secrets are not stored here: the ERP password comes from $ERP_PASSWORD, the API key from $INFOPLUS_API_KEY.',
    '# Write-backs are idempotent: upsert by Infoplus id, then recompute totals from the stored rows.',
    ...(opts.schemaPath ? [`# yaml-language-server: $schema=${opts.schemaPath}`] : []),
    '',
  ].join('\n');
  return header + stringify(sampleProfileObject(driver, opts), { lineWidth: 0 });
}
