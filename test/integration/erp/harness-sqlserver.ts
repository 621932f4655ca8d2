import { randomBytes } from 'node:crypto';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConfig, ErpConnection } from '../../../src/erp/index.js';
import type { DriverHarness } from './harness.js';
import { SECRET } from './harness.js';

/**
 * SQL Server from MSSQL_URL: a schema of its own plus a login (with its database user) that has no grant on
 * it. A real login rather than a user WITHOUT LOGIN + EXECUTE AS: that is how a read-only ERP login is set up
 * on a customer's server, and it also runs on the Babelfish endpoint, which has neither of the other two.
 */
export async function sqlServerHarness(url: string): Promise<DriverHarness> {
  const admin = await openErp({ driver: 'sqlserver', url, connectTimeoutMs: 10_000 });
  const babelfish = await isBabelfish(admin);
  if (babelfish) {
    console.warn(
      'ERP conformance (sqlserver): the endpoint is Babelfish (@@VERSION): it has no WAITFOR and acknowledges a ' +
        'cancel only when the statement ends, so the timeout/cancel cases sleep with pg_sleep(2); it refuses a ' +
        'NULL NVARCHAR parameter for DATETIMEOFFSET, so the NULL rows leave that column out',
    );
  }
  const schema = `erp_conf_${process.pid}_${randomBytes(3).toString('hex')}`;
  const user = `${schema}_ro`;
  const userPassword = `Ro_${randomBytes(6).toString('hex')}_9`;
  await admin.execute(`CREATE SCHEMA [${schema}]`);
  await admin.execute(`CREATE LOGIN [${user}] WITH PASSWORD = '${userPassword}'`);
  await admin.execute(`CREATE USER [${user}] FOR LOGIN [${user}]`);
  const config: ErpConfig = { driver: 'sqlserver', url, poolMax: 4 };
  return {
    driver: 'sqlserver',
    config,
    table: (n) => `[${schema}].[${n}]`,
    ddl: {
      txt: 'NVARCHAR(MAX)',
      amt: 'DECIMAL(38, 10)',
      ts: 'DATETIME2(3)',
      tsl: 'DATETIMEOFFSET(3)',
      d: 'DATE',
      flag: 'BIT',
      big: 'BIGINT',
      bin: 'VARBINARY(MAX)',
      num: 'FLOAT',
    },
    untypedNullRefused: babelfish ? ['bin', 'tsl'] : ['bin'],
    exactDecimals: false,
    seriesSql:
      "WITH s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < @count) SELECT n, REPLICATE('x', 500) AS pad FROM s OPTION (MAXRECURSION 0)",
    sleepSql: babelfish ? 'SELECT COUNT(*) AS c FROM (SELECT pg_sleep(2)) s(x)' : "WAITFOR DELAY '00:00:05'",
    appNameSql: 'SELECT program_name AS app FROM sys.dm_exec_sessions WHERE session_id = @@SPID',
    loginFailed: { driver: 'sqlserver', url, password: SECRET, connectTimeoutMs: 10_000 },
    databaseNotFound: { driver: 'sqlserver', url, database: `${schema}_missing`, connectTimeoutMs: 10_000 },
    hostUnreachable: { driver: 'sqlserver', url, server: '127.0.0.1', port: 1, connectTimeoutMs: 3000 },
    async permissionDenied() {
      const ro = await openErp({ driver: 'sqlserver', url, user, password: userPassword, poolMax: 1 });
      try {
        await ro.query(`SELECT * FROM [${schema}].[items]`, {}, { name: 'items.read', touchpoint: 'items' });
        return null;
      } catch (e) {
        return e;
      } finally {
        await ro.close();
      }
    },
    pidSql: 'SELECT @@SPID AS pid',
    async killSession(pid) {
      await admin.execute(`KILL ${Math.trunc(pid)}`);
    },
    async teardown() {
      // one DROP per table (Babelfish has no row-by-row variable concatenation to build one batch)
      const tables = await admin.query<{ name: string }>(
        'SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = @schema',
        { schema },
      );
      for (const t of tables) await admin.execute(`DROP TABLE [${schema}].[${t.name}]`);
      await dropSoon(admin, `DROP SCHEMA [${schema}]`);
      await dropSoon(admin, `DROP USER [${user}]`);
      await dropSoon(admin, `DROP LOGIN [${user}]`);
      await admin.close();
    },
  };
}

/** Babelfish for PostgreSQL says so at the start of @@VERSION. */
export async function isBabelfish(erp: ErpConnection): Promise<boolean> {
  const [row] = await erp.query<{ v: string }>('SELECT @@VERSION AS v');
  return /^Babelfish/i.test(row?.v ?? '');
}

/** A DROP that waits (up to 5 s) for the server to finish closing a session that still uses the object. */
export async function dropSoon(admin: ErpConnection, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.execute(statement);
      return;
    } catch (e) {
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
