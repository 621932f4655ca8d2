/** Own, uniquely named database/schema per test file for the sample ERP, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openErp } from '../../../src/erp/index.js';
import { dropSoon } from '../erp/harness-sqlserver.js';
import type { ErpConfig, ErpDriverName } from '../../../src/erp/types.js';

/** One database the sample ERP can be built in. */
export interface SampleDb {
  readonly driver: ErpDriverName;
  readonly config: ErpConfig;
  /** URL as a profile would name it (no password). */
  readonly url: string;
  drop(): Promise<void>;
}

export const PG_URL = process.env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
export const MSSQL_URL = process.env['MSSQL_URL'];

const unique = (): string => `sample_erp_${process.pid}_${randomBytes(3).toString('hex')}`;

/** True when the server answers; in CI a missing PostgreSQL/MariaDB must fail, so callers do not skip there. */
export async function reachable(config: ErpConfig): Promise<boolean> {
  try {
    const erp = await openErp({ ...config, connectTimeoutMs: 3000 } as ErpConfig);
    await erp.close();
    return true;
  } catch {
    return false;
  }
}

export async function sqliteDb(): Promise<SampleDb> {
  const dir = mkdtempSync(join(tmpdir(), 'sample-erp-'));
  const url = join(dir, 'erp.sqlite');
  return {
    driver: 'sqlite',
    config: { driver: 'sqlite', url, createIfMissing: true },
    url,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresDb(): Promise<SampleDb> {
  const admin = await openErp({ driver: 'postgres', url: PG_URL });
  const schema = unique();
  await admin.execute(`CREATE SCHEMA ${schema}`);
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  return {
    driver: 'postgres',
    config: { driver: 'postgres', url },
    url,
    drop: async () => {
      await admin.execute(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export async function mysqlDb(): Promise<SampleDb> {
  const admin = await openErp({ driver: 'mysql', url: MYSQL_URL });
  const db = unique();
  await admin.execute(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const u = new URL(MYSQL_URL);
  u.pathname = `/${db}`;
  const url = u.toString();
  return {
    driver: 'mysql',
    config: { driver: 'mysql', url },
    url,
    drop: async () => {
      await admin.execute(`DROP DATABASE ${db}`);
      await admin.close();
    },
  };
}

export async function sqlServerDb(base: string): Promise<SampleDb> {
  const admin = await openErp({ driver: 'sqlserver', url: base });
  const db = unique();
  await admin.execute(`CREATE DATABASE ${db}`);
  const u = new URL(base);
  u.pathname = `/${db}`;
  // the password travels beside the URL (as ERP_PASSWORD would), never inside the profile's URL
  const password = decodeURIComponent(u.password);
  u.password = '';
  const url = u.toString();
  return {
    driver: 'sqlserver',
    config: { driver: 'sqlserver', url, ...(password ? { password } : {}) },
    url,
    drop: async () => {
      // the suite has closed its own pool; no ALTER DATABASE ... SINGLE_USER (Babelfish has none): a session
      // the server has not finished closing yet only needs a moment
      await dropSoon(admin, `DROP DATABASE ${db}`);
      await admin.close();
    },
  };
}
