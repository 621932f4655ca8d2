import { describe, expect, it } from 'vitest';
import { describeErpConfig } from '../../../src/erp/describe-config.js';
import { ErpError } from '../../../src/erp/errors.js';
import {
  parseSqlServerTarget,
  SQLSERVER_APP_NAME,
  toMssqlConfig,
} from '../../../src/erp/sqlserver-config.js';

describe('SQL Server connection settings', () => {
  it('reads an mssql:// URL with encoded password, port, database and TLS options', () => {
    const t = parseSqlServerTarget({
      driver: 'sqlserver',
      url: 'mssql://erp_user:p%40ss%3Aw0rd@db.example.local:14330/ERP%20Prod?encrypt=true&trustServerCertificate=true',
    });
    expect(t).toMatchObject({
      server: 'db.example.local',
      port: 14330,
      database: 'ERP Prod',
      user: 'erp_user',
      password: 'p@ss:w0rd',
      authType: 'sql',
      encrypt: true,
      trustServerCertificate: true,
    });
  });

  it('reads host\\instance and DOMAIN\\user (NTLM) from a sqlserver:// URL', () => {
    const t = parseSqlServerTarget({
      driver: 'sqlserver',
      url: 'sqlserver://CORP%5Cjane:pw@erp01%5CSQLEXPRESS/Sage',
    });
    expect(t).toMatchObject({
      server: 'erp01',
      instance: 'SQLEXPRESS',
      domain: 'CORP',
      user: 'jane',
      authType: 'ntlm',
    });
    expect(t.port).toBeUndefined();
    const cfg = toMssqlConfig(t) as {
      options: Record<string, unknown>;
      authentication: unknown;
      port?: number;
    };
    expect(cfg.options['instanceName']).toBe('SQLEXPRESS');
    expect(cfg.port).toBeUndefined();
    expect(cfg.authentication).toEqual({
      type: 'ntlm',
      options: { domain: 'CORP', userName: 'jane', password: 'pw' },
    });
  });

  it('reads the JDBC form and lets explicit fields win over the URL', () => {
    const t = parseSqlServerTarget({
      driver: 'sqlserver',
      url: 'sqlserver://erp01:1433;databaseName=ERP;user=sa;password=old;encrypt=false',
      password: 'from-secret-store',
      requestTimeoutMs: 5000,
    });
    expect(t).toMatchObject({
      server: 'erp01',
      port: 1433,
      database: 'ERP',
      user: 'sa',
      password: 'from-secret-store',
    });
    expect(t.encrypt).toBe(false);
    expect(t.requestTimeoutMs).toBe(5000);
  });

  it('uses the port and drops the instance when both are given (tedious takes one)', () => {
    const t = parseSqlServerTarget({
      driver: 'sqlserver',
      server: 'erp01\\SQL2019',
      port: 1450,
      user: 'sa',
      password: 'x',
    });
    const cfg = toMssqlConfig(t) as { port: number; options: Record<string, unknown> };
    expect(cfg.port).toBe(1450);
    expect(cfg.options['instanceName']).toBeUndefined();
  });

  it('sets the application name, secure defaults and a SQL login', () => {
    const t = parseSqlServerTarget({ driver: 'sqlserver', server: 'erp01', user: 'sa', password: 'x' });
    const cfg = toMssqlConfig(t) as Record<string, unknown> & { options: Record<string, unknown> };
    expect(cfg.options['appName']).toBe(SQLSERVER_APP_NAME);
    expect(cfg.options['encrypt']).toBe(true);
    expect(cfg.options['trustServerCertificate']).toBe(false);
    expect(cfg['user']).toBe('sa');
    expect(cfg['port']).toBe(1433);
  });

  it('builds a named instance + Windows (NTLM) login from the Settings fields, not only from a URL', () => {
    // what erpConfigOf passes for: Server erp01, Instance SQLEXPRESS, Authentication Windows, CORP / jane
    const t = parseSqlServerTarget({
      driver: 'sqlserver',
      server: 'erp01',
      instance: 'SQLEXPRESS',
      database: 'Sage',
      authType: 'ntlm',
      domain: 'CORP',
      user: 'jane',
      password: 'pw',
      encrypt: true,
      trustServerCertificate: true,
    });
    const cfg = toMssqlConfig(t) as Record<string, unknown> & { options: Record<string, unknown> };
    expect(cfg['server']).toBe('erp01');
    expect(cfg['port']).toBeUndefined(); // the port comes from SQL Server Browser
    expect(cfg.options['instanceName']).toBe('SQLEXPRESS');
    expect(cfg.options['encrypt']).toBe(true);
    expect(cfg.options['trustServerCertificate']).toBe(true);
    expect(cfg['authentication']).toEqual({
      type: 'ntlm',
      options: { domain: 'CORP', userName: 'jane', password: 'pw' },
    });
    expect(cfg['user']).toBeUndefined();
    // DOMAIN\user typed into the user field means the same
    const typed = parseSqlServerTarget({ driver: 'sqlserver', server: 'erp01', user: 'CORP\\jane' });
    expect(typed).toMatchObject({ authType: 'ntlm', domain: 'CORP', user: 'jane' });
  });

  it('explains a malformed URL without suggesting a password in it', () => {
    const e = (() => {
      try {
        parseSqlServerTarget({ driver: 'sqlserver', url: 'http://erp01' });
      } catch (err) {
        return err as Error;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ErpError);
    expect(e?.message).toContain('mssql://user@host');
    expect(e?.message).not.toMatch(/user:password@/);
    expect(e?.message).toMatch(/ERP_PASSWORD, never into the URL/);
    expect(() => parseSqlServerTarget({ driver: 'sqlserver', url: 'http://erp01' })).toThrow(ErpError);
    expect(() => parseSqlServerTarget({ driver: 'sqlserver', url: 'mssql://sa:pw@erp01:99999/db' })).toThrow(
      /port/,
    );
  });

  it('describes every config without its password', () => {
    const secret = 'Very$ecret1';
    const texts = [
      describeErpConfig({
        driver: 'sqlserver',
        url: `mssql://sa:${encodeURIComponent(secret)}@erp01:1433/ERP`,
      }),
      describeErpConfig({
        driver: 'sqlserver',
        server: 'erp01',
        instance: 'SQLEXPRESS',
        domain: 'CORP',
        user: 'jane',
        password: secret,
      }),
      describeErpConfig({
        driver: 'postgres',
        url: `postgres://erp:${encodeURIComponent(secret)}@db:5432/erp`,
      }),
      describeErpConfig({
        driver: 'mysql',
        url: `mysql://erp:${encodeURIComponent(secret)}@db/erp?password=${secret}`,
      }),
      describeErpConfig({ driver: 'sqlite', url: '/var/erp/erp.sqlite' }),
      describeErpConfig({ driver: 'sqlserver', url: `sqlserver://erp01:99999;user=sa;password=${secret}` }),
    ];
    for (const t of texts) {
      expect(t).not.toContain(secret);
      expect(t).not.toContain(encodeURIComponent(secret));
    }
    expect(texts[1]).toBe(
      'sqlserver erp01\\SQLEXPRESS database=(default) user=CORP\\jane (windows) encrypt=true trustServerCertificate=false',
    );
    expect(texts[2]).toBe('postgres postgres://erp@db:5432/erp');
    expect(texts[4]).toBe('sqlite /var/erp/erp.sqlite');
  });
});
