import { describe, expect, it } from 'vitest';
import { rowsFingerprint } from '../../../src/domain/mapping/fingerprint.js';

// The journal keeps these fingerprints across upgrades: a different text for the same rows would make the next
// full scan compare every record by content again (no API call, but a slow scan that rewrites the journal).
// This pins the format; change it only together with a migration or a fallback that recognises the old one.
describe('rowsFingerprint', () => {
  const rec = {
    key: 'SO-1',
    header: {
      order_no: 'SO-1',
      total: '12.50',
      qty: 3,
      big: 9007199254740993n,
      shipped: true,
      notes: null,
      at: new Date(Date.UTC(2024, 2, 1, 10, 0, 0)),
      bin: new Uint8Array([0, 255]),
      misc: { b: 1, a: [1, 'x'] },
    },
    lines: [
      { sku: 'A', qty: 1 },
      { sku: 'B', qty: 2.5 },
    ],
    watermark: null,
    fingerprint: null,
  };

  it('keeps the format the journal already holds', () => {
    expect(rowsFingerprint(rec)).toBe('rows:1G5y6G5jRbM8NC8YbKnAUvNBqFs=');
  });

  it('changes with any value of the header or of a line, and with the line order', () => {
    const base = rowsFingerprint(rec);
    expect(rowsFingerprint({ ...rec, header: { ...rec.header, qty: 4 } })).not.toBe(base);
    expect(rowsFingerprint({ ...rec, header: { ...rec.header, notes: '' } })).not.toBe(base);
    expect(rowsFingerprint({ ...rec, lines: [rec.lines[0]!, { sku: 'B', qty: 2.6 }] })).not.toBe(base);
    expect(rowsFingerprint({ ...rec, lines: [rec.lines[1]!, rec.lines[0]!] })).not.toBe(base);
  });
});
