import { describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConfig } from '../../../src/erp/index.js';

describe('openErp', () => {
  it('names an unknown driver from a hand-edited settings file', async () => {
    await expect(openErp({ driver: 'oracle', url: 'x' } as unknown as ErpConfig)).rejects.toThrow(
      /unknown ERP driver "oracle"; use sqlserver, postgres, mysql or sqlite/,
    );
  });

  it('explains a malformed PostgreSQL or MySQL URL without echoing it', async () => {
    await expect(openErp({ driver: 'postgres', url: 'not a url :secret' })).rejects.toThrow(
      /not valid; expected postgres:\/\//,
    );
    await expect(openErp({ driver: 'mysql', url: 'not a url :secret' })).rejects.toThrow(
      /not valid; expected mysql:\/\//,
    );
  });
});
