import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConfig, ErpConnection, ErpDriverName } from '../../../src/erp/index.js';

/** Column types for the conformance table `vals`. */
export interface ValsDdl {
  readonly txt: string;
  readonly amt: string;
  readonly ts: string;
  readonly tsl: string;
  readonly d: string;
  readonly flag: string;
  readonly big: string;
  readonly bin: string;
  readonly num: string;
}

/** One database under test: its own schema/database, created here and dropped in teardown. */
export interface DriverHarness {
  readonly driver: ErpDriverName;
  readonly config: ErpConfig;
  /** The name to use in SQL for a table of the test schema. */
  table(name: string): string;
  readonly ddl: ValsDdl;
  /**
   * Columns that refuse a NULL parameter, which SQL Server types as NVARCHAR: VARBINARY everywhere (a
   * documented limit), DATETIMEOFFSET on Babelfish too. The NULL rows of the value case leave these out.
   */
  readonly untypedNullRefused?: readonly (keyof ValsDdl)[];
  /** Decimals keep every digit (PostgreSQL, MariaDB); tedious and SQLite REAL keep about 15. */
  readonly exactDecimals: boolean;
  /** SELECT of @count rows (n = 1..count, pad = 500 characters). */
  readonly seriesSql: string;
  /** SELECT of this session's application name as the DBA sees it (column `app`), or null. */
  readonly appNameSql: string | null;
  /** A statement that runs about five seconds, or null when the driver cannot interrupt one (SQLite). */
  readonly sleepSql: string | null;
  readonly loginFailed: ErpConfig | null;
  readonly databaseNotFound: ErpConfig;
  readonly hostUnreachable: ErpConfig | null;
  /** Runs a statement the database refuses for lack of permission; resolves to the caught error. */
  permissionDenied(): Promise<unknown>;
  /** Kills the server session running `pidSql`'s answer, or null when not supported. */
  readonly pidSql: string | null;
  killSession(pid: number): Promise<void>;
  teardown(): Promise<void>;
}

/** A SQL password that must never show up in an error. */
export const SECRET = 'S3cr3t-Pa55word!';

const unique = (): string => `erp_conf_${process.pid}_${randomBytes(3).toString('hex')}`;

function withUrl(url: string, f: (u: URL) => void): string {
  const u = new URL(url);
  f(u);
  return u.toString();
}

/** SQLite in a temporary directory. */
export async function sqliteHarness(): Promise<DriverHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'erp-conf-'));
  const file = join(dir, 'erp.sqlite');
  const config: ErpConfig = { driver: 'sqlite', url: file, createIfMissing: true, requestTimeoutMs: 300 };
  return {
    driver: 'sqlite',
    config,
    table: (n) => n,
    ddl: {
      txt: 'TEXT',
      amt: 'DECIMAL(38, 10)',
      ts: 'DATETIME',
      tsl: 'TIMESTAMP',
      d: 'DATE',
      flag: 'BOOLEAN',
      big: 'BIGINT',
      bin: 'BLOB',
      num: 'REAL',
    },
    exactDecimals: false,
    seriesSql:
      "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < @count) SELECT n, replace(hex(zeroblob(250)), '0', 'x') AS pad FROM s",
    sleepSql: null,
    appNameSql: null,
    loginFailed: null,
    databaseNotFound: { driver: 'sqlite', url: join(dir, 'missing', 'nope.sqlite') },
    hostUnreachable: null,
    async permissionDenied() {
      const erp = await openErp(config);
      try {
        await erp.execute('PRAGMA query_only = ON');
        await erp.execute('INSERT INTO items (sku, name) VALUES (@sku, @name)', { sku: 'ro', name: 'ro' });
        return null;
      } catch (e) {
        return e;
      } finally {
        await erp.close();
      }
    },
    pidSql: null,
    async killSession() {},
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL: a schema of its own plus a role without any grant on it. */
export async function postgresHarness(url: string): Promise<DriverHarness> {
  const admin = await openErp({ driver: 'postgres', url, connectTimeoutMs: 5000 });
  const schema = unique();
  const role = `${schema}_ro`;
  await admin.execute(`CREATE SCHEMA ${schema}`);
  await admin.execute(`CREATE ROLE ${role} LOGIN`);
  const config: ErpConfig = { driver: 'postgres', url, poolMax: 4 };
  return {
    driver: 'postgres',
    config,
    table: (n) => `${schema}.${n}`,
    ddl: {
      txt: 'TEXT',
      amt: 'NUMERIC(38, 10)',
      ts: 'TIMESTAMPTZ(3)',
      tsl: 'TIMESTAMP(3)',
      d: 'DATE',
      flag: 'BOOLEAN',
      big: 'BIGINT',
      bin: 'BYTEA',
      num: 'DOUBLE PRECISION',
    },
    exactDecimals: true,
    seriesSql: "SELECT g AS n, repeat('x', 500) AS pad FROM generate_series(1, @count::int) g",
    sleepSql: 'SELECT pg_sleep(5)',
    appNameSql: 'SELECT application_name AS app FROM pg_stat_activity WHERE pid = pg_backend_pid()',
    // trust authentication accepts any password, so an unknown role is what fails the login here
    loginFailed: {
      driver: 'postgres',
      url: withUrl(url, (u) => {
        u.username = 'no_such_user_erp';
        u.password = SECRET;
      }),
    },
    databaseNotFound: { driver: 'postgres', url: withUrl(url, (u) => (u.pathname = `/${schema}_missing`)) },
    hostUnreachable: { driver: 'postgres', url: withUrl(url, (u) => (u.port = '1')), connectTimeoutMs: 3000 },
    async permissionDenied() {
      const ro = await openErp({ driver: 'postgres', url: withUrl(url, (u) => (u.username = role)) });
      try {
        await ro.query(`SELECT * FROM ${schema}.items`, {}, { name: 'items.read', touchpoint: 'items' });
        return null;
      } catch (e) {
        return e;
      } finally {
        await ro.close();
      }
    },
    pidSql: 'SELECT pg_backend_pid() AS pid',
    async killSession(pid) {
      await admin.query('SELECT pg_terminate_backend(@pid)', { pid });
    },
    async teardown() {
      await admin.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.execute(`DROP ROLE IF EXISTS ${role}`);
      await admin.close();
    },
  };
}

const DIGITS = `(${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `SELECT ${d} AS d`).join(' UNION ALL ')})`;

/** MariaDB/MySQL: a database of its own plus a user who may only read one table. */
export async function mysqlHarness(url: string): Promise<DriverHarness> {
  const admin = await openErp({ driver: 'mysql', url, connectTimeoutMs: 5000 });
  const db = unique();
  const user = `${db}_ro`.slice(0, 32);
  await admin.execute(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  for (const host of ['%', 'localhost'])
    await admin.execute(`CREATE USER '${user}'@'${host}' IDENTIFIED BY 'ro-pw-1'`);
  const dbUrl = withUrl(url, (u) => (u.pathname = `/${db}`));
  return {
    driver: 'mysql',
    config: { driver: 'mysql', url: dbUrl, poolMax: 4 },
    table: (n) => n,
    ddl: {
      txt: 'LONGTEXT',
      amt: 'DECIMAL(38, 10)',
      ts: 'DATETIME(3)',
      tsl: 'TIMESTAMP(3) NULL',
      d: 'DATE',
      flag: 'BOOLEAN',
      big: 'BIGINT',
      bin: 'LONGBLOB',
      num: 'DOUBLE',
    },
    exactDecimals: true,
    // MariaDB stops recursive CTEs at max_recursive_iterations (1000): count with five digit tables instead
    seriesSql: `SELECT n, REPEAT('x', 500) AS pad FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 AS n
      FROM ${DIGITS} a CROSS JOIN ${DIGITS} b CROSS JOIN ${DIGITS} c CROSS JOIN ${DIGITS} e CROSS JOIN ${DIGITS} f) s
      WHERE n <= @count`,
    sleepSql: 'SELECT SLEEP(5)',
    // performance_schema (session_connect_attrs) is off by default on MariaDB
    appNameSql: null,
    loginFailed: { driver: 'mysql', url: withUrl(dbUrl, (u) => (u.password = SECRET)) },
    databaseNotFound: { driver: 'mysql', url: withUrl(url, (u) => (u.pathname = `/${db}_missing`)) },
    hostUnreachable: { driver: 'mysql', url: withUrl(url, (u) => (u.port = '1')), connectTimeoutMs: 3000 },
    async permissionDenied() {
      for (const host of ['%', 'localhost'])
        await admin.execute(`GRANT SELECT ON ${db}.items TO '${user}'@'${host}'`);
      const ro = await openErp({
        driver: 'mysql',
        url: withUrl(dbUrl, (u) => {
          u.username = user;
          u.password = 'ro-pw-1';
        }),
      });
      try {
        await ro.execute(
          'INSERT INTO items (sku, name) VALUES (@sku, @name)',
          { sku: 'x', name: 'x' },
          { name: 'items.write' },
        );
        return null;
      } catch (e) {
        return e;
      } finally {
        await ro.close();
      }
    },
    pidSql: 'SELECT CONNECTION_ID() AS pid',
    async killSession(pid) {
      await admin.execute(`KILL CONNECTION ${Math.trunc(pid)}`);
    },
    async teardown() {
      await admin.execute(`DROP DATABASE IF EXISTS ${db}`);
      for (const host of ['%', 'localhost']) await admin.execute(`DROP USER IF EXISTS '${user}'@'${host}'`);
      await admin.close();
    },
  };
}

/** Opens the connection under test. */
export function openHarness(h: DriverHarness): Promise<ErpConnection> {
  return openErp(h.config);
}
