// The MySQL/MariaDB line-aware fingerprint recipe of src/profile/README.md, run on MariaDB exactly as the README
// prints it: any change to a line (quantity, SKU, NULL vs empty, an added or removed line, a line of a
// hundred-line order past what GROUP_CONCAT would keep) changes the order's fingerprint, and only that order's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';

const MYSQL_URL = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
const README = fileURLToPath(new URL('../../../src/profile/README.md', import.meta.url));

/** The ```sql block of the README that starts with the recipe's marker comment, without its indentation. */
function recipe(): string {
  const text = readFileSync(README, 'utf8');
  const m = /```sql\n(\s*)-- mysql-fingerprint-recipe\n([\s\S]*?)```/.exec(text);
  if (!m) throw new Error('the README has no ```sql block marked -- mysql-fingerprint-recipe');
  const indent = m[1]!;
  return m[2]!
    .split('\n')
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\n');
}

describe('MySQL/MariaDB fingerprint recipe (README)', () => {
  const db = `fp_recipe_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let erp: ErpConnection;

  beforeAll(async () => {
    const admin = await openErp({ driver: 'mysql', url: MYSQL_URL });
    await admin.execute(`CREATE DATABASE ${db}`);
    await admin.close();
    erp = await openErp({ driver: 'mysql', url: MYSQL_URL.replace(/\/[^/]*$/, `/${db}`) });
    await erp.execute(
      `CREATE TABLE sales_orders (order_id INT PRIMARY KEY, order_no VARCHAR(30) NOT NULL, updated_at DATETIME NOT NULL)`,
    );
    await erp.execute(
      `CREATE TABLE sales_order_lines (line_id INT AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL,
         line_no INT NOT NULL, sku VARCHAR(40), qty DECIMAL(12,3) NOT NULL, unit_price DECIMAL(12,4))`,
    );
    for (const [id, no] of [
      [1, 'SO-1'],
      [2, 'SO-2'],
      [3, 'SO-3'],
    ] as const) {
      await erp.execute(`INSERT INTO sales_orders VALUES (@id, @no, '2026-03-01 10:00:00')`, { id, no });
    }
    await erp.execute(
      `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price) VALUES
         (1, 1, 'A-1', 2, 3.78), (1, 2, 'B-2', 1, NULL), (2, 1, 'A-1', 5, 1.00)`,
    );
    // a long order: its 100th line lies far past GROUP_CONCAT's default 1024 characters
    for (let i = 1; i <= 100; i++) {
      await erp.execute(
        `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price)
         VALUES (3, @i, CONCAT('LONG-SKU-NUMBER-', @i), 1, 9.99)`,
        { i },
      );
    }
  });
  afterAll(async () => {
    await erp?.close();
    const admin = await openErp({ driver: 'mysql', url: MYSQL_URL });
    await admin.execute(`DROP DATABASE IF EXISTS ${db}`);
    await admin.close();
  });

  const fingerprints = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await erp.query(recipe())).map((r) => [String(r['order_no']), String(r['fp'])]));

  /** Applies `change` and expects exactly the orders in `changed` to get a new fingerprint. */
  async function expectChange(change: string, changed: string[]): Promise<void> {
    const before = await fingerprints();
    await erp.execute(change);
    const after = await fingerprints();
    for (const no of Object.keys(before)) {
      if (changed.includes(no)) expect(after[no], `${no} after: ${change}`).not.toBe(before[no]);
      else expect(after[no], `${no} after: ${change}`).toBe(before[no]);
    }
  }

  it('gives every order a fingerprint, stable while nothing changes', async () => {
    const a = await fingerprints();
    expect(Object.keys(a)).toEqual(['SO-1', 'SO-2', 'SO-3']);
    expect(await fingerprints()).toEqual(a);
  });

  it('a changed line quantity changes its order only (the header untouched)', async () => {
    await expectChange(`UPDATE sales_order_lines SET qty = 3 WHERE order_id = 1 AND line_no = 1`, ['SO-1']);
  });

  it('a changed SKU, NULL to empty text, and a price change each count', async () => {
    await expectChange(`UPDATE sales_order_lines SET sku = 'A-2' WHERE order_id = 2`, ['SO-2']);
    await expectChange(`UPDATE sales_order_lines SET unit_price = 0 WHERE order_id = 1 AND line_no = 2`, [
      'SO-1',
    ]);
    await expectChange(`UPDATE sales_order_lines SET sku = NULL WHERE order_id = 1 AND line_no = 2`, [
      'SO-1',
    ]);
    await expectChange(`UPDATE sales_order_lines SET sku = '' WHERE order_id = 1 AND line_no = 2`, ['SO-1']);
  });

  it('an added or removed line counts', async () => {
    await expectChange(
      `INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price) VALUES (2, 2, 'C-3', 1, 1)`,
      ['SO-2'],
    );
    await expectChange(`DELETE FROM sales_order_lines WHERE order_id = 2 AND line_no = 2`, ['SO-2']);
  });

  it('the last line of a hundred-line order counts (no GROUP_CONCAT cut)', async () => {
    await expectChange(`UPDATE sales_order_lines SET qty = 2 WHERE order_id = 3 AND line_no = 100`, ['SO-3']);
  });

  it('swapping two lines’ quantities counts (the line number is part of each line’s hash)', async () => {
    await expectChange(
      `UPDATE sales_order_lines SET qty = CASE line_no WHEN 1 THEN 1 ELSE 3 END WHERE order_id = 1`,
      ['SO-1'],
    );
  });
});
