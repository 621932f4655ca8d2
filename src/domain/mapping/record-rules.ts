/**
 * Why Infoplus would refuse one built payload, decided before anything is sent (pure). One list of rules for
 * `check`'s sample and the dry run, so neither passes a record the run or Infoplus then refuses: the mapping's
 * own problems (required fields, whole numbers, lengths), the key policy, Infoplus's SKU rule and positive line
 * quantities (API.md §2, §7).
 */
import type { PushTouchpoint } from '../../contract/touchpoints.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import { checkInfoplusKey } from './key-policy.js';
import type { BuiltPayload } from './types.js';

/** One reason a record would be refused, with the Infoplus field it concerns. */
export interface Refusal {
  readonly field: string;
  readonly message: string;
  /** erp-data: an ERP user fixes the record; mapping: an admin fixes the profile. */
  readonly category: 'erp-data' | 'mapping';
}

/** Infoplus's SKU rule after it trims and upper-cases: 1 to 20 of A-Z 0-9 # _ - . / (KB; API.md §2). */
const SKU_PATTERN = /^[A-Z0-9#_\-./]{1,20}$/;

/** A SKU's problem under Infoplus's rule, or null. */
export function skuProblem(value: string): string | null {
  const sku = value.trim().toUpperCase();
  if (SKU_PATTERN.test(sku)) return null;
  const bad = [...new Set(sku.replace(/[A-Z0-9#_\-./]/g, ''))].join('');
  if (sku.length > 20) return `SKU "${value}" is ${sku.length} characters; Infoplus allows 20`;
  if (sku.length === 0) return 'SKU is empty';
  return `SKU "${value}" has characters Infoplus refuses (${JSON.stringify(bad)}); it takes A-Z 0-9 # _ - . /`;
}

/** Every reason Infoplus (or the run's key policy) would refuse this built payload; empty when it would pass. */
export function refusalsOf(tp: PushTouchpoint, built: BuiltPayload): Refusal[] {
  const out: Refusal[] = built.problems.map((p) => ({
    field: p.field,
    message: p.message,
    category: p.category,
  }));
  const { keyField, keyRule, lines: linesOf } = PUSH_MODELS[tp];
  const mappedKey = out.some((r) => r.field === keyField);
  if (!mappedKey) {
    const key = checkInfoplusKey(tp, built.payload[keyField]);
    if (!key.ok) out.push({ field: keyField, message: key.reason, category: 'erp-data' });
    else if (keyRule?.sku === true) {
      const p = skuProblem(key.key);
      if (p) out.push({ field: keyField, message: p, category: 'erp-data' });
    }
  }
  const linesField = linesOf?.field;
  const lines = linesField ? built.payload[linesField] : undefined;
  if (!linesField || !Array.isArray(lines)) return out;
  const qtyField = linesOf?.quantity;
  const skuField = linesOf?.key;
  for (const [i, raw] of lines.entries()) {
    const line = raw as Record<string, unknown>;
    const at = `${linesField}[${i}]`;
    const sku = skuField ? line[skuField] : undefined;
    if (typeof sku === 'string' && !out.some((r) => r.field === `${at}.${skuField}`)) {
      const p = skuProblem(sku);
      if (p) out.push({ field: `${at}.${skuField}`, message: p, category: 'erp-data' });
    }
    const qty = qtyField ? line[qtyField] : undefined;
    if (qtyField && typeof qty === 'number' && qty < 1 && !out.some((r) => r.field === `${at}.${qtyField}`)) {
      out.push({
        field: `${at}.${qtyField}`,
        message: `quantity ${qty}: Infoplus takes whole quantities of at least 1`,
        category: 'erp-data',
      });
    }
  }
  return out;
}
