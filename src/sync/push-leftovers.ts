/** Intents left unresolved by an earlier run, settled before a push run reads anything. */
import type { PushTouchpoint } from '../contract/index.js';
import { classifyError } from '../domain/error-classification.js';
import { idOf } from './push-resources.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { RunContext } from './run-context.js';
import { nextSettleStep, settleCheckDue, settlingError } from './settle.js';
import type { SyncEnv } from './sync-env.js';
import { RunAbort } from './types.js';

/** The keys a push run must not send (settling, or their lookup failed) and the keys it must read again. */
export interface Leftovers {
  readonly keys: ReadonlySet<string>;
  readonly reread: ReadonlySet<string>;
}

/**
 * Settles intents left unresolved (a crash, a lost answer, a run that lost its lease): found in Infoplus ->
 * done; not found -> a never-sent intent is dropped and the record read again, while one that may have been
 * sent waits until the settle window passed without the record appearing. Returns the keys that must not be
 * sent in this run (settling, or the lookup failed) and the keys to read again.
 */
export async function reconcileLeftovers(
  ctx: RunContext,
  env: SyncEnv,
  tp: PushTouchpoint,
): Promise<Leftovers> {
  const res = PUSH_DEFINITIONS[tp];
  const keys = new Set<string>();
  const reread = new Set<string>();
  const now = ctx.clock();
  for (const o of ctx.store.outbox.unresolved(tp)) {
    ctx.checkAborted();
    // An update is idempotent: if it did not land, the record still differs and is simply sent again. An intent
    // never sent (pending) is dropped too: a create looks its key up before it is sent.
    if (o.operation === 'update' || o.state === 'pending') {
      ctx.store.outbox.remove(tp, o.recordKey);
      reread.add(o.recordKey);
      continue;
    }
    if (o.state === 'unknown' && !settleCheckDue(o.nextCheckAt, now)) {
      keys.add(o.recordKey);
      continue;
    }
    try {
      // Even with the id known (the ERP part failed after the create), the lookup brings the fields afterPush binds.
      const found = await res.lookup(env.infoplus, env.profile.infoplus.lobId, o.infoplusKey);
      if (!found) {
        const since = new Date(o.unknownSince ?? o.updatedAt);
        const step = nextSettleStep(since, now, o.checks, ctx.options.settleDelaysMs);
        if (step.kind === 'resend') {
          ctx.logger.info(
            { touchpoint: tp, recordKey: o.recordKey, since: since.toISOString() },
            'the settle window passed without the record appearing in Infoplus; it is sent again',
          );
          ctx.store.outbox.remove(tp, o.recordKey);
          reread.add(o.recordKey);
          continue;
        }
        ctx.store.outbox.markUnknown(tp, o.recordKey, {
          since: since.toISOString(),
          checks: step.checks,
          nextCheckAt: step.at.toISOString(),
          at: now.toISOString(),
        });
        keys.add(o.recordKey);
        ctx.park(
          o.recordKey,
          settlingError('looked up again, not there yet', res.label, o.infoplusKey, step.at),
          { contentHash: null, nextRetryAt: step.at, outcome: 'skipped' },
        );
        continue;
      }
      const id = idOf(res, found);
      if (!id) throw new Error(`Infoplus returned a ${res.label} without ${res.idField}`);
      await env.io.afterPush(env.erp, env.profile, tp, o.recordKey, found);
      ctx.pushed(
        o.recordKey,
        { infoplusId: id, contentHash: o.payloadHash },
        'reconciled',
        'found in Infoplus after an unconfirmed request',
      );
    } catch (e) {
      const cls = classifyError(e, 'infoplus-read');
      if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
      if ((e as { code?: unknown }).code === 'ETIMEDOUT') {
        // Infoplus does not answer: every further lookup would wait as long; say so now.
        throw new RunAbort(
          `Infoplus accepts connections but does not answer (${cls.message}); the run stopped. The records waiting to be confirmed are looked up on the next run.`,
          'failed',
          { cause: e },
        );
      }
      keys.add(o.recordKey);
      if (o.state === 'sent') {
        ctx.store.outbox.markUnknown(tp, o.recordKey, {
          since: o.updatedAt,
          checks: o.checks,
          nextCheckAt: null,
          at: now.toISOString(),
        });
      }
      ctx.logger.warn({ touchpoint: tp, recordKey: o.recordKey }, `could not reconcile yet: ${cls.message}`);
    }
  }
  return { keys, reread };
}
