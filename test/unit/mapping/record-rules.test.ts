import { describe, expect, it } from 'vitest';
import { refusalsOf, skuProblem } from '../../../src/domain/mapping/record-rules.js';
import type { BuiltPayload } from '../../../src/domain/mapping/types.js';

const built = (payload: Record<string, unknown>, problems: BuiltPayload['problems'] = []): BuiltPayload => ({
  key: 'k',
  payload,
  problems,
});

describe('record rules: why Infoplus would refuse a payload', () => {
  it('accepts a SKU Infoplus takes, after it upper-cases and trims it', () => {
    expect(skuProblem(' ab-1#_./x ')).toBeNull();
  });

  it('names the characters Infoplus refuses in a SKU, and a SKU that is too long', () => {
    expect(skuProblem('AB C!')).toMatch(/characters Infoplus refuses \(" !"\)/);
    expect(skuProblem('X'.repeat(21))).toMatch(/21 characters; Infoplus allows 20/);
  });

  it('passes a valid order', () => {
    const order = { customerOrderNo: 'SO-1', lineItems: [{ sku: 'A1', orderedQty: 2 }] };
    expect(refusalsOf('orders', built(order))).toEqual([]);
  });

  it('lists every reason of one record: key policy, line SKU, quantity below 1, mapping problems', () => {
    const order = {
      customerOrderNo: '  ',
      lineItems: [
        { sku: 'OK-1', orderedQty: 1 },
        { sku: 'bad sku', orderedQty: 0 },
      ],
    };
    const reasons = refusalsOf(
      'orders',
      built(order, [
        { field: 'lineItems[0].orderedQty', message: '2.5 is not a whole number', category: 'erp-data' },
      ]),
    );
    expect(reasons.map((r) => r.field)).toEqual([
      'lineItems[0].orderedQty',
      'customerOrderNo',
      'lineItems[1].sku',
      'lineItems[1].orderedQty',
    ]);
    expect(reasons[1]?.message).toMatch(/customerOrderNo is empty/);
    expect(reasons[3]?.message).toMatch(/at least 1/);
  });

  it("checks an item's SKU character set beyond the key policy, and a vendor number that is no number", () => {
    expect(refusalsOf('items', built({ sku: 'CAFÉ-1' }))).toEqual([
      expect.objectContaining({ field: 'sku', message: expect.stringMatching(/"É"/) }),
    ]);
    expect(refusalsOf('vendors', built({ vendorNo: 'V-12' }))).toEqual([
      expect.objectContaining({ field: 'vendorNo', message: expect.stringMatching(/not a whole number/) }),
    ]);
  });

  it('does not repeat a field the mapping already refused', () => {
    const reasons = refusalsOf(
      'items',
      built({}, [{ field: 'sku', message: 'missing value', category: 'erp-data' }]),
    );
    expect(reasons).toHaveLength(1);
  });
});
