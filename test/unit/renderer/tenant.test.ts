import { describe, expect, it } from 'vitest';
import { tenantOf } from '../../../renderer/src/settings/tenant.js';

describe('tenant field', () => {
  it.each([
    ['acme', 'acme'],
    [' acme.infopluswms.com ', 'acme'],
    ['ACME.InfoplusWMS.com', 'acme'],
    ['https://acme.infopluswms.com/infoplus-wms/api', 'acme'],
    ['acme.example.com', 'acme.example.com'],
  ])('%s means %s', (typed, tenant) => {
    expect(tenantOf(typed)).toBe(tenant);
  });
});
