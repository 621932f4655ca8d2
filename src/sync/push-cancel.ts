/**
 * A record cancelled in the ERP (profile cancelWhen) that this app pushed: deleted in Infoplus while Infoplus
 * still allows it (onCancel: delete), otherwise parked as "Cancel ... in Infoplus by hand" naming it. Decided by
 * looking the record up (its status) and by the DELETE's status code, never by Infoplus's wording.
 */
import type { PushTouchpoint } from '../contract/index.js';
import { classifyError, type ClassifiedError } from '../domain/error-classification.js';
import { pushConfig } from '../domain/mapping/index.js';
import { NotFoundError, ValidationError, type InfoplusClient } from '../infoplus/index.js';
import { CANCEL_SETTLED } from './push-judge.js';
import type { InfoplusRecord } from './push-resources.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { RunContext } from './run-context.js';
import type { SyncEnv } from './sync-env.js';
import { RunAbort } from './types.js';

/** What a person calls the record in "Cancel ... in Infoplus by hand". */
const NOUN: Partial<Record<PushTouchpoint, string>> = { orders: 'order', asns: 'purchase order (ASN)' };

/** Statuses of a record cancelled in Infoplus already (API.md §7: `Cancelled`). */
const CANCELLED_STATUSES = new Set(['CANCELLED', 'CANCELED']);

/** Whether Infoplus shows the record cancelled. */
export function cancelledInInfoplus(r: InfoplusRecord): boolean {
  return CANCELLED_STATUSES.has(String(r.status ?? '').toUpperCase());
}

function resourceOf(client: InfoplusClient, tp: PushTouchpoint) {
  if (tp === 'orders') return client.order;
  if (tp === 'asns') return client.asn;
  throw new Error(`${tp} cannot be cancelled in Infoplus`);
}

/** The record as Infoplus holds it now, or null when it has none. */
async function lookUp(
  client: InfoplusClient,
  tp: PushTouchpoint,
  id: string,
): Promise<InfoplusRecord | null> {
  try {
    return (await resourceOf(client, tp).get(Number(id))) as InfoplusRecord;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

/** Carries out the cancellation of one record (a real run; the dry run only names it). */
export async function cancelInInfoplus(
  ctx: RunContext,
  env: SyncEnv,
  tp: PushTouchpoint,
  recordKey: string,
  v: { readonly infoplusId: string | null; readonly hash: string },
): Promise<void> {
  const res = PUSH_DEFINITIONS[tp];
  const id = v.infoplusId;
  if (id === null) {
    // never in Infoplus (its create failed): nothing to cancel there, and it is not created
    ctx.store.journal.forget(tp, recordKey);
    ctx.resolved(recordKey);
    ctx.outcome(recordKey, 'unchanged');
    return;
  }
  const noun = NOUN[tp] ?? res.label;
  const byHand = (held: InfoplusRecord, why: string): void => {
    const name = String(held[res.keyField] ?? recordKey);
    ctx.park(recordKey, byHandError(noun, name, res.idField, id, held, why), { contentHash: v.hash });
  };
  const settled = (held: InfoplusRecord | null, message: string): void => {
    ctx.store.transaction(() => {
      if (held === null) ctx.store.journal.forget(tp, recordKey);
      else
        ctx.store.journal.markDone({
          touchpoint: tp,
          recordKey,
          infoplusId: id,
          contentHash: CANCEL_SETTLED,
          at: ctx.now(),
        });
    });
    ctx.resolved(recordKey);
    ctx.outcome(recordKey, 'updated', { infoplusId: id, message });
  };
  try {
    ctx.checkMaySend();
    const held = await lookUp(env.infoplus, tp, id);
    if (held === null)
      return settled(null, `cancelled in the ERP; Infoplus no longer has ${res.idField} ${id}`);
    if (cancelledInInfoplus(held)) return settled(held, `cancelled in the ERP and in Infoplus`);
    if (pushConfig(env.profile, tp).onCancel !== 'delete') return byHand(held, 'onCancel is report');
    if (!res.stillEditable(held)) {
      return byHand(
        held,
        `Infoplus no longer allows deleting it (status ${String(held.status ?? 'unknown')})`,
      );
    }
    try {
      await resourceOf(env.infoplus, tp).delete(Number(id));
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof NotFoundError)) throw e;
      // refused (a 4xx): what it is now decides, never the answer's wording
      const now = await lookUp(env.infoplus, tp, id);
      if (now === null)
        return settled(null, `deleted in Infoplus (${res.idField} ${id}): cancelled in the ERP`);
      if (cancelledInInfoplus(now)) return settled(now, `cancelled in the ERP and in Infoplus`);
      return byHand(
        now,
        `Infoplus refused to delete it (HTTP ${e.status ?? '4xx'}, status ${String(now.status ?? 'unknown')})`,
      );
    }
    settled(null, `deleted in Infoplus (${res.idField} ${id}): cancelled in the ERP`);
  } catch (e) {
    if (e instanceof RunAbort) throw e;
    const cls = classifyError(e, 'infoplus-write');
    if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
    // looked at again on its retry
    ctx.park(
      recordKey,
      { ...cls, message: `Cancelling ${noun} ${recordKey} in Infoplus: ${cls.message}`, transient: true },
      { contentHash: v.hash },
    );
  }
}

function byHandError(
  noun: string,
  name: string,
  idField: string,
  id: string,
  held: InfoplusRecord,
  why: string,
): ClassifiedError {
  return {
    category: 'infoplus-validation',
    fixBy: 'infoplus-user',
    message: `Cancel ${noun} ${name} in Infoplus by hand: it was cancelled in the ERP after it was sent (${idField} ${id}, status ${String(held.status ?? 'unknown')}); ${why}.`,
    infoplusMessages: [],
    hint: 'Cancel it in Infoplus (or stop it from shipping), then press Retry: the run sees it cancelled there and closes this item. Nothing was changed in Infoplus.',
    transient: false,
    stopsRun: false,
    maybeApplied: false,
  };
}
