import { describe, expect, it } from 'vitest';
import { sampleProfileText } from '../../../src/erp/sample/sample-profile.js';
import {
  erpConfigFromProfile,
  expandKeysParam,
  infoplusOptionsFromProfile,
  parseProfile,
} from '../../../src/profile/index.js';

describe('connections named by a profile', () => {
  const profile = parseProfile(sampleProfileText('postgres', { erpUrl: 'postgres://sync@db/erp' }));

  it('takes the secrets from the environment variables the profile names', () => {
    const erp = erpConfigFromProfile(profile, { ERP_PASSWORD: 'pw-1' }, '/etc');
    expect(erp).toEqual({ config: { driver: 'postgres', url: 'postgres://sync@db/erp', password: 'pw-1' } });
    const inf = infoplusOptionsFromProfile(profile, { INFOPLUS_API_KEY: 'key-1' });
    expect(inf).toMatchObject({
      options: { baseUrl: 'http://127.0.0.1:8080/infoplus-wms/api', apiKey: 'key-1', apiVersion: 'v3.0' },
    });
  });

  it('says which environment variable is missing', () => {
    const inf = infoplusOptionsFromProfile(profile, {});
    expect(inf).toEqual({
      problem: {
        path: 'connections.infoplus.apiKeyEnv',
        message: expect.stringMatching(/INFOPLUS_API_KEY is not set/),
      },
    });
  });

  it('resolves a relative SQLite path against the profile folder', () => {
    const p = parseProfile(sampleProfileText('sqlite', { erpUrl: 'data/erp.sqlite' }));
    expect(erpConfigFromProfile(p, {}, '/srv/sync')).toEqual({
      config: { driver: 'sqlite', url: '/srv/sync/data/erp.sqlite' },
    });
  });
});

describe('@keys expansion', () => {
  it('binds each key as its own parameter and leaves strings and comments alone', () => {
    const out = expandKeysParam("SELECT '@keys' AS t -- @keys\nFROM l WHERE k IN (@keys) AND x = @x", [
      "a'b",
      2,
    ]);
    expect(out.sql).toBe("SELECT '@keys' AS t -- @keys\nFROM l WHERE k IN (@keys_0, @keys_1) AND x = @x");
    expect(out.params).toEqual({ keys_0: "a'b", keys_1: 2 });
    expect(expandKeysParam('k IN (@keys)', []).sql).toBe('k IN (NULL)');
  });
});
