// Exact numbers on MariaDB/MySQL: a statement without parameters goes over the text protocol, one with
// parameters over the binary protocol; the values that reach the mapping must not depend on which.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/domain/mapping/index.js';
import { mapField } from '../../../src/domain/mapping/map-field.js';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConnection } from '../../../src/erp/index.js';

const MYSQL_URL = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
const CI = process.env['CI'] === 'true';

async function reachable(): Promise<boolean> {
  try {
    const erp = await openErp({ driver: 'mysql', url: MYSQL_URL, connectTimeoutMs: 3000 });
    await erp.close();
    return true;
  } catch {
    return false;
  }
}

const available = CI || (await reachable());
if (!available) console.warn(`exact numbers: skipping MariaDB/MySQL: ${MYSQL_URL} is not reachable`);

describe.skipIf(!available)('exact numbers on MariaDB/MySQL, text and binary protocol alike', () => {
  const db = `exact_${process.pid}_${randomBytes(3).toString('hex')}`;
  let admin: ErpConnection;
  let erp: ErpConnection;

  beforeAll(async () => {
    admin = await openErp({ driver: 'mysql', url: MYSQL_URL });
    await admin.execute(`CREATE DATABASE ${db}`);
    const u = new URL(MYSQL_URL);
    u.pathname = `/${db}`;
    erp = await openErp({ driver: 'mysql', url: u.toString() });
    await erp.execute(
      'CREATE TABLE items (sku VARCHAR(20) PRIMARY KEY, price DECIMAL(18, 4), price_f FLOAT, price_d DOUBLE)',
    );
    // the same 3.78 price as an ERP may hold it: DECIMAL, FLOAT, and a DOUBLE computed as 1.26 * 3
    await erp.execute(
      "INSERT INTO items VALUES ('A-1', 3.78, 3.78, CAST(1.26 AS DOUBLE) * 3), ('A-2', 12345678901.1234, 0.1, 0.1)",
    );
  });

  afterAll(async () => {
    await erp?.close();
    await admin?.execute(`DROP DATABASE IF EXISTS ${db}`);
    await admin?.close();
  });

  const select = 'SELECT sku, price, price_f, price_d, price * 1 AS price_x FROM items';

  it('reads identical values with and without parameters, DECIMAL as its exact digits', async () => {
    const text = await erp.query(`${select} ORDER BY sku`);
    const binary = await erp.query(`${select} WHERE sku <> @none ORDER BY sku`, { none: '' });
    expect(binary).toEqual(text);
    const streamed = [];
    for await (const r of erp.stream(`${select} WHERE sku <> @none ORDER BY sku`, { none: '' }))
      streamed.push(r);
    expect(streamed).toEqual(text);
    expect(text[0]).toEqual({ sku: 'A-1', price: '3.7800', price_f: 3.78, price_d: 3.78, price_x: '3.7800' });
    expect(text[1]?.['price']).toBe('12345678901.1234');
  });

  it('maps a 3.78 price to the same payload value and content hash over both protocols', async () => {
    const env = { zone: 'UTC', lookups: {}, ctx: {} };
    const mapped = async (params: boolean) => {
      const [row] = params
        ? await erp.query(`${select} WHERE sku = @sku`, { sku: 'A-1' })
        : await erp.query(`${select} WHERE sku = 'A-1'`);
      const r = row as Record<string, unknown>;
      return {
        price: mapField(r, { column: 'price', type: 'decimal' }, 'sellPrice', env).value,
        priceF: mapField(r, { column: 'price_f', type: 'decimal', scale: 2 }, 'sellPrice', env).value,
        priceD: mapField(r, { column: 'price_d', type: 'decimal', scale: 2 }, 'sellPrice', env).value,
      };
    };
    const withParams = await mapped(true);
    const withoutParams = await mapped(false);
    expect(withParams).toEqual({ price: 3.78, priceF: 3.78, priceD: 3.78 });
    expect(withoutParams).toEqual(withParams);
    expect(contentHash(withParams)).toBe(contentHash(withoutParams));
    expect(JSON.stringify(withParams)).toBe('{"price":3.78,"priceF":3.78,"priceD":3.78}');
  });
});
