/** Creates or resets the sample ERP in any of the four databases: drops and recreates its own tables only. */
import type { ErpConnection, ErpDriverName, ErpExecutor, SqlValue } from '../types.js';
import {
  customerRow,
  itemRow,
  orderLineRows,
  orderRow,
  purchaseOrderLineRows,
  purchaseOrderRow,
  sampleSizes,
  vendorRow,
  type SampleSizes,
} from './data.js';
import { createTableSql, dropTableSql, SAMPLE_TABLES } from './schema.js';

/** What was created. */
export interface SampleErpSummary {
  readonly driver: ErpDriverName;
  readonly seed: number;
  readonly tables: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

/** Options: number of sales orders (default 100) and the data seed (default 1). */
export interface SampleErpOptions {
  readonly orders: number;
  readonly seed?: number;
  /** Called after each table is filled, for CLI progress. */
  readonly onProgress?: (table: string, rows: number) => void;
}

// SQL Server allows 2100 parameters and 1000 rows per VALUES list; the others allow far more
const MAX_PARAMS: Record<ErpDriverName, number> = {
  sqlserver: 2_000,
  postgres: 30_000,
  mysql: 30_000,
  sqlite: 30_000,
};
const MAX_ROWS = 1_000;

/** Drops and recreates the sample tables and fills them with deterministic data. */
export async function createSampleErp(erp: ErpConnection, opts: SampleErpOptions): Promise<SampleErpSummary> {
  if (!Number.isInteger(opts.orders) || opts.orders < 0)
    throw new Error(`orders must be a whole number >= 0, got ${opts.orders}`);
  const seed = opts.seed ?? 1;
  const sizes = sampleSizes(opts.orders);
  const driver = erp.driver;
  for (const t of [...SAMPLE_TABLES].reverse()) {
    await erp.execute(dropTableSql(driver, t), {}, { name: `sample-erp.drop.${t.name}` });
  }
  for (const t of SAMPLE_TABLES) {
    for (const [k, sql] of createTableSql(driver, t).entries()) {
      await erp.execute(sql, {}, { name: `sample-erp.create.${t.name}${k ? `.index${k}` : ''}` });
    }
  }
  const counts: Record<string, number> = {};
  const fill = async (table: string, rows: Iterable<Record<string, unknown>>): Promise<void> => {
    counts[table] = await erp.transaction((tx) => insertAll(tx, driver, table, rows));
    opts.onProgress?.(table, counts[table] ?? 0);
  };
  await fill(
    'customers',
    range(sizes.customers, (i) => [customerRow(seed, i)]),
  );
  await fill(
    'vendors',
    range(sizes.vendors, (i) => [vendorRow(seed, i)]),
  );
  await fill(
    'items',
    range(sizes.items, (i) => [itemRow(seed, i, sizes)]),
  );
  await fill(
    'sales_orders',
    range(sizes.orders, (i) => [orderRow(seed, i, sizes)]),
  );
  await fill(
    'sales_order_lines',
    linesOf(sizes, (i, first) => orderLineRows(seed, i, sizes, first), sizes.orders),
  );
  await fill(
    'purchase_orders',
    range(sizes.purchaseOrders, (i) => [purchaseOrderRow(seed, i, sizes)]),
  );
  await fill(
    'purchase_order_lines',
    linesOf(sizes, (i, first) => purchaseOrderLineRows(seed, i, sizes, first), sizes.purchaseOrders),
  );
  for (const t of [
    'erp_shipments',
    'erp_shipment_orders',
    'erp_order_line_links',
    'erp_receipts',
    'erp_asn_line_links',
    'erp_inventory_adjustments',
  ])
    counts[t] = 0;
  return { driver, seed, tables: SAMPLE_TABLES.map((t) => t.name), counts };
}

function* range(
  n: number,
  make: (i: number) => Record<string, unknown>[],
): Generator<Record<string, unknown>> {
  for (let i = 1; i <= n; i++) yield* make(i);
}

function* linesOf(
  _sizes: SampleSizes,
  make: (i: number, firstLineId: number) => Record<string, unknown>[],
  n: number,
): Generator<Record<string, unknown>> {
  let next = 1;
  for (let i = 1; i <= n; i++) {
    const rows = make(i, next);
    next += rows.length;
    yield* rows;
  }
}

/** Multi-row INSERTs with bound parameters, as large as the driver allows. Returns the row count. */
async function insertAll(
  tx: ErpExecutor,
  driver: ErpDriverName,
  table: string,
  rows: Iterable<Record<string, unknown>>,
): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let columns: string[] | null = null;
  let total = 0;
  let perStatement = MAX_ROWS;
  const flush = async (): Promise<void> => {
    if (batch.length === 0 || !columns) return;
    const params: Record<string, SqlValue> = {};
    const tuples = batch.map((row, r) => {
      const names = columns!.map((col, c) => {
        const p = `v${r}_${c}`;
        params[p] = (row[col] ?? null) as SqlValue;
        return `@${p}`;
      });
      return `(${names.join(', ')})`;
    });
    const q = (n: string): string =>
      driver === 'mysql' ? `\`${n}\`` : driver === 'sqlserver' ? `[${n}]` : `"${n}"`;
    const sql = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${tuples.join(', ')}`;
    await tx.execute(sql, params, { name: `sample-erp.insert.${table}` });
    total += batch.length;
    batch = [];
  };
  for (const row of rows) {
    if (!columns) {
      columns = Object.keys(row);
      perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS[driver] / columns.length)));
    }
    batch.push(row);
    if (batch.length >= perStatement) await flush();
  }
  await flush();
  return total;
}
