import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoErpOf } from '../../../src/app/demo-env.js';

describe('demo --driver/--url', () => {
  it('keeps the SQLite default when neither is given, or sqlite without a file', () => {
    expect(demoErpOf(undefined, undefined, {})).toBeUndefined();
    expect(demoErpOf('sqlite', undefined, {})).toBeUndefined();
    expect(demoErpOf('sqlite', 'erp.sqlite', {})).toEqual({ driver: 'sqlite', url: resolve('erp.sqlite') });
  });

  it('takes the password out of the URL, so the demo profile never holds it; ERP_PASSWORD wins', () => {
    const url = 'mssql://erp_sync:S3cret%21@127.0.0.1:1433/erp_demo?encrypt=false';
    const fromUrl = demoErpOf('sqlserver', url, {});
    expect(fromUrl).toEqual({
      driver: 'sqlserver',
      url: 'mssql://erp_sync@127.0.0.1:1433/erp_demo?encrypt=false',
      password: 'S3cret!',
    });
    expect(demoErpOf('sqlserver', url, { ERP_PASSWORD: 'from-env' })?.password).toBe('from-env');
    expect(demoErpOf('postgres', 'postgres://postgres@127.0.0.1:5432/test', {})).toEqual({
      driver: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
  });

  it('says what to add or fix', () => {
    expect(() => demoErpOf('sqlserver', undefined, {})).toThrow(/--driver sqlserver needs --url/);
    expect(() => demoErpOf('oracle', 'x', {})).toThrow(
      /--driver must be one of sqlite, sqlserver, postgres, mysql/,
    );
  });
});
