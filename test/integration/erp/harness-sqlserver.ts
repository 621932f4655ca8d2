import { randomBytes } from 'node:crypto';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConfig } from '../../../src/erp/index.js';
import type { DriverHarness } from './harness.js';
import { SECRET } from './harness.js';

/** SQL Server from MSSQL_URL: a schema of its own plus a user WITHOUT LOGIN that has no grant on it. */
export async function sqlServerHarness(url: string): Promise<DriverHarness> {
  const admin = await openErp({ driver: 'sqlserver', url, connectTimeoutMs: 10_000 });
  const schema = `erp_conf_${process.pid}_${randomBytes(3).toString('hex')}`;
  const user = `${schema}_ro`;
  await admin.execute(`CREATE SCHEMA [${schema}]`);
  await admin.execute(`CREATE USER [${user}] WITHOUT LOGIN`);
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
    exactDecimals: false,
    seriesSql:
      "WITH s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < @count) SELECT n, REPLICATE('x', 500) AS pad FROM s OPTION (MAXRECURSION 0)",
    sleepSql: "WAITFOR DELAY '00:00:05'",
    appNameSql: 'SELECT program_name AS app FROM sys.dm_exec_sessions WHERE session_id = @@SPID',
    loginFailed: { driver: 'sqlserver', url, password: SECRET, connectTimeoutMs: 10_000 },
    databaseNotFound: { driver: 'sqlserver', url, database: `${schema}_missing`, connectTimeoutMs: 10_000 },
    hostUnreachable: { driver: 'sqlserver', url, server: '127.0.0.1', port: 1, connectTimeoutMs: 3000 },
    async permissionDenied() {
      try {
        await admin.query(
          `EXECUTE AS USER = '${user}';
BEGIN TRY
  SELECT * FROM [${schema}].[items];
END TRY
BEGIN CATCH
  REVERT;
  THROW;
END CATCH;
REVERT;`,
          {},
          { name: 'items.read', touchpoint: 'items' },
        );
        return null;
      } catch (e) {
        return e;
      }
    },
    pidSql: 'SELECT @@SPID AS pid',
    async killSession(pid) {
      await admin.execute(`KILL ${Math.trunc(pid)}`);
    },
    async teardown() {
      await admin.execute(
        `DECLARE @sql NVARCHAR(MAX) = N'';
SELECT @sql = @sql + N'DROP TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N';'
  FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = @schema;
EXEC sp_executesql @sql;`,
        { schema },
      );
      await admin.execute(`DROP SCHEMA [${schema}]`);
      await admin.execute(`DROP USER [${user}]`);
      await admin.close();
    },
  };
}
