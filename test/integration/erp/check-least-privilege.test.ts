// Issue 13, L5: check refuses schema changes in write-backs (a rollback cannot undo MySQL DDL), says what its
// rollback cannot undo, and warns when the ERP login can do far more than the sync needs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import type { ErpConfig } from '../../../src/erp/types.js';
import { checkProfileFile } from '../../../src/check/check-profile.js';
import { ddlKeyword } from '../../../src/profile/ddl-guard.js';
import { parseProfile, ProfileError } from '../../../src/profile/index.js';
import { excessPrivileges } from '../../../src/check/probe-privileges.js';

const PG_URL = process.env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MYSQL_URL = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
const MSSQL_URL = process.env['MSSQL_URL'];
const suffix = randomBytes(3).toString('hex');

async function privilegesOf(config: ErpConfig): Promise<string[]> {
  const erp = await openErp(config);
  try {
    return await excessPrivileges(erp);
  } finally {
    await erp.close();
  }
}

describe('write-backs may not change the schema', () => {
  const sample = sampleProfileText('sqlite');
  const original =
    "UPDATE sales_orders SET infoplus_order_no = @orderNo, status = CASE WHEN status = 'Cancelled' THEN status ELSE 'Sent' END WHERE order_no = @key";

  it.each([
    ['DROP TABLE sales_orders', 'DROP'],
    ['TRUNCATE TABLE sales_orders', 'TRUNCATE'],
    ['ALTER TABLE sales_orders ADD x INT', 'ALTER'],
    ['UPDATE sales_orders SET status = 1; create table t (x int)', 'CREATE'],
    ['GRANT SELECT ON sales_orders TO public', 'GRANT'],
  ])('refuses %s in a write-back, naming the statement', (sql, keyword) => {
    expect(sample).toContain(`sql: ${original}`);
    const text = sample.replace(`sql: ${original}`, `sql: "${sql}"`);
    let error: unknown;
    try {
      parseProfile(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const problem = (error as ProfileError).problems.find((p) => p.message.includes(keyword));
    expect(problem?.path).toBe('touchpoints.orders.afterPush[0].sql');
    expect(problem?.message).toMatch(/changes the database schema/);
  });

  it('refuses it in a pull write-back too', () => {
    const doc = parse(sample) as { touchpoints: { shipments: { writeBack: { record: { sql: string }[] } } } };
    doc.touchpoints.shipments.writeBack.record[0]!.sql = 'DROP TABLE erp_shipments';
    expect(() => parseProfile(stringify(doc))).toThrow(
      /touchpoints\.shipments\.writeBack\.record\[0\]\.sql: DROP changes the database schema/,
    );
  });

  it('does not mistake data, comments, strings or quoted names for schema changes', () => {
    expect(ddlKeyword(original)).toBeNull();
    expect(ddlKeyword("UPDATE t SET note = 'drop table x' WHERE created_at < @d -- drop it")).toBeNull();
    expect(ddlKeyword('UPDATE [drop] SET "create" = 1, `alter` = 2 /* truncate */')).toBeNull();
    expect(ddlKeyword('EXEC dbo.record_shipment @id')).toBeNull();
  });
});

describe('check says what its rolled-back probe cannot undo', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'check-lp-'));
    const erp = await openErp({ driver: 'sqlite', url: join(dir, 'erp.sqlite'), createIfMissing: true });
    await createSampleErp(erp, { orders: 3 });
    await erp.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('notes procedures that commit, non-transactional tables and sequences', async () => {
    const file = join(dir, 'profile.yaml');
    writeFileSync(file, sampleProfileText('sqlite', { erpUrl: 'erp.sqlite' }));
    const report = await checkProfileFile(file, { env: {}, skipInfoplus: true });
    expect(report.problems).toEqual([]);
    const note = report.notes.join('\n');
    expect(note).toMatch(/rolled back\. A rollback cannot undo/);
    expect(note).toMatch(/procedure that commits/);
    expect(note).toMatch(/MyISAM/);
    expect(note).toMatch(/sequences/);
  });
});

describe('check warns when the ERP login can do more than the sync needs', () => {
  it('PostgreSQL: a superuser is named; a role with table grants only is not', async () => {
    expect(await privilegesOf({ driver: 'postgres', url: PG_URL })).toContain('is a superuser');
    const role = `sync_lp_${suffix}`;
    const admin = await openErp({ driver: 'postgres', url: PG_URL });
    try {
      await admin.execute(`CREATE ROLE ${role} LOGIN`);
      const url = new URL(PG_URL);
      url.username = role;
      expect(await privilegesOf({ driver: 'postgres', url: url.toString() })).toEqual([]);
    } finally {
      await admin.execute(`DROP ROLE IF EXISTS ${role}`);
      await admin.close();
    }
  });

  it('MariaDB/MySQL: global ALL PRIVILEGES is named; grants on one database are not', async () => {
    expect((await privilegesOf({ driver: 'mysql', url: MYSQL_URL })).join(' ')).toMatch(
      /ALL PRIVILEGES on every database/,
    );
    const user = `sync_lp_${suffix}`;
    const admin = await openErp({ driver: 'mysql', url: MYSQL_URL });
    try {
      await admin.execute(`CREATE USER '${user}'@'%' IDENTIFIED BY 'Lp_pass_1'`);
      await admin.execute(`GRANT SELECT, INSERT, UPDATE ON test.* TO '${user}'@'%'`);
      const url = new URL(MYSQL_URL);
      url.username = user;
      expect(await privilegesOf({ driver: 'mysql', url: url.toString(), password: 'Lp_pass_1' })).toEqual([]);
    } finally {
      await admin.execute(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.close();
    }
  });

  it.skipIf(!MSSQL_URL)('SQL Server: asks about sysadmin and db_owner without failing', async () => {
    const found = await privilegesOf({ driver: 'sqlserver', url: MSSQL_URL! });
    expect(Array.isArray(found)).toBe(true);
    for (const f of found) expect(f).toMatch(/sysadmin|db_owner/);
  });

  it('SQLite: no logins, nothing to warn about', async () => {
    expect(await privilegesOf({ driver: 'sqlite', url: ':memory:' })).toEqual([]);
  });
});
