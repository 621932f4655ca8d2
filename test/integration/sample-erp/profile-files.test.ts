import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../../src/profile/index.js';
import { sampleProfilePath, sampleProfileText } from '../../../src/erp/sample/index.js';

// The YAML copies in src/erp/sample/profiles/ are for people and editors; the code uses sampleProfileText().
describe('sample profile files', () => {
  it.each(['sqlserver', 'postgres', 'mysql', 'sqlite'] as const)(
    '%s.yaml is current and valid',
    async (driver) => {
      const file = sampleProfilePath(driver);
      const text = sampleProfileText(driver, { schemaPath: '../../../profile/profile.schema.json' });
      const expected = await format(text, { ...(await resolveConfig(file)), filepath: file });
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
      expect(parseProfile(stored).connections?.erp?.driver).toBe(driver);
    },
  );
});
