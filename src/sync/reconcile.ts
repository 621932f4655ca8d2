/**
 * Reconciliation: every ERP record of a push touchpoint against every Infoplus record of the line of business,
 * with this app's journal in between. Reports what disagrees in plain words and, on request, repairs what can
 * be repaired safely:
 * - missing / gone from Infoplus: queued to be sent on the next run (shown in the error inbox until sent);
 * - untracked (already in Infoplus, unknown here) and stale links: linked to the Infoplus record, so the next
 *   run updates it instead of creating a duplicate;
 * - a key Infoplus holds several times: linked to one of them (the one already linked, else the oldest), so no
 *   run adds another copy; the others are reported for a person to cancel (deleting is a person's decision);
 * - ERP records that become one Infoplus key (a key collision) or no key at all: reported only, with one advice
 *   for all of them; nothing is linked or sent for them.
 * Records parked in the error inbox or being checked with Infoplus (an unconfirmed create) are not in Infoplus:
 * they keep the report from agreeing, but a repair never queues them (that could create a second copy).
 */
import { randomUUID } from 'node:crypto';
import type {
  PushTouchpoint,
  ReconcileFinding,
  ReconcileFindingKind,
  ReconcileTouchpointReport,
} from '../contract/index.js';
import { buildPayload, isCancelled } from '../domain/mapping/index.js';
import type { JournalEntry, StateStore } from '../store/index.js';
import { checkInfoplusKey, canonicalKey } from './key-policy.js';
import { cancelledInInfoplus } from './push-cancel.js';
import { judgeRecord } from './push-judge.js';
import { idOf, type PushResource } from './push-resources.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { SyncEnv } from './sync-env.js';
import { acquireLease } from './single-flight.js';

/** What reconciliation works with. */
export interface ReconcileEnv extends SyncEnv {
  readonly store: StateStore;
  readonly clock: () => Date;
  readonly lease: { readonly staleMs: number; readonly heartbeatMs: number };
}

const MAX_FINDINGS = 500;
const SAMPLE = 20;
const JOURNAL_CHUNK = 500;

/** One ERP record as reconciliation sees it. */
interface ErpSide {
  readonly key: string;
  /** The Infoplus key its payload carries, in the key policy's comparison form ('' when it has none). */
  readonly match: string;
  /** Why the key policy refuses its key (empty, too long, ...); such a record is never sent. */
  readonly invalid?: string;
  /** Cancelled in the ERP (profile cancelWhen). */
  readonly cancelled?: boolean;
}

/** Compares (and with `repair`, repairs) one push touchpoint. */
export async function reconcileTouchpoint(
  env: ReconcileEnv,
  tp: PushTouchpoint,
  repair: boolean,
): Promise<ReconcileTouchpointReport> {
  const res = PUSH_DEFINITIONS[tp];
  // a repair writes the journal: never beside a run of the same touchpoint
  const lease = repair
    ? acquireLease(env.store, tp, { runId: `reconcile-${randomUUID()}`, ...env.lease, clock: env.clock })
    : null;
  try {
    const erpSide = await readErpSide(env, tp, res);
    const infoplus = new Map<string, string[]>();
    /** Infoplus ids of records cancelled there (statuses are read for cancelled ERP records). */
    const cancelledIds = new Set<string>();
    let infoplusRecords = 0;
    for await (const r of res.list(env.infoplus, env.profile.infoplus.lobId)) {
      infoplusRecords++;
      const id = idOf(res, r);
      if (id !== null && cancelledInInfoplus(r)) cancelledIds.add(id);
      const k = r[res.keyField];
      if (id === null || k === undefined || k === null) continue;
      const m = canonicalKey(String(k));
      const ids = infoplus.get(m);
      if (ids) ids.push(id);
      else infoplus.set(m, [id]);
    }

    const counts = noFindings();
    const findings: ReconcileFinding[] = [];
    const toAdopt: { key: string; id: string; finding: number }[] = [];
    const toResend: { key: string; finding: number }[] = [];
    let agreeing = 0;
    let inErrorInbox = 0;
    let settling = 0;
    const seen = new Set<string>();
    const claimants = keyClaimants(erpSide);
    const unconfirmed = new Set(
      env.store.outbox
        .unresolved(tp)
        .filter((o) => o.operation === 'create')
        .map((o) => o.recordKey),
    );
    const add = (f: ReconcileFinding): number => {
      counts[f.kind]++;
      if (findings.length >= MAX_FINDINGS) return -1;
      findings.push(f);
      return findings.length - 1;
    };

    for (let i = 0; i < erpSide.length; i += JOURNAL_CHUNK) {
      const chunk = erpSide.slice(i, i + JOURNAL_CHUNK);
      const journal = env.store.journal.getMany(
        tp,
        chunk.map((r) => r.key),
      );
      for (const rec of chunk) {
        seen.add(rec.match);
        const ids = rec.invalid !== undefined ? [] : sortedIds(infoplus.get(rec.match) ?? []);
        const j = journal.get(rec.key) ?? null;
        const verdict = rec.cancelled
          ? judgeCancelled(res, rec, ids, cancelledIds)
          : judge(res, rec, ids, j, claimants.get(rec.match) ?? [rec.key], unconfirmed);
        if (verdict === 'agree') agreeing++;
        else if (verdict === 'inbox') inErrorInbox++;
        else if (verdict === 'settling') settling++;
        else {
          const at = add(verdict);
          if (verdict.kind === 'missing' || verdict.kind === 'gone-from-infoplus')
            toResend.push({ key: rec.key, finding: at });
          if (verdict.kind === 'untracked' || verdict.kind === 'stale-link')
            toAdopt.push({ key: rec.key, id: ids[0]!, finding: at });
          if (verdict.kind === 'duplicated') {
            const keep = keptCopy(ids, j);
            if (j?.status !== 'synced' || j.infoplusId !== keep)
              toAdopt.push({ key: rec.key, id: keep, finding: at });
          }
        }
      }
    }
    const onlyInInfoplus = [...infoplus.keys()].filter((k) => !seen.has(k));

    if (repair) {
      await adopt(env, tp, toAdopt, findings);
      await resend(env, tp, res, toResend, findings);
    }
    return {
      touchpoint: tp,
      erpRecords: erpSide.length,
      infoplusRecords,
      agreeing,
      inErrorInbox,
      settling,
      onlyInInfoplus: onlyInInfoplus.length,
      onlyInInfoplusSample: onlyInInfoplus.slice(0, SAMPLE),
      counts,
      findings,
    };
  } finally {
    lease?.release();
  }
}

/** Every ERP record the profile selects (headers only: the key field is all that is compared). */
async function readErpSide(env: ReconcileEnv, tp: PushTouchpoint, res: PushResource): Promise<ErpSide[]> {
  const out: ErpSide[] = [];
  for await (const rec of env.io.readPushRecords(env.erp, env.profile, tp, {
    since: null,
    headersOnly: true,
  })) {
    // only the key matters here: a vendor code's number is the one it was given (or would be)
    const built = buildPayload(env.profile, tp, rec, {
      resolve: (kind, value) => (kind === 'vendorNumber' ? env.resolver.peekVendorNumber(value) : undefined),
    });
    const verdict = checkInfoplusKey(tp, built.payload[res.keyField]);
    const cancelled = isCancelled(env.profile, tp, rec.header);
    out.push(
      verdict.ok
        ? { key: rec.key, match: verdict.canonical, ...(cancelled ? { cancelled } : {}) }
        : { key: rec.key, match: '', invalid: verdict.reason },
    );
  }
  return out;
}

/** ERP record keys per Infoplus key, in ERP order: more than one is a key collision. */
function keyClaimants(erpSide: readonly ErpSide[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of erpSide) {
    const list = out.get(r.match);
    if (list) list.push(r.key);
    else out.set(r.match, [r.key]);
  }
  return out;
}

/** The copy a key held several times is linked to: the one already linked, else the oldest (lowest id). */
function keptCopy(ids: readonly string[], j: JournalEntry | null): string {
  const linked = j?.status === 'synced' ? j.infoplusId : null;
  return linked && ids.includes(linked) ? linked : ids[0]!;
}

/** A record key as a person can tell it apart (quotes show blanks at either end). */
function shown(key: string): string {
  return JSON.stringify(key);
}

function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

function judge(
  res: PushResource,
  rec: ErpSide,
  ids: readonly string[],
  j: JournalEntry | null,
  claimants: readonly string[],
  unconfirmed: ReadonlySet<string>,
): 'agree' | 'inbox' | 'settling' | ReconcileFinding {
  const label = res.label.charAt(0).toUpperCase() + res.label.slice(1);
  const linked = j?.status === 'synced' ? j.infoplusId : null;
  if (rec.invalid !== undefined) {
    return {
      kind: 'invalid-key',
      recordKey: rec.key,
      infoplusIds: [],
      message: `${label} ${shown(rec.key)} is not sent: ${rec.invalid}`,
    };
  }
  if (claimants.length > 1) {
    // One advice for every claimant, whichever is reported first: following it never cancels them all.
    const held =
      ids.length === 0
        ? 'Infoplus does not have it'
        : `Infoplus has it ${ids.length === 1 ? 'once' : `${ids.length} times`} (${ids.join(', ')})`;
    return {
      kind: 'key-collision',
      recordKey: rec.key,
      infoplusIds: ids,
      message: `Key collision: ${label.toLowerCase()} ${claimants.map(shown).join(', ')} all become Infoplus ${res.keyField} ${shown(rec.match)}; ${held}. Make the ERP keys distinct (or leave all but one out of the profile's query); until then none of them is sent, linked or repaired, and no Infoplus copy should be cancelled for it.`,
    };
  }
  if (ids.length > 1) {
    const keep = keptCopy(ids, j);
    const others = ids.filter((id) => id !== keep);
    return {
      kind: 'duplicated',
      recordKey: rec.key,
      infoplusIds: ids,
      message: `${label} ${rec.key} is in Infoplus ${ids.length} times (${ids.join(', ')}). Keep ${keep} (${
        linked === keep ? 'the one this app links' : 'the oldest'
      }) and cancel or delete ${others.join(', ')} in Infoplus; repair links ${keep} so no run adds another copy. Consider turning on Infoplus's duplicate-order rejection.`,
    };
  }
  if (ids.length === 1) {
    if (linked === ids[0]) return 'agree';
    // in Infoplus, but its newest ERP change was refused and waits in the error inbox: not agreeing, and a
    // repair must not link it over that (it would record the refused content as sent)
    if (j && (j.status === 'failed' || j.status === 'skipped') && j.infoplusId === ids[0]) return 'inbox';
    if (j === null || j.status !== 'synced' || !j.infoplusId) {
      return {
        kind: 'untracked',
        recordKey: rec.key,
        infoplusIds: ids,
        message: `${label} ${rec.key} is already in Infoplus as ${ids[0]}, but this app has no record of sending it; a push would create a second one. Repair links it.`,
      };
    }
    return {
      kind: 'stale-link',
      recordKey: rec.key,
      infoplusIds: ids,
      message: `${label} ${rec.key} was sent as ${j.infoplusId}, but Infoplus now has it as ${ids[0]}. Repair links it to ${ids[0]}.`,
    };
  }
  // a create whose answer never came: Infoplus may still commit it, so it is neither missing nor re-sent
  if (unconfirmed.has(rec.key) && !linked) return 'settling';
  if (j && (j.status === 'failed' || j.status === 'skipped')) return 'inbox';
  if (linked) {
    return {
      kind: 'gone-from-infoplus',
      recordKey: rec.key,
      infoplusIds: [],
      message: `${label} ${rec.key} was sent as ${linked}, which Infoplus no longer has (deleted there?). Repair sends it again; leave it if it was removed on purpose.`,
    };
  }
  return {
    kind: 'missing',
    recordKey: rec.key,
    infoplusIds: [],
    message: `${label} ${rec.key} is in the ERP but not in Infoplus, and this app has not sent it (no run since it was entered, or its last-change time is older than the watermark). Repair makes the next run send it.`,
  };
}

/**
 * A record cancelled in the ERP agrees when Infoplus has no open copy of it (none, or every copy cancelled
 * there); an open copy is its own finding: a person cancels it in Infoplus (or onCancel: delete does, while
 * Infoplus allows it). Repair never deletes.
 */
function judgeCancelled(
  res: PushResource,
  rec: ErpSide,
  ids: readonly string[],
  cancelledIds: ReadonlySet<string>,
): 'agree' | ReconcileFinding {
  const open = ids.filter((id) => !cancelledIds.has(id));
  if (open.length === 0) return 'agree';
  return {
    kind: 'cancelled-open',
    recordKey: rec.key,
    infoplusIds: open,
    message: `Cancelled in the ERP, still open in Infoplus: ${res.label} ${rec.key} (${res.idField} ${open.join(', ')}). Cancel it in Infoplus by hand, or set onCancel: delete so the next run deletes it while Infoplus still allows it.`,
  };
}

/** The content hash of what the ERP holds now, per key (records that cannot be read are absent). */
async function currentHashes(
  env: ReconcileEnv,
  tp: PushTouchpoint,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  for await (const rec of env.io.readPushRecords(env.erp, env.profile, tp, { keys })) {
    const v = await judgeRecord(env.store, env, tp, rec, new Set([rec.key]), null);
    if (v.kind === 'send') out.set(rec.key, v.candidate.hash);
    else if (v.kind === 'problems') out.set(rec.key, v.hash);
  }
  return out;
}

/** Links untracked / stale records to their Infoplus id, with the hash of what the ERP holds now. */
async function adopt(
  env: ReconcileEnv,
  tp: PushTouchpoint,
  list: readonly { key: string; id: string; finding: number }[],
  findings: ReconcileFinding[],
): Promise<void> {
  const hashes = await currentHashes(
    env,
    tp,
    list.map((a) => a.key),
  );
  const at = env.clock().toISOString();
  env.store.transaction(() => {
    for (const a of list) {
      const hash = hashes.get(a.key);
      if (hash === undefined) continue;
      // Infoplus is taken to hold what the ERP holds now: a later ERP change is sent as an update
      env.store.journal.markDone({
        touchpoint: tp,
        recordKey: a.key,
        infoplusId: a.id,
        contentHash: hash,
        at,
      });
      const f = findings[a.finding];
      const rest = f?.kind === 'duplicated' ? f.infoplusIds.filter((id) => id !== a.id) : [];
      note(
        findings,
        a.finding,
        rest.length > 0
          ? `linked to ${a.id}; ${rest.join(', ')} still to cancel in Infoplus`
          : `linked to ${a.id}`,
      );
    }
  });
}

/**
 * Queues records for sending on the next run. Each is parked like a failed record (no Infoplus id, the current
 * hash as the failed one) with a retry due now: it shows in the error inbox until it is in Infoplus, and Skip
 * keeps it from being sent until its ERP data changes, as for any other parked record.
 */
async function resend(
  env: ReconcileEnv,
  tp: PushTouchpoint,
  res: PushResource,
  list: readonly { key: string; finding: number }[],
  findings: ReconcileFinding[],
): Promise<void> {
  const hashes = await currentHashes(
    env,
    tp,
    list.map((r) => r.key),
  );
  const at = env.clock().toISOString();
  const message = (key: string): string =>
    `${res.label} ${key} is not in Infoplus (found by reconciliation); it is sent on the next run.`;
  env.store.transaction(() => {
    for (const r of list) {
      const hash = hashes.get(r.key);
      if (hash === undefined) continue;
      env.store.journal.forget(tp, r.key);
      env.store.journal.markFailed({
        touchpoint: tp,
        recordKey: r.key,
        contentHash: hash,
        error: message(r.key),
        at,
      });
      env.store.inbox.recordFailure({
        touchpoint: tp,
        recordKey: r.key,
        category: 'reconciliation',
        message: message(r.key),
        infoplusMessages: [],
        fixBy: 'admin',
        hint: 'Nothing to do unless it was removed from Infoplus on purpose: then press Skip.',
        nextRetryAt: at,
        at,
      });
      note(findings, r.finding, 'queued for the next run');
    }
  });
}

function note(findings: ReconcileFinding[], at: number, repaired: string): void {
  const f = findings[at];
  if (at >= 0 && f) findings[at] = { ...f, repaired };
}

/** A count of zero for every kind of finding (the record type keeps it complete when a kind is added). */
function noFindings(): Record<ReconcileFindingKind, number> {
  return {
    missing: 0,
    'gone-from-infoplus': 0,
    duplicated: 0,
    untracked: 0,
    'stale-link': 0,
    'key-collision': 0,
    'invalid-key': 0,
    'cancelled-open': 0,
  };
}

/** The report of a touchpoint whose reconciliation could not run. */
export function emptyReconcileReport(tp: PushTouchpoint, error: string): ReconcileTouchpointReport {
  return {
    touchpoint: tp,
    erpRecords: 0,
    infoplusRecords: 0,
    agreeing: 0,
    inErrorInbox: 0,
    settling: 0,
    onlyInInfoplus: 0,
    onlyInInfoplusSample: [],
    counts: noFindings(),
    findings: [],
    error,
  };
}
