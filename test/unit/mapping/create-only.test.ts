// createOnly on a built payload: what change detection compares for a record Infoplus has, and what an
// update marks to be kept as Infoplus holds it.
import { describe, expect, it } from 'vitest';
import { markCreateOnly, withoutCreateOnly } from '../../../src/domain/mapping/index.js';
import { createOnlyOf } from '../../../src/profile/lifecycle.js';

const payload = {
  poNo: 'PO-1',
  vendorId: 3,
  remarks: 'r',
  lineItems: [
    { sku: 'A', orderQuantity: 5, cost: 1 },
    { sku: 'B', orderQuantity: 2, cost: 2 },
  ],
};

describe('createOnly on a payload', () => {
  it('splits header fields, line fields and the whole lines field', () => {
    const spec = createOnlyOf('asns', { createOnly: ['vendorId', 'lineItems.orderQuantity'] })!;
    expect([...spec.header]).toEqual(['vendorId']);
    expect([...spec.lines]).toEqual(['orderQuantity']);
    expect(createOnlyOf('asns', { createOnly: [] })).toBeNull();
    expect(createOnlyOf('asns', {})).toBeNull();
  });

  it('leaves the create-only fields out of what is compared, on every line', () => {
    const spec = createOnlyOf('asns', { createOnly: ['vendorId', 'lineItems.orderQuantity'] });
    expect(withoutCreateOnly(payload, spec)).toEqual({
      poNo: 'PO-1',
      vendorId: undefined,
      remarks: 'r',
      lineItems: [
        { sku: 'A', orderQuantity: undefined, cost: 1 },
        { sku: 'B', orderQuantity: undefined, cost: 2 },
      ],
    });
    // whole lines: no line field is compared once the record exists
    expect(withoutCreateOnly(payload, createOnlyOf('asns', { createOnly: ['lineItems'] }))['lineItems']).toBe(
      undefined,
    );
    expect(withoutCreateOnly(payload, null)).toBe(payload);
  });

  it('marks them for an update, leaving the payload itself as it was', () => {
    const spec = createOnlyOf('asns', { createOnly: ['lineItems.orderQuantity'] });
    const marked = markCreateOnly(payload, spec, (v) => ({ keep: v }));
    expect(marked['lineItems']).toEqual([
      { sku: 'A', orderQuantity: { keep: 5 }, cost: 1 },
      { sku: 'B', orderQuantity: { keep: 2 }, cost: 2 },
    ]);
    expect(payload.lineItems[0]!.orderQuantity).toBe(5);
  });
});
