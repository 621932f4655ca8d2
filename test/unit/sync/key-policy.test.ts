import { describe, expect, it } from 'vitest';
import {
  canonicalKey,
  checkInfoplusKey,
  findKeyCollisions,
  keyCollisionError,
} from '../../../src/sync/key-policy.js';

describe('key policy', () => {
  it('parks an empty key with a reason that names the field', () => {
    for (const v of [undefined, null, '', '   ']) {
      const k = checkInfoplusKey('orders', v);
      expect(k.ok).toBe(false);
      if (!k.ok) expect(k.reason).toMatch(/customerOrderNo is empty/);
    }
  });

  it('refuses control characters, a SKU over 20 and a poNo over 40 characters, a non-numeric vendorNo', () => {
    expect(checkInfoplusKey('orders', 'SO\u00011').ok).toBe(false);
    expect(checkInfoplusKey('items', 'A'.repeat(21))).toMatchObject({ ok: false, reason: /allows 20/ });
    expect(checkInfoplusKey('items', 'A'.repeat(20)).ok).toBe(true);
    expect(checkInfoplusKey('asns', 'P'.repeat(41)).ok).toBe(false);
    expect(checkInfoplusKey('vendors', 'V-1').ok).toBe(false);
    expect(checkInfoplusKey('vendors', 17)).toEqual({ ok: true, key: '17', canonical: '17' });
  });

  it('compares keys trimmed and case-blind: "SO-DUP" and "SO-DUP " are one Infoplus key', () => {
    expect(canonicalKey('SO-DUP ')).toBe(canonicalKey('SO-DUP'));
    expect(canonicalKey('sku-case')).toBe(canonicalKey('SKU-CASE'));
    const groups = findKeyCollisions([
      { recordKey: 'SO-DUP', canonical: canonicalKey('SO-DUP') },
      { recordKey: 'SO-DUP ', canonical: canonicalKey('SO-DUP ') },
      { recordKey: 'SO-2', canonical: canonicalKey('SO-2') },
    ]);
    expect([...groups]).toEqual([['SO-DUP', ['SO-DUP', 'SO-DUP ']]]);
  });

  it('names every ERP record of a collision in its message', () => {
    const e = keyCollisionError('item', 'sku-case', 'SKU-CASE', ['SKU-CASE']);
    expect(e.category).toBe('key-collision');
    expect(e.message).toContain('"SKU-CASE" and "sku-case"');
    expect(e.transient).toBe(true);
  });
});
