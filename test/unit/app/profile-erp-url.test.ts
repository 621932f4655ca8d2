import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, memorySecretStore } from '../../../src/app/index.js';
import { profileErpUrl } from '../../../src/app/url-password.js';
import { parseSqlServerUrl } from '../../../src/erp/sqlserver-config.js';

describe('the ERP URL a suggested profile carries', () => {
  it('is the stored URL without its password', () => {
    expect(profileErpUrl({ driver: 'postgres', url: 'postgres://erp:s3cret@db.local:5432/erp' })).toBe(
      'postgres://erp@db.local:5432/erp',
    );
    expect(profileErpUrl({ driver: 'sqlite', url: '/data/erp.sqlite' })).toBe('/data/erp.sqlite');
  });

  it('is SQL Server entered field by field, as a URL that parses back to the same fields, never the password', () => {
    const url = profileErpUrl({
      driver: 'sqlserver',
      server: 'erp-sql',
      instance: 'PROD',
      port: 1433,
      database: 'Sales DB',
      user: 'sync',
      encrypt: false,
      trustServerCertificate: true,
    });
    expect(url).toBe('mssql://sync@erp-sql\\PROD:1433/Sales%20DB?encrypt=false&trustServerCertificate=true');
    expect(parseSqlServerUrl(url!)).toMatchObject({
      server: 'erp-sql',
      instance: 'PROD',
      port: 1433,
      database: 'Sales DB',
      user: 'sync',
      encrypt: false,
      trustServerCertificate: true,
    });
    expect(
      parseSqlServerUrl(
        profileErpUrl({
          driver: 'sqlserver',
          server: 'h',
          database: 'd',
          user: 'u',
          authType: 'ntlm',
          domain: 'CORP',
        })!,
      ),
    ).toMatchObject({ user: 'u', domain: 'CORP', authType: 'ntlm' });
    expect(profileErpUrl({ driver: 'sqlserver' })).toBeUndefined();
  });
});

describe('the suggested profile after the wizard chose SQL Server', () => {
  it('carries the driver and the connection entered, never the password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profile-url-'));
    const app = await createApp({
      dataDir: dir,
      env: {},
      secretStore: memorySecretStore(),
      demoPersist: false,
    });
    try {
      await app.api.saveSettings({
        erp: {
          driver: 'sqlserver',
          server: 'erp-sql.local',
          port: 1433,
          database: 'SalesDB',
          user: 'sync_reader',
          encrypt: true,
        },
        secrets: { erpPassword: 'Very-Secret-77' },
      });
      const doc = await app.api.getProfile({});
      expect(doc.text).toMatch(/driver: sqlserver/);
      expect(doc.text).toContain('url: mssql://sync_reader@erp-sql.local:1433/SalesDB?encrypt=true');
      expect(doc.text).not.toContain('Very-Secret-77');
    } finally {
      await app.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
