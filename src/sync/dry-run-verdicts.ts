/**
 * The dry run's per-record verdicts: what the run would do with each ERP record (create, update with the
 * fields that would change, leave unchanged, or refuse and why), by the same rules `check` applies.
 */
import type { DryRunRecord, PushTouchpoint } from '../contract/index.js';
import { withoutCreateOnly } from '../domain/mapping/index.js';
import { createOnlyOf } from '../profile/lifecycle.js';
import { changedFields } from './dry-run-diff.js';
import type { Candidate } from './push-types.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { DryRunEnv } from './dry-run.js';

/** Most records listed per touchpoint (the counts cover every record). */
const MAX_LISTED = 5000;

/** Verdicts by ERP key: a later verdict (a key collision found at the end) replaces an earlier one. */
export class RecordVerdicts {
  private readonly byKey = new Map<string, DryRunRecord>();
  note(v: DryRunRecord): void {
    if (this.byKey.size < MAX_LISTED || this.byKey.has(v.recordKey)) this.byKey.set(v.recordKey, v);
  }
  list(): DryRunRecord[] {
    return [...this.byKey.values()];
  }
}

/** A record parked in the inbox: the run passes over it until it changes or a retry is due. */
export function parkedVerdict(env: DryRunEnv, tp: PushTouchpoint, recordKey: string): DryRunRecord {
  const last = env.store.journal.get(tp, recordKey)?.lastError;
  return {
    recordKey,
    verdict: 'refused',
    reason: `waits in the error inbox until it changes or is retried${last ? `: ${last}` : ''}`,
  };
}

/** Create, or update naming the fields that differ from the record Infoplus holds now (one look-up). */
export async function candidateVerdict(
  env: DryRunEnv,
  tp: PushTouchpoint,
  c: Candidate,
): Promise<DryRunRecord> {
  if (c.op === 'create') return { recordKey: c.key, verdict: 'create' };
  const res = PUSH_DEFINITIONS[tp];
  // an update never sends the createOnly fields: they are no change to name
  const sent = withoutCreateOnly(c.payload, createOnlyOf(tp, env.profile.touchpoints[tp]));
  try {
    const held = await res.lookup(env.infoplus, env.profile.infoplus.lobId, c.keyValue);
    if (held) return { recordKey: c.key, verdict: 'update', changedFields: changedFields(sent, held) };
  } catch {
    // the fields stay unnamed; the verdict itself does not depend on the look-up
  }
  return { recordKey: c.key, verdict: 'update' };
}

/**
 * A record cancelled in the ERP that this app sent: with onCancel: delete an update (it is deleted while
 * Infoplus allows it), else refused (reported: cancel it in Infoplus by hand). Never sent: nothing to do.
 */
export function cancelVerdict(
  env: DryRunEnv,
  tp: PushTouchpoint,
  recordKey: string,
  infoplusId: string | null,
): DryRunRecord {
  if (infoplusId === null) return { recordKey, verdict: 'unchanged' };
  const res = PUSH_DEFINITIONS[tp];
  const cfg = env.profile.touchpoints[tp];
  const onCancel = cfg && 'onCancel' in cfg ? cfg.onCancel : undefined;
  return onCancel === 'delete'
    ? {
        recordKey,
        verdict: 'update',
        reason: `cancelled in the ERP: deleted in Infoplus (${res.idField} ${infoplusId}) while Infoplus still allows it, else reported to cancel by hand`,
      }
    : {
        recordKey,
        verdict: 'refused',
        reason: `cancelled in the ERP: cancel ${res.label} ${recordKey} (${res.idField} ${infoplusId}) in Infoplus by hand (onCancel: report)`,
      };
}
