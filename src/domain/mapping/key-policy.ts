/**
 * One key policy for every push touchpoint (pure): the Infoplus key of a record (customerOrderNo, poNo, sku,
 * vendorNo) is what every lookup, crash recovery and reconciliation finds it by, so a record without a usable
 * key, or two ERP records that map to one key, must never be sent. Used by the run, the dry run, `check` and
 * reconcile alike.
 */
import type { PushTouchpoint } from '../../contract/touchpoints.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';

/** The key a record is sent with, and the form two keys are compared in. */
export type KeyVerdict =
  | { readonly ok: true; readonly key: string; readonly canonical: string }
  | { readonly ok: false; readonly reason: string };

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The comparison form of a key: trimmed and upper-cased. Infoplus upper-cases SKUs; whether it compares the
 * other keys case-sensitively is not documented, so two keys that differ only in case or surrounding blanks
 * are treated as one (parked as a collision rather than risk a merge).
 */
export function canonicalKey(value: string): string {
  return value.trim().toUpperCase();
}

/** Applies the key policy to the key field value of a built payload. */
export function checkInfoplusKey(tp: PushTouchpoint, value: unknown): KeyVerdict {
  const { keyField: field, keyRule: rule } = PUSH_MODELS[tp];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return {
      ok: false,
      reason: `${field} is empty: Infoplus could never find this record again by its key. Fill in the key in the ERP (or map ${field} from a column that always has a value).`,
    };
  }
  const key = typeof value === 'string' ? value : String(value);
  if (CONTROL.test(key)) {
    return {
      ok: false,
      reason: `${field} "${JSON.stringify(key).slice(1, -1)}" contains control characters`,
    };
  }
  if (rule?.wholeNumber === true && !/^\d+$/.test(key.trim())) {
    return {
      ok: false,
      reason: `${field} "${key}" is not a whole number (Infoplus keeps ${field} as a number)`,
    };
  }
  const max = rule?.maxLength;
  if (max !== undefined && key.trim().length > max) {
    return {
      ok: false,
      reason: `${field} "${key}" is ${key.trim().length} characters; Infoplus allows ${max}. A key is never cut (two keys could become one): shorten it in the ERP.`,
    };
  }
  return { ok: true, key, canonical: canonicalKey(key) };
}

/**
 * Groups ERP records by the Infoplus key they map to and returns the groups of more than one (the collisions),
 * keyed by canonical key. For dry run, check and reconcile, which see every record at once.
 */
export function findKeyCollisions(
  records: Iterable<{ readonly recordKey: string; readonly canonical: string }>,
): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const r of records) {
    const list = by.get(r.canonical);
    if (list) {
      if (!list.includes(r.recordKey)) list.push(r.recordKey);
    } else by.set(r.canonical, [r.recordKey]);
  }
  for (const [k, list] of by) if (list.length < 2) by.delete(k);
  return by;
}
