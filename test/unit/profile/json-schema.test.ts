import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema, profileJsonSchemaText } from '../../../src/profile/index.js';

const file = fileURLToPath(new URL('../../../src/profile/profile.schema.json', import.meta.url));

describe('profile JSON Schema', () => {
  it('describes every touchpoint and the field mapping options', () => {
    const schema = profileJsonSchema() as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties['touchpoints']?.properties ?? {}).sort()).toEqual(
      ['asns', 'inventory-adjustments', 'item-receipts', 'items', 'orders', 'shipments', 'vendors'].sort(),
    );
    const text = JSON.stringify(schema);
    for (const option of [
      'column',
      'const',
      'default',
      'trim',
      'case',
      'lookup',
      'maxLength',
      'truncate',
      'passwordEnv',
      'apiKeyEnv',
    ]) {
      expect(text).toContain(`"${option}"`);
    }
    expect(text).not.toContain('"password"');
  });

  it('is stored in src/profile/profile.schema.json for editors, up to date', async () => {
    // stored as the repo's formatter writes it, so `prettier --check` and this test agree
    const expected = await format(profileJsonSchemaText(), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    let stored = '';
    try {
      stored = readFileSync(file, 'utf8');
    } catch {
      stored = '';
    }
    // developers get the file refreshed; CI insists that the committed copy is current
    if (stored !== expected && process.env['CI'] !== 'true') {
      writeFileSync(file, expected);
      stored = expected;
    }
    expect(stored).toBe(expected);
  });
});
