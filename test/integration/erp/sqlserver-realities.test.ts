// SQL Server as small businesses run it, over the endpoint: a named instance found through SQL Server Browser
// (a stand-in Browser on UDP 1434 that answers like the real one), and a read-only login. What cannot run
// here (Windows/NTLM logins, TLS with a self-signed certificate: the endpoint has no TLS) is unit-tested in
// test/unit/erp/sqlserver-config.test.ts and error-mapping.test.ts; that encrypt on never falls back to plain
// text runs here.
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConnection } from '../../../src/erp/index.js';
import { parseSqlServerUrl } from '../../../src/erp/sqlserver-config.js';
import { dropSoon, isBabelfish } from './harness-sqlserver.js';
import { caught, expectErpError } from './suite.js';

const MSSQL_URL = process.env['MSSQL_URL'];
const CI = process.env['CI'] === 'true';

/** Answers SQL Server Browser's CLNT_UCAST_EX (0x02) with one instance on the endpoint's TCP port. */
async function startBrowser(
  instance: string,
  tcpPort: number,
): Promise<{ socket: Socket; asked: () => number }> {
  const socket = createSocket('udp4');
  let asked = 0;
  socket.on('message', (msg, from) => {
    if (msg[0] !== 0x02) return;
    asked++;
    const body = Buffer.from(
      `ServerName;ERP01;InstanceName;${instance};IsClustered;No;Version;16.0.1000.6;tcp;${tcpPort};;`,
      'ascii',
    );
    const head = Buffer.from([0x05, body.length & 0xff, body.length >> 8]);
    socket.send(Buffer.concat([head, body]), from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(1434, '127.0.0.1', () => resolve());
  });
  return { socket, asked: () => asked };
}

describe.skipIf(!CI && !MSSQL_URL)('SQL Server realities over the endpoint', () => {
  const url = MSSQL_URL ?? '';
  const base = MSSQL_URL ? parseSqlServerUrl(MSSQL_URL) : {};
  let browser: Awaited<ReturnType<typeof startBrowser>> | null = null;
  let browserProblem = '';
  let admin: ErpConnection;
  const schema = `erp_ro_${process.pid}_${randomBytes(3).toString('hex')}`;
  const login = `${schema}_login`;
  const loginPassword = `Ro_${randomBytes(6).toString('hex')}_9`;

  beforeAll(async () => {
    if (!MSSQL_URL)
      throw new Error('MSSQL_URL is not set: .ci/run starts the SQL Server endpoint and exports it');
    try {
      browser = await startBrowser('SQLEXPRESS', base.port ?? 1433);
    } catch (e) {
      browserProblem = `UDP 127.0.0.1:1434 is taken (${(e as Error).message})`;
    }
    admin = await openErp({ driver: 'sqlserver', url });
    await admin.execute(`CREATE SCHEMA [${schema}]`);
    await admin.execute(`CREATE TABLE [${schema}].[items] (sku NVARCHAR(20) PRIMARY KEY, qty INT)`);
    await admin.execute(`INSERT INTO [${schema}].[items] (sku, qty) VALUES ('A-1', 5)`);
    await admin.execute(`CREATE LOGIN [${login}] WITH PASSWORD = '${loginPassword}'`);
    await admin.execute(`CREATE USER [${login}] FOR LOGIN [${login}]`);
    // a read-only login as a DBA grants it: SELECT on the ERP's tables, nothing else
    await admin.execute(`GRANT SELECT ON [${schema}].[items] TO [${login}]`);
  });

  afterAll(async () => {
    browser?.socket.close();
    if (!admin) return;
    await admin.execute(`DROP TABLE IF EXISTS [${schema}].[items]`);
    await dropSoon(admin, `DROP SCHEMA [${schema}]`);
    await dropSoon(admin, `DROP USER [${login}]`);
    await dropSoon(admin, `DROP LOGIN [${login}]`);
    await admin.close();
  });

  it('connects to HOST\\INSTANCE through SQL Server Browser, as the Settings fields give it', async (ctx) => {
    if (!browser) return ctx.skip(`no stand-in SQL Server Browser: ${browserProblem}`);
    const erp = await openErp({
      driver: 'sqlserver',
      server: '127.0.0.1',
      instance: 'SQLEXPRESS',
      ...(base.database ? { database: base.database } : {}),
      user: base.user ?? '',
      password: base.password ?? '',
      encrypt: base.encrypt ?? false,
      trustServerCertificate: true,
      connectTimeoutMs: 10_000,
    });
    try {
      expect(await erp.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await erp.close();
    }
    expect(browser.asked()).toBeGreaterThan(0);
  });

  it('names SQL Server Browser, UDP 1434 and the Port field when the instance is not found', async (ctx) => {
    if (!browser) return ctx.skip(`no stand-in SQL Server Browser: ${browserProblem}`);
    const e = await caught(
      openErp({
        driver: 'sqlserver',
        server: '127.0.0.1',
        instance: 'NOSUCH',
        user: base.user ?? '',
        password: base.password ?? '',
        connectTimeoutMs: 10_000,
      }),
    );
    const err = expectErpError(e, 'host-unreachable');
    expect(err.message).toMatch(/instance name "NOSUCH"/);
    expect(err.message).toMatch(/SQL Server Browser service/);
    expect(err.message).toMatch(/UDP port 1434/);
    expect(err.message).toMatch(/fixed TCP port in Port/);
  });

  it('with "Encrypt the connection" on, never goes on unencrypted', async () => {
    const config = {
      driver: 'sqlserver' as const,
      url,
      encrypt: true,
      trustServerCertificate: true,
      connectTimeoutMs: 10_000,
    };
    if (await isBabelfish(admin)) {
      // the endpoint has no TLS and says so in the pre-login; tedious would carry on in plain text
      const err = expectErpError(await caught(openErp(config)), 'host-unreachable');
      expect(err.message).toMatch(/did not encrypt the connection although "Encrypt the connection" is on/);
      expect(err.message).toMatch(
        /untick "Encrypt the connection" \(encrypt=false\) only on a network you trust/,
      );
      expect(err.message).not.toContain(base.password ?? '(none)');
    } else {
      const erp = await openErp(config);
      await erp.close();
    }
  });

  it('a read-only login reads; a write-back it may not run is refused naming the login and the GRANT', async () => {
    const ro = await openErp({ driver: 'sqlserver', url, user: login, password: loginPassword, poolMax: 1 });
    try {
      expect(await ro.query(`SELECT sku, qty FROM [${schema}].[items]`)).toEqual([{ sku: 'A-1', qty: 5 }]);
      const e = await caught(
        ro.execute(
          `UPDATE [${schema}].[items] SET qty = @qty WHERE sku = @sku`,
          { qty: 4, sku: 'A-1' },
          { name: 'shipments.writeBack.record', touchpoint: 'shipments' },
        ),
      );
      const err = expectErpError(e, 'permission-denied');
      expect(err.message).toContain('shipments.writeBack.record');
      expect(err.message).toContain(`login ${login}`);
      expect(err.message).toMatch(/read-only login is enough for pushes.*GRANT/);
    } finally {
      await ro.close();
    }
    expect(await admin.query(`SELECT qty FROM [${schema}].[items]`)).toEqual([{ qty: 5 }]);
  });
});
