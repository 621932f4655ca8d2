/**
 * Settling outcome-unknown writes, and what the sender does after a failed send. Pure: no I/O, no clock.
 *
 * A create whose answer never came (timeout, reset, 502/504, a crash mid-request) may still be committed by
 * Infoplus much later (a slow server answers after our timeout and then commits). Looking the key up once and
 * re-sending when nothing is found makes a second copy; so such a record *settles*: it is looked up again on a
 * schedule (offsets from the moment the outcome became unknown) and re-sent only after a lookup at or past the
 * end of the window still finds nothing.
 */
import type { ClassifiedError } from '../domain/error-classification.js';

/** Default lookup offsets after an unknown outcome: +30 s, +2 min, +10 min (the window ends at the last). */
export const DEFAULT_SETTLE_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000];

/** What to do with a settling record after a lookup that did not find it. */
export type SettleStep =
  /** Not yet: look it up again at `at` (the record keeps waiting; nothing is sent). */
  | { readonly kind: 'recheck'; readonly at: Date; readonly checks: number }
  /** The window passed without the record appearing: Infoplus never received it, send it again. */
  | { readonly kind: 'resend' };

/**
 * The next step for a record whose outcome became unknown at `since` and whose lookup at `now` found nothing.
 * `delaysMs` are offsets from `since`, ascending; an empty list re-sends at once (tests only).
 */
export function nextSettleStep(
  since: Date,
  now: Date,
  checks: number,
  delaysMs: readonly number[],
): SettleStep {
  const elapsed = now.getTime() - since.getTime();
  const windowMs = delaysMs.length === 0 ? 0 : delaysMs[delaysMs.length - 1]!;
  if (elapsed >= windowMs) return { kind: 'resend' };
  const next = delaysMs.find((d) => d > elapsed) ?? windowMs;
  return { kind: 'recheck', at: new Date(since.getTime() + next), checks: checks + 1 };
}

/** True when a settling record's next lookup is due. */
export function settleCheckDue(nextCheckAt: string | null, now: Date): boolean {
  return nextCheckAt === null || Date.parse(nextCheckAt) <= now.getTime();
}

/** The failure as the sender's decision needs it. */
export interface FailureFacts {
  readonly op: 'create' | 'update';
  /** The ERP write-back after a confirmed Infoplus write failed (Infoplus has the record). */
  readonly phase: 'infoplus-write' | 'erp-write';
  /** The Infoplus error kind (validation, not-found, server, network, outcome-unknown, ...), if any. */
  readonly kind: string | undefined;
  readonly cls: Pick<ClassifiedError, 'transient' | 'stopsRun' | 'maybeApplied'>;
  /** Attempts of this record so far in this run (1 = the first). */
  readonly attempt: number;
  readonly inlineAttempts: number;
  /** The run is stopping (cancelled, lease lost, another record aborted it). */
  readonly stopping: boolean;
}

/** What the sender does after a failed send. */
export type FailureDecision =
  /** Stop the whole run (auth refused, ERP gone); the intent is dropped unless the write may have landed. */
  | { readonly do: 'abort' }
  /** Park the record in the inbox (Infoplus refused it for certain, or retries ran out). */
  | { readonly do: 'park' }
  /** Infoplus has the record but the ERP part failed: park; the outbox row (with the id) finishes it later. */
  | { readonly do: 'park-erp' }
  /** Try the same request again now (after `delayMs`): it certainly did not take effect. */
  | { readonly do: 'retry'; readonly delayMs: number }
  /** The write may have landed: look the key up; if absent, settle (never re-send now). */
  | { readonly do: 'settle' }
  /**
   * Infoplus refused the request (400/404): look things up before deciding, never read its wording. A create:
   * is the key already there (a duplicate; ours or not)? An update: is the record still editable? Both: is a
   * record it refers to missing?
   */
  | { readonly do: 'investigate' };

/** Decides after a failed send; table-driven tests cover every row. */
export function decideAfterFailure(f: FailureFacts): FailureDecision {
  if (f.phase === 'erp-write') return f.cls.stopsRun ? { do: 'abort' } : { do: 'park-erp' };
  if (f.cls.stopsRun) return { do: 'abort' };
  if (f.kind === 'validation' || f.kind === 'not-found') return { do: 'investigate' };
  // An update is idempotent (PUT of the whole record): it may simply be sent again.
  if (f.cls.maybeApplied && f.op === 'create') return { do: 'settle' };
  if (f.cls.transient && f.attempt < f.inlineAttempts && !f.stopping) {
    return { do: 'retry', delayMs: Math.min(2000, 100 * 2 ** f.attempt) };
  }
  return { do: 'park' };
}

/** What the lookups after a refusal (400/404) found. */
export interface RefusalFacts {
  readonly op: 'create' | 'update';
  readonly kind: string | undefined;
  /** Infoplus holds a record under this record's key. */
  readonly keyFound: boolean;
  /** For an update: whether the record, as looked up, may still change (null: not found / not asked). */
  readonly editable: boolean | null;
  /** Referenced records (line SKUs, vendor) Infoplus does not have. */
  readonly missing: readonly string[];
  /** The payload refers to other records at all. */
  readonly refersToOthers: boolean;
  readonly attempt: number;
}

/** What the sender does after a refusal, from lookups only (never from the answer's wording). */
export type RefusalDecision =
  /** A create whose key Infoplus has: linked if that record is this ERP record's, else parked. */
  | { readonly do: 'adopt-or-park' }
  /** An update of a record past its editable status. */
  | { readonly do: 'not-editable' }
  /** Something it refers to is missing: waits (retried by itself) until it is there. */
  | { readonly do: 'wait-for-reference' }
  /** Everything it refers to is there now (it landed a moment ago): sent once more. */
  | { readonly do: 'retry' }
  /** Refused for its own data: parked for a person. */
  | { readonly do: 'park' };

/** Decides after a refusal from what the lookups found; table-driven tests cover every row. */
export function decideAfterRefusal(f: RefusalFacts): RefusalDecision {
  if (f.kind !== 'validation') return { do: 'park' };
  if (f.op === 'create' && f.keyFound) return { do: 'adopt-or-park' };
  if (f.op === 'update' && f.editable === false) return { do: 'not-editable' };
  if (f.missing.length > 0) return { do: 'wait-for-reference' };
  if (f.attempt === 1 && f.refersToOthers) return { do: 'retry' };
  return { do: 'park' };
}

/** The inbox entry of a settling record: not failed, not succeeded; looked up again by itself. */
export function settlingError(
  reason: string,
  label: string,
  key: string,
  nextCheckAt: Date,
): ClassifiedError {
  return {
    category: 'settling',
    fixBy: 'admin',
    message: `Checking whether Infoplus received it: ${label} ${key} was sent but no answer came back (${reason})`,
    infoplusMessages: [],
    hint: `Nothing to do. Infoplus may still be working on it, so it is not sent again; it is looked up again at ${nextCheckAt.toISOString()} and sent again only if it has not appeared by the end of the settle window.`,
    transient: true,
    stopsRun: false,
    maybeApplied: true,
  };
}
