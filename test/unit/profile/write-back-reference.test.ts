import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { withWriteBackReference, writeBackReference } from '../../../src/profile/write-back-reference.js';

const README = fileURLToPath(new URL('../../../src/profile/README.md', import.meta.url));

describe('write-back parameter reference', () => {
  it('names the engine parameters and the model fields each statement receives', () => {
    const text = writeBackReference();
    expect(text).toMatch(/#### shipments[\s\S]*`@isShipped` \| integer/);
    expect(text).toMatch(/Lines `from: orderLines`[\s\S]*`@line_shippedQty`[\s\S]*`@line_id` \(int\)/);
    expect(text).toMatch(/#### item-receipts[\s\S]*`@asnLineId`[\s\S]*`@receivedQuantity` \(int\)/);
    expect(text).toMatch(/#### inventory-adjustments[\s\S]*`@adjustmentCode`/);
  });

  it('is current in src/profile/README.md', async () => {
    const stored = readFileSync(README, 'utf8');
    const expected = await format(withWriteBackReference(stored), {
      ...(await resolveConfig(README)),
      filepath: README,
    });
    // developers get the file refreshed; CI insists that the committed copy is current
    if (stored !== expected && process.env['CI'] !== 'true') writeFileSync(README, expected);
    else expect(stored).toBe(expected);
  });
});
