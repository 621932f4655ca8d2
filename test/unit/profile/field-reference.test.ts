import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { fieldReference, withFieldReference } from '../../../src/profile/field-reference.js';

const README = fileURLToPath(new URL('../../../src/profile/README.md', import.meta.url));

describe('Infoplus field tables per touchpoint', () => {
  it('lists each push touchpoint with its fields, types and required flags', () => {
    const text = fieldReference();
    expect(text).toMatch(
      /#### vendors \(Infoplus `Vendor`, key `vendorNo`\)[\s\S]*\| `vendorNo` \| int \| key; \*\*yes\*\* \|/,
    );
    expect(text).toMatch(
      /#### orders[\s\S]*\| `customerNo` \| string \| \*\*one of\*\* customerNo, billToCompany \|/,
    );
    expect(text).toMatch(
      /#### orders[\s\S]*\| `warehouseId` \| int \| \*\*yes\*\*; from `infoplus:` unless mapped \|/,
    );
    // the lines of an order are a table of their own, with their own required fields
    expect(text).toMatch(
      /Lines \(`lines.fields`, Infoplus `OrderLine` in `lineItems`\)[\s\S]*\| `orderedQty` \| int \| \*\*yes\*\* \|/,
    );
    expect(text).toMatch(/#### items[\s\S]*\| `majorGroupId` \| int \| \*\*yes\*\* \|/);
    // read-only fields are named as not mappable, never offered as a row
    const orders = text.slice(text.indexOf('#### orders'));
    expect(orders).not.toMatch(/\| `createDate` \|/);
    expect(orders).toMatch(/Not mappable from one column[^\n]*`createDate`/);
  });

  it('is current in src/profile/README.md', async () => {
    const stored = readFileSync(README, 'utf8');
    const expected = await format(withFieldReference(stored), {
      ...(await resolveConfig(README)),
      filepath: README,
    });
    // developers get the file refreshed; CI insists that the committed copy is current
    if (stored !== expected && process.env['CI'] !== 'true') writeFileSync(README, expected);
    else expect(stored).toBe(expected);
  });
});
