/** The sample ERP's tables, described once and rendered as DDL for each of the four databases. */
import type { ErpDriverName } from '../types.js';

type Kind =
  | 'id'
  | 'identity'
  | 'int'
  | 'bigint'
  | 'text'
  | 'longtext'
  | 'decimal'
  | 'date'
  | 'datetime'
  | 'bool'
  /** SQL Server's `rowversion`, bumped by the server on every change of the row (SQL Server only). */
  | 'rowversion';

/** One column: name, kind, length for text, and flags. */
export interface ColumnDef {
  readonly name: string;
  readonly kind: Kind;
  readonly length?: number;
  readonly notNull?: boolean;
  readonly unique?: boolean;
  readonly defaultValue?: string | number | boolean;
  /** The column exists only in this database (a feature the others lack). */
  readonly only?: ErpDriverName;
}

/** One table with its indexes. */
export interface TableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly indexes?: readonly (readonly string[])[];
  /** Multi-column UNIQUE constraints (upsert targets). */
  readonly uniques?: readonly (readonly string[])[];
}

const c = (name: string, kind: Kind, extra: Partial<Omit<ColumnDef, 'name' | 'kind'>> = {}): ColumnDef => ({
  name,
  kind,
  ...extra,
});

/** Tables in creation order (drop in reverse). */
export const SAMPLE_TABLES: readonly TableDef[] = [
  {
    name: 'customers',
    columns: [
      c('customer_id', 'id'),
      c('customer_no', 'text', { length: 20, notNull: true, unique: true }),
      c('name', 'text', { length: 100, notNull: true }),
      c('company', 'text', { length: 100 }),
      c('street', 'text', { length: 100 }),
      c('street2', 'text', { length: 100 }),
      c('city', 'text', { length: 60 }),
      c('state', 'text', { length: 30 }),
      c('zip', 'text', { length: 20 }),
      c('country', 'text', { length: 40 }),
      c('phone', 'text', { length: 30 }),
      c('email', 'text', { length: 100 }),
      c('updated_at', 'datetime', { notNull: true }),
    ],
  },
  {
    name: 'vendors',
    columns: [
      c('vendor_id', 'id'),
      c('vendor_no', 'int', { notNull: true, unique: true }),
      c('name', 'text', { length: 100, notNull: true }),
      c('street', 'text', { length: 100 }),
      c('city', 'text', { length: 60 }),
      c('state', 'text', { length: 30 }),
      c('zip', 'text', { length: 20 }),
      c('country', 'text', { length: 40 }),
      c('phone', 'text', { length: 30 }),
      c('inactive', 'bool', { notNull: true, defaultValue: false }),
      c('notes', 'longtext'),
      c('updated_at', 'datetime', { notNull: true }),
    ],
    indexes: [['updated_at']],
  },
  {
    name: 'items',
    columns: [
      c('item_id', 'id'),
      c('sku', 'text', { length: 20, notNull: true, unique: true }),
      c('description', 'text', { length: 200, notNull: true }),
      c('unit_price', 'decimal'),
      c('weight_lbs', 'decimal'),
      c('upc', 'text', { length: 20 }),
      c('vendor_no', 'int'),
      c('active', 'bool', { notNull: true, defaultValue: true }),
      c('qty_adjusted', 'int', { notNull: true, defaultValue: 0 }),
      c('updated_at', 'datetime', { notNull: true }),
      // the fingerprint of the SQL Server sample profile (line edits touch the header, which bumps it)
      c('row_ver', 'rowversion', { only: 'sqlserver' }),
    ],
    indexes: [['updated_at']],
  },
  {
    name: 'sales_orders',
    columns: [
      c('order_id', 'id'),
      c('order_no', 'text', { length: 30, notNull: true, unique: true }),
      c('customer_id', 'int', { notNull: true }),
      c('customer_po', 'text', { length: 40 }),
      c('order_date', 'date', { notNull: true }),
      c('ship_via', 'text', { length: 10 }),
      c('ship_to_name', 'text', { length: 100 }),
      c('ship_to_street', 'text', { length: 100 }),
      c('ship_to_city', 'text', { length: 60 }),
      c('ship_to_state', 'text', { length: 30 }),
      c('ship_to_zip', 'text', { length: 20 }),
      c('ship_to_country', 'text', { length: 40 }),
      c('notes', 'longtext'),
      c('total', 'decimal'),
      // which ERP warehouse ships the order: MAIN (Infoplus warehouse 1) or EAST (2), via lookups.warehouses
      c('warehouse_code', 'text', { length: 10, notNull: true, defaultValue: 'MAIN' }),
      c('status', 'text', { length: 20, notNull: true, defaultValue: 'Open' }),
      c('infoplus_order_no', 'decimal'),
      c('shipped_at', 'datetime'),
      c('tracking_no', 'text', { length: 60 }),
      c('created_at', 'datetime', { notNull: true }),
      c('updated_at', 'datetime', { notNull: true }),
      // the fingerprint of the SQL Server sample profile (line edits touch the header, which bumps it)
      c('row_ver', 'rowversion', { only: 'sqlserver' }),
    ],
    indexes: [['updated_at'], ['infoplus_order_no']],
  },
  {
    name: 'sales_order_lines',
    columns: [
      c('line_id', 'id'),
      c('order_id', 'int', { notNull: true }),
      c('line_no', 'int', { notNull: true }),
      c('sku', 'text', { length: 20, notNull: true }),
      c('qty', 'int', { notNull: true }),
      c('unit_price', 'decimal'),
      c('qty_shipped', 'int', { notNull: true, defaultValue: 0 }),
    ],
    indexes: [['order_id']],
  },
  {
    name: 'purchase_orders',
    columns: [
      c('po_id', 'id'),
      c('po_no', 'text', { length: 30, notNull: true, unique: true }),
      c('vendor_no', 'int', { notNull: true }),
      c('order_date', 'datetime', { notNull: true }),
      c('expected_date', 'date'),
      c('notes', 'longtext'),
      c('status', 'text', { length: 20, notNull: true, defaultValue: 'Open' }),
      c('infoplus_asn_id', 'bigint'),
      c('updated_at', 'datetime', { notNull: true }),
      // the fingerprint of the SQL Server sample profile (line edits touch the header, which bumps it)
      c('row_ver', 'rowversion', { only: 'sqlserver' }),
    ],
    indexes: [['updated_at'], ['infoplus_asn_id']],
  },
  {
    name: 'purchase_order_lines',
    columns: [
      c('line_id', 'id'),
      c('po_id', 'int', { notNull: true }),
      c('line_no', 'int', { notNull: true }),
      c('sku', 'text', { length: 20, notNull: true }),
      c('qty', 'int', { notNull: true }),
      c('unit_cost', 'decimal'),
      // Infoplus units per ERP unit (multiplyBy); a fraction is rounded (fractional: round)
      c('uom_factor', 'decimal', { notNull: true, defaultValue: 1 }),
      c('qty_received', 'int', { notNull: true, defaultValue: 0 }),
    ],
    indexes: [['po_id']],
  },
  {
    name: 'erp_shipments',
    columns: [
      c('id', 'identity'),
      c('infoplus_shipment_id', 'bigint', { notNull: true, unique: true }),
      c('infoplus_order_no', 'decimal'),
      c('tracking_no', 'text', { length: 60 }),
      c('carrier', 'text', { length: 60 }),
      c('ship_date', 'datetime'),
      c('weight_lbs', 'decimal'),
      c('cartons', 'int'),
      // 1 once the carton left (a label row is 0), Infoplus status, delivery date
      c('shipped', 'int', { notNull: true, defaultValue: 0 }),
      c('status', 'text', { length: 30 }),
      c('delivered_at', 'datetime'),
    ],
    indexes: [['infoplus_order_no']],
  },
  {
    // which ERP orders a shipment carries (orderNoList: one shipment can carry several orders)
    name: 'erp_shipment_orders',
    columns: [
      c('id', 'identity'),
      c('infoplus_shipment_id', 'bigint', { notNull: true }),
      c('infoplus_order_no', 'decimal', { notNull: true }),
      c('shipped', 'int', { notNull: true, defaultValue: 0 }),
    ],
    uniques: [['infoplus_shipment_id', 'infoplus_order_no']],
    indexes: [['infoplus_order_no']],
  },
  {
    // the Infoplus line id of each ERP order line (lines are matched by id, never by SKU)
    name: 'erp_order_line_links',
    columns: [
      c('id', 'identity'),
      c('infoplus_line_id', 'bigint', { notNull: true, unique: true }),
      c('line_id', 'int', { notNull: true }),
      c('infoplus_order_no', 'decimal'),
    ],
    indexes: [['line_id']],
  },
  {
    name: 'erp_receipts',
    columns: [
      c('id', 'identity'),
      c('infoplus_receipt_id', 'bigint', { notNull: true, unique: true }),
      c('infoplus_asn_id', 'bigint'),
      // the Infoplus ASN line the receipt row belongs to (its own id when the row is the line)
      c('asn_line_id', 'bigint'),
      c('sku', 'text', { length: 20 }),
      c('qty_received', 'int'),
      c('received_at', 'datetime'),
    ],
    indexes: [['infoplus_asn_id'], ['asn_line_id']],
  },
  {
    // the Infoplus ASN line id of each ERP purchase order line
    name: 'erp_asn_line_links',
    columns: [
      c('id', 'identity'),
      c('infoplus_line_id', 'bigint', { notNull: true, unique: true }),
      c('line_id', 'int', { notNull: true }),
    ],
    indexes: [['line_id']],
  },
  {
    name: 'erp_inventory_adjustments',
    columns: [
      c('id', 'identity'),
      c('infoplus_adjustment_id', 'bigint', { notNull: true, unique: true }),
      c('sku', 'text', { length: 20 }),
      c('qty', 'int'),
      c('adjustment_code', 'text', { length: 30 }),
      c('location', 'text', { length: 60 }),
      c('note', 'longtext'),
      c('adjusted_at', 'datetime'),
    ],
    indexes: [['sku']],
  },
];

function columnType(driver: ErpDriverName, col: ColumnDef): string {
  const n = col.length ?? 255;
  switch (col.kind) {
    case 'id':
      return driver === 'sqlserver' ? 'INT NOT NULL PRIMARY KEY' : 'INTEGER NOT NULL PRIMARY KEY';
    case 'identity':
      return {
        sqlserver: 'BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY',
        postgres: 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY',
        mysql: 'BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY',
        sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT',
      }[driver];
    case 'int':
      return driver === 'sqlite' ? 'INTEGER' : 'INT';
    case 'bigint':
      return driver === 'sqlite' ? 'INTEGER' : 'BIGINT';
    case 'text':
      return driver === 'sqlserver' ? `NVARCHAR(${n})` : driver === 'sqlite' ? 'TEXT' : `VARCHAR(${n})`;
    case 'longtext':
      return driver === 'sqlserver' ? 'NVARCHAR(MAX)' : driver === 'mysql' ? 'MEDIUMTEXT' : 'TEXT';
    case 'decimal':
      return driver === 'postgres' ? 'NUMERIC(18, 4)' : 'DECIMAL(18, 4)';
    case 'date':
      return 'DATE';
    case 'datetime':
      // local wall-clock time of the ERP, without a zone, as ERPs store it
      return {
        sqlserver: 'DATETIME2(3)',
        postgres: 'TIMESTAMP(3)',
        mysql: 'DATETIME(3)',
        sqlite: 'DATETIME',
      }[driver];
    case 'bool':
      return { sqlserver: 'BIT', postgres: 'BOOLEAN', mysql: 'BOOLEAN', sqlite: 'BOOLEAN' }[driver];
    case 'rowversion':
      return 'ROWVERSION';
  }
}

function defaultSql(driver: ErpDriverName, v: string | number | boolean): string {
  if (typeof v === 'boolean') return driver === 'postgres' ? String(v).toUpperCase() : v ? '1' : '0';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

function quote(driver: ErpDriverName, name: string): string {
  return driver === 'mysql' ? `\`${name}\`` : driver === 'sqlserver' ? `[${name}]` : `"${name}"`;
}

/** CREATE TABLE and CREATE INDEX statements for one table. */
export function createTableSql(driver: ErpDriverName, table: TableDef): string[] {
  const cols = table.columns
    .filter((col) => !col.only || col.only === driver)
    .map((col) => {
      let def = `${quote(driver, col.name)} ${columnType(driver, col)}`;
      if (col.kind !== 'id' && col.kind !== 'identity') {
        if (col.notNull) def += ' NOT NULL';
        if (col.defaultValue !== undefined) def += ` DEFAULT ${defaultSql(driver, col.defaultValue)}`;
        if (col.unique) def += ' UNIQUE';
      }
      return `  ${def}`;
    });
  for (const u of table.uniques ?? []) cols.push(`  UNIQUE (${u.map((x) => quote(driver, x)).join(', ')})`);
  const tail = driver === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
  const out = [`CREATE TABLE ${quote(driver, table.name)} (\n${cols.join(',\n')}\n)${tail}`];
  for (const idx of table.indexes ?? []) {
    const name = `ix_${table.name}_${idx.join('_')}`;
    out.push(
      `CREATE INDEX ${quote(driver, name)} ON ${quote(driver, table.name)} (${idx.map((x) => quote(driver, x)).join(', ')})`,
    );
  }
  return out;
}

/** DROP TABLE IF EXISTS for one table (SQL Server 2016+ supports IF EXISTS). */
export function dropTableSql(driver: ErpDriverName, table: TableDef): string {
  return `DROP TABLE IF EXISTS ${quote(driver, table.name)}`;
}
