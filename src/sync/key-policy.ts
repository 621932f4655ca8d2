/**
 * One key policy for every push touchpoint, applied before anything is sent. The Infoplus key of a record
 * (customerOrderNo, poNo, sku, vendorNo) is what every lookup, crash recovery and reconciliation finds it by:
 * a record without a usable key, or two ERP records that map to one key, would be created but never found
 * again, or silently merged. Such records are parked instead; nothing is adopted or overwritten.
 */
import type { ClassifiedError } from '../domain/error-classification.js';

export {
  canonicalKey,
  checkInfoplusKey,
  findKeyCollisions,
  type KeyVerdict,
} from '../domain/mapping/key-policy.js';

/** The inbox entry of a record whose key is empty or invalid. */
export function invalidKeyError(label: string, recordKey: string, reason: string): ClassifiedError {
  return {
    category: 'key-collision',
    fixBy: 'erp-user',
    message: `Invalid key: ${label} ${recordKey}: ${reason}`,
    infoplusMessages: [],
    hint: 'Correct the key of this record in the ERP; it is sent automatically once it changes. Nothing was sent to Infoplus.',
    transient: false,
    stopsRun: false,
    maybeApplied: false,
  };
}

/**
 * The inbox entry of an ERP record that maps to the same Infoplus key as other ERP records. Transient: it is
 * checked again by itself, so it clears once one of the records is renamed in the ERP.
 */
export function keyCollisionError(
  label: string,
  recordKey: string,
  infoplusKey: string,
  others: readonly string[],
): ClassifiedError {
  const all = [recordKey, ...others.filter((o) => o !== recordKey)].sort();
  return {
    category: 'key-collision',
    fixBy: 'erp-user',
    message: `Key collision: ERP ${label}s ${all.map((k) => JSON.stringify(k)).join(' and ')} all become Infoplus key "${infoplusKey}"`,
    infoplusMessages: [],
    hint: 'Two ERP records would feed one Infoplus record and overwrite each other, so none of them is sent, adopted or updated. Rename all but one in the ERP (or change the key mapping: trim/case); they are checked again by themselves.',
    transient: true,
    stopsRun: false,
    maybeApplied: false,
  };
}
