import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildPayload } from '../../../src/domain/mapping/index.js';
import { sampleProfileObject } from '../../../src/erp/sample/sample-profile.js';
import { parseProfile, ProfileError } from '../../../src/profile/index.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const withSellPrice = (spec: unknown): string => {
  const doc = structuredClone(sampleProfileObject('sqlite')) as Doc;
  doc['touchpoints']['items']['fields']['sellPrice'] = spec;
  return stringify(doc);
};

describe('type: decimal with scale in a profile', () => {
  it('rounds the mapped value half away from zero', () => {
    const profile = parseProfile(withSellPrice({ column: 'unit_price', type: 'decimal', scale: 2 }));
    const rec = {
      key: 'A-1',
      header: { sku: 'A-1', description: 'x', active: true, unit_price: '2.3450', upc: null },
      lines: [],
      watermark: null,
    };
    expect(buildPayload(profile, 'items', rec).payload['sellPrice']).toBe(2.35);
  });

  it('refuses a scale on a field that is not a decimal, naming the field', () => {
    let problems: readonly { path: string; message: string }[] = [];
    try {
      parseProfile(withSellPrice({ column: 'unit_price', type: 'int', scale: 2 }), 'p.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      problems = (e as ProfileError).problems;
    }
    expect(problems.map((p) => p.path)).toContain('touchpoints.items.fields.sellPrice.scale');
    expect(problems.find((p) => p.path.endsWith('.scale'))?.message).toMatch(/type: decimal/);
  });
});
