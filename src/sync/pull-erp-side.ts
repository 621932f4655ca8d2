/**
 * What a pulled record wrote, in the ERP's terms: the run history lists pulls by Infoplus id, which an ERP user
 * cannot look up; the ERP order, PO or SKU the write-back went to is what they can.
 */
import type { ErpSide } from './touchpoints/index.js';

/** "Written to ERP order SO-1001", or what was written when the ERP record is not known. */
export function erpSideNote(side: ErpSide, units: readonly object[]): string {
  const keys = [
    ...new Set(
      units
        .map((u) => (u as Record<string, unknown>)[side.field])
        .filter((v): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number')
        .map(String),
    ),
  ];
  if (keys.length === 0) return 'Written; the ERP record it belongs to is not known to Infoplus';
  return `Written to ${keys.length === 1 ? side.one : side.many} ${keys.join(', ')}`;
}
