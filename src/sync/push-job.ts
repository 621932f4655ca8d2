/**
 * One push run (vendors, items, asns, orders) with an exactly-once effect:
 * 1. intents left by a crash or a lost answer are reconciled by looking the key up in Infoplus first;
 * 2. ERP records are read (watermark minus overlap, plus retries due) and compared by content hash with the
 *    journal: unchanged ones cost no call;
 * 3. the rest are sent with bounded concurrency, each intent written to the outbox before its request.
 */
import type { PushTouchpoint } from '../contract/index.js';
import { classifyError, type ClassifiedError } from '../domain/error-classification.js';
import {
  buildPayload,
  columnValue,
  contentHash,
  mappingDigest,
  pushConfig,
  storedFingerprint,
  resolveRequests,
  rowsFingerprint,
  type PushSourceRecord,
} from '../domain/mapping/index.js';
import type { ErpConnection } from '../erp/types.js';
import type { InfoplusClient } from '../infoplus/index.js';
import type { Profile } from '../profile/index.js';
import type { JournalEntry, StateStore } from '../store/index.js';
import type { ErpIo } from './erp-io.js';
import { planCompare } from './compare-plan.js';
import { Sender } from './push-sender.js';
import { PUSH_RESOURCES, idOf, type InfoplusRecord } from './push-resources.js';
import type { LookupResolver } from './resolver.js';
import type { RunContext } from './run-context.js';
import { RunAbort } from './types.js';
import { checkInfoplusKey, invalidKeyError, keyCollisionError } from './key-policy.js';
import { nextSettleStep, settleCheckDue, settlingError } from './settle.js';

/** What a push run works with. */
export interface PushEnv {
  readonly erp: ErpConnection;
  readonly infoplus: InfoplusClient;
  readonly profile: Profile;
  readonly io: ErpIo;
  readonly resolver: LookupResolver;
}

/** A record that must be sent. */
export interface Candidate {
  readonly key: string;
  /** The Infoplus key as sent (key policy applied). */
  readonly keyValue: string;
  /** The Infoplus key as compared (trimmed, upper-cased): what collisions and lookups match on. */
  readonly canonical: string;
  readonly payload: InfoplusRecord;
  readonly hash: string;
  readonly watermark: Date | null;
  /** The source fingerprint to keep in the journal once the record is in Infoplus (null: none configured). */
  readonly fingerprint: string | null;
  op: 'create' | 'update';
  infoplusId: string | null;
  /**
   * The Infoplus id the ERP row itself names (profile infoplusIdColumn), or null: a record found under the key
   * with this id is this ERP record's even when its content differs.
   */
  readonly namedId?: string | null;
}

/** How one ERP record compares with the journal. */
export type Verdict =
  | {
      readonly kind: 'unchanged';
      /** Unchanged by content hash while the journal lacks this fingerprint: store it for the next scan. */
      readonly refresh?: { readonly contentHash: string; readonly sourceFingerprint: string };
    }
  | { readonly kind: 'parked' }
  | {
      readonly kind: 'problems';
      readonly error: ClassifiedError;
      readonly hash: string;
      readonly payload: InfoplusRecord;
    }
  | { readonly kind: 'send'; readonly candidate: Candidate };

/**
 * Builds the payload of one record and decides what to do with it (no Infoplus write). `journal` is the
 * record's journal row when the caller already loaded it (null = none); left out, it is looked up here.
 * With `fingerprintDigest` (see mappingDigest) a synced record whose source fingerprint is unchanged is not
 * even built.
 */
export async function judgeRecord(
  store: StateStore,
  env: {
    readonly profile: Profile;
    readonly resolver: Pick<LookupResolver, 'prefetch' | 'resolve'>;
    readonly fingerprintDigest?: string | null;
    /** mappingDigest, when records without a fingerprint column may be passed over on their raw rows. */
    readonly rowsDigest?: string | null;
  },
  tp: PushTouchpoint,
  rec: PushSourceRecord,
  due: ReadonlySet<string>,
  journal?: JournalEntry | null,
): Promise<Verdict> {
  const res = PUSH_RESOURCES[tp];
  const j = journal === undefined ? store.journal.get(tp, rec.key) : journal;
  const lookups = rec.unchangedByFingerprint ? [] : resolveRequests(env.profile, tp, rec);
  let fingerprint = env.fingerprintDigest ? storedFingerprint(env.fingerprintDigest, rec.fingerprint) : null;
  // Without a fingerprint column the raw rows are one (when nothing is resolved against Infoplus, the payload
  // follows from them and the mapping alone).
  if (fingerprint === null && env.rowsDigest && lookups.length === 0 && !rec.unchangedByFingerprint) {
    fingerprint = storedFingerprint(env.rowsDigest, rowsFingerprint(rec));
  }
  const synced = j !== null && j.status === 'synced';
  if (synced && fingerprint !== null && j.sourceFingerprint === fingerprint) return { kind: 'unchanged' };
  if (rec.unchangedByFingerprint) {
    // the reader skipped its lines on the journal's word; a payload built now would lose them
    throw new Error(`${res.label} ${rec.key}: read without lines but its fingerprint no longer matches`);
  }
  if (lookups.length > 0) await env.resolver.prefetch(lookups);
  const built = buildPayload(env.profile, tp, rec, { resolve: env.resolver.resolve });
  const hash = contentHash(built.payload);
  if (synced && j.contentHash === hash) {
    return fingerprint === null
      ? { kind: 'unchanged' }
      : { kind: 'unchanged', refresh: { contentHash: hash, sourceFingerprint: fingerprint } };
  }
  if (j && (j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash && !due.has(rec.key)) {
    // Parked and not changed since: wait for the data to change, a retry to come due, or Retry.
    return { kind: 'parked' };
  }
  if (rec.key.trim() === '') {
    // NULL or blank in the key column: the record can be neither sent nor found again; parked by itself.
    const column = pushConfig(env.profile, tp).key;
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: invalidKeyError(
        res.label,
        rec.key,
        `${res.keyField} is empty: the ERP record has no ${column}: fill it in the ERP (Infoplus could never find this record again by its key).`,
      ),
    };
  }
  if (built.problems.length > 0) {
    const first = built.problems[0]!;
    const erpData = built.problems.every((p) => p.category === 'erp-data');
    const message = `${res.label} ${rec.key}: ${built.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: {
        category: erpData ? 'erp-data' : 'mapping',
        fixBy: erpData ? 'erp-user' : 'admin',
        message,
        infoplusMessages: [],
        hint: erpData
          ? `Correct ${first.column ? `column ${first.column} of ` : ''}this record in the ERP; it is sent automatically once it changes.`
          : 'The mapping profile cannot build this field; fix the field mapping in Mappings, then press Retry.',
        transient: false,
        stopsRun: false,
        maybeApplied: false,
      },
    };
  }
  // One key policy before anything is sent: a record Infoplus could never find again is parked.
  const keyCheck = checkInfoplusKey(tp, built.payload[res.keyField]);
  if (!keyCheck.ok) {
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: invalidKeyError(res.label, rec.key, keyCheck.reason),
    };
  }
  return {
    kind: 'send',
    candidate: {
      key: rec.key,
      keyValue: keyCheck.key,
      canonical: keyCheck.canonical,
      payload: built.payload,
      hash,
      watermark: rec.watermark,
      fingerprint,
      op: j?.infoplusId ? 'update' : 'create',
      infoplusId: j?.infoplusId ?? null,
      namedId: namedInfoplusId(rec, pushConfig(env.profile, tp).infoplusIdColumn, tp),
    },
  };
}

/**
 * The Infoplus id the ERP row names in the profile's infoplusIdColumn, as idOf writes it ("1005"), or null when
 * none is configured or the row has none. A decimal column's "1005.0" is the id 1005.
 */
export function namedInfoplusId(
  rec: PushSourceRecord,
  column: string | undefined,
  tp: PushTouchpoint,
): string | null {
  if (column === undefined) return null;
  const got = columnValue(rec.header, column);
  if (!got.found) {
    throw new Error(
      `touchpoints.${tp}.infoplusIdColumn: column "${column}" is not in the query result (columns: ${Object.keys(rec.header).join(', ')})`,
    );
  }
  const v = got.value;
  if (v === null || v === undefined) return null;
  const text = (typeof v === 'object' ? String(v as { toString(): string }) : String(v)).trim();
  if (text === '') return null;
  const whole = /^(\d+)(?:\.0*)?$/.exec(text);
  return whole ? String(Number(whole[1])) : text;
}

/** Records judged per journal query during a push read. */
const JOURNAL_GROUP = 200;

/** Runs one push touchpoint. */
export async function runPush(
  ctx: RunContext,
  env: PushEnv,
  tp: PushTouchpoint,
  opts: { readonly full?: boolean } = {},
): Promise<void> {
  const cfg = pushConfig(env.profile, tp);
  // a changed mapping (or --full) compares every record by content and retries records it may have cured
  const plan = planCompare(ctx, env.profile, tp, opts);
  const blocked = ctx.dryRun
    ? { keys: new Set<string>(), reread: new Set<string>() }
    : await reconcileLeftovers(ctx, env, tp);
  const dueItems = ctx.store.inbox.dueForRetry(tp, ctx.now());
  const due = new Set([...dueItems.map((i) => i.recordKey), ...plan.retryKeys]);
  const reread = new Set<string>([...due, ...blocked.reread]);
  const watermarkMode = cfg.changeDetection.mode === 'watermark';
  // A watermark beyond now (an ERP row dated 2099) would hide every later edit: refused, and this run reads
  // everything instead, so whatever it hid is caught now.
  const latestAllowed = ctx.clock().getTime() + ctx.options.watermarkToleranceMs;
  let stored = watermarkMode && !plan.fullCompare ? ctx.store.touchpoints.pushWatermark(tp) : null;
  // What this run finds dated beyond now: raised as an alert until a run finds nothing of the kind.
  let futureFound: string | null = null;
  if (stored && Date.parse(stored) > latestAllowed) {
    futureFound = `the stored watermark ${stored}`;
    ctx.logger.error(
      { touchpoint: tp, watermark: stored },
      `the stored ${tp} watermark ${stored} is in the future; it is refused and this run reads every record`,
    );
    stored = null;
  }
  const since = stored ? new Date(Date.parse(stored) - ctx.options.watermarkOverlapMs) : null;
  let maxWatermark = stored ? Date.parse(stored) : -Infinity;
  const claims = new KeyClaims(ctx, env, tp);
  // Records dated beyond now: sent as usual, but never the watermark (they are read again by every run).
  const futureDated: string[] = [];
  let latestFuture = -Infinity;
  const handled = new Set<string>();
  const digest =
    cfg.changeDetection.fingerprint === undefined || plan.ignoreFingerprints
      ? null
      : mappingDigest(env.profile, tp);
  const judgeEnv = {
    profile: env.profile,
    resolver: env.resolver,
    fingerprintDigest: digest,
    rowsDigest: digest === null ? mappingDigest(env.profile, tp) : null,
  };
  // Records found unchanged by hash whose fingerprint the journal lacks: stored in batches (never in a dry run).
  let refreshes: { recordKey: string; contentHash: string; sourceFingerprint: string }[] = [];
  const flushRefreshes = (): void => {
    const list = refreshes;
    refreshes = [];
    if (list.length > 0 && !ctx.dryRun)
      ctx.store.transaction(() => ctx.store.journal.setFingerprints(tp, list));
  };
  // The keys of a batch that are synced with this very fingerprint and mapping, and neither due nor blocked:
  // the reader passes over them without reading their lines.
  const unchangedByFingerprint =
    digest === null
      ? undefined
      : (batch: readonly { key: string; fingerprint: string | null }[]): ReadonlySet<string> => {
          const kept = ctx.store.journal.fingerprints(
            tp,
            batch.map((b) => b.key),
          );
          const out = new Set<string>();
          for (const b of batch) {
            if (due.has(b.key) || blocked.keys.has(b.key)) continue;
            if (kept.get(b.key) === storedFingerprint(digest, b.fingerprint)) out.add(b.key);
          }
          return out;
        };

  // With source.fingerprints, a full scan reads only the narrow key + fingerprint query, and whole records
  // only for the keys whose fingerprint changed (or that are due, or unknown).
  const narrow =
    unchangedByFingerprint && cfg.source.fingerprints !== undefined && (!watermarkMode || since === null)
      ? await changedByFingerprint(ctx, env, tp, unchangedByFingerprint)
      : null;
  if (narrow) for (const k of narrow.unchanged) handled.add(k);

  // Records are judged and sent in one pipeline: the pool's back-pressure paces the ERP read, so sending
  // starts with the first records. One ERP read stays open for at most pushBatchSize sends; then it is closed
  // and the next pass reads again, skipping every record an earlier pass already handled.
  const sender = new Sender(ctx, env, tp);
  let chunk: Candidate[] = [];
  const sendChunk = async (): Promise<void> => {
    const list = chunk.filter((c) => !claims.collided.has(c.key));
    chunk = [];
    if (list.length === 0) return;
    if (ctx.dryRun) {
      for (const c of list)
        ctx.outcome(c.key, c.op === 'create' ? 'created' : 'updated', { message: 'dry run' });
    } else {
      await sender.submit(list);
    }
  };
  try {
    for (let pass = 1; ; pass++) {
      let sentThisPass = 0;
      const consider = async (rec: PushSourceRecord, journal: JournalEntry | null): Promise<void> => {
        ctx.checkAborted();
        if (handled.has(rec.key)) return;
        handled.add(rec.key);
        if (rec.watermark && rec.watermark.getTime() > latestAllowed) {
          futureDated.push(rec.key);
          latestFuture = Math.max(latestFuture, rec.watermark.getTime());
        } else if (rec.watermark && rec.watermark.getTime() > maxWatermark)
          maxWatermark = rec.watermark.getTime();
        if (blocked.keys.has(rec.key)) {
          ctx.outcome(rec.key, 'skipped', { message: 'Checking whether Infoplus received it' });
          return;
        }
        if (rec.unchangedByFingerprint) {
          ctx.outcome(rec.key, 'unchanged');
          return;
        }
        const v = await judgeRecord(ctx.store, judgeEnv, tp, rec, due, journal);
        if (v.kind === 'unchanged') {
          ctx.outcome(rec.key, 'unchanged');
          if (v.refresh) refreshes.push({ recordKey: rec.key, ...v.refresh });
          if (refreshes.length >= 500) flushRefreshes();
        } else if (v.kind === 'parked') ctx.counts.skipped++;
        else if (v.kind === 'problems') {
          if (ctx.dryRun) ctx.outcome(rec.key, 'failed', { message: v.error.message });
          else ctx.park(rec.key, v.error, { contentHash: v.hash, payload: v.payload });
        } else {
          // One Infoplus key, one ERP record: colliding records are parked, none sent.
          if (!(await claims.admit(v.candidate, handled, chunk))) return;
          chunk.push(v.candidate);
          sentThisPass++;
          if (chunk.length >= ctx.options.intentBatch) await sendChunk();
        }
      };
      const full = (): boolean => sentThisPass >= ctx.options.pushBatchSize;
      // Records are judged in small groups whose journal rows come with one query (a full scan of a big ERP
      // otherwise spends much of its time on one look-up per record). Read-ahead records a full pass did not
      // judge are not marked handled, so the next pass reads them again.
      const judgeAll = async (records: AsyncIterable<PushSourceRecord>): Promise<void> => {
        let group: PushSourceRecord[] = [];
        const judgeGroup = async (): Promise<void> => {
          const list = group;
          group = [];
          // records the reader already found unchanged need no second look-up
          const rows = ctx.store.journal.getMany(
            tp,
            list.filter((r) => !r.unchangedByFingerprint).map((r) => r.key),
          );
          for (const rec of list) {
            await consider(rec, rows.get(rec.key) ?? null);
            if (full()) return;
          }
        };
        for await (const rec of records) {
          group.push(rec);
          if (group.length < JOURNAL_GROUP) continue;
          await judgeGroup();
          if (full()) return;
        }
        await judgeGroup();
      };
      const skip = unchangedByFingerprint ? { unchangedByFingerprint } : {};
      const source = narrow ? { keys: narrow.changed.filter((k) => !handled.has(k)) } : { since };
      await judgeAll(env.io.readPushRecords(env.erp, env.profile, tp, { ...source, ...skip }));
      const missing = full() ? [] : [...reread].filter((k) => !handled.has(k));
      if (missing.length > 0) {
        await judgeAll(env.io.readPushRecords(env.erp, env.profile, tp, { keys: missing, ...skip }));
      }
      flushRefreshes();
      await sendChunk();
      if (!full()) break;
      ctx.logger.debug({ touchpoint: tp, pass }, 'push pass reached its size; reading again');
    }
  } finally {
    await sender.settle();
  }
  sender.throwIfStopped();
  if (futureDated.length > 0) {
    const label = PUSH_RESOURCES[tp].label;
    futureFound = `${new Date(latestFuture).toISOString()} (${futureDated.length} ${label} record(s), first: ${futureDated[0]})`;
    ctx.logger.error(
      { touchpoint: tp, records: futureDated.slice(0, 20), count: futureDated.length },
      `${futureDated.length} ${PUSH_RESOURCES[tp].label} record(s) have a change date in the future (first: ${futureDated[0]}); the watermark does not move past now, so later changes are still found. Correct the change dates in the ERP (or the profile's timezone).`,
    );
  }
  if (!ctx.dryRun && watermarkMode) ctx.store.touchpoints.setFutureWatermark(tp, futureFound);
  if (!ctx.dryRun && watermarkMode && Number.isFinite(maxWatermark)) {
    // never past now: a row dated 2099 would otherwise hide every later edit
    const capped = Math.min(maxWatermark, ctx.clock().getTime());
    ctx.store.touchpoints.setPushWatermark(tp, new Date(capped).toISOString());
  }
  plan.commit();
}

/** Fingerprint-query batch size: one journal look-up per batch. */
const FINGERPRINT_BATCH = 500;

/**
 * Reads source.fingerprints and sorts every key into unchanged (as `unchangedOf` judges a batch; counted here)
 * and changed (to be read whole).
 */
async function changedByFingerprint(
  ctx: RunContext,
  env: PushEnv,
  tp: PushTouchpoint,
  unchangedOf: (batch: readonly { key: string; fingerprint: string | null }[]) => ReadonlySet<string>,
): Promise<{ changed: string[]; unchanged: Set<string> }> {
  const changed = new Set<string>();
  const unchanged = new Set<string>();
  let batch: { key: string; fingerprint: string | null }[] = [];
  const sort = (): void => {
    const same = unchangedOf(batch);
    for (const b of batch) {
      if (changed.has(b.key) || unchanged.has(b.key)) continue; // a key listed twice by the query
      if (same.has(b.key)) {
        unchanged.add(b.key);
        ctx.outcome(b.key, 'unchanged');
      } else {
        changed.add(b.key);
      }
    }
    batch = [];
  };
  for await (const r of env.io.readFingerprints(env.erp, env.profile, tp, { signal: ctx.signal })) {
    batch.push(r);
    if (batch.length >= FINGERPRINT_BATCH) {
      ctx.checkAborted();
      sort();
    }
  }
  sort();
  return { changed: [...changed], unchanged };
}

/**
 * Settles intents left unresolved (a crash, a lost answer, a run that lost its lease): found in Infoplus ->
 * done; not found -> a never-sent intent is dropped and the record read again, while one that may have been
 * sent waits until the settle window passed without the record appearing. Returns the keys that must not be
 * sent in this run (settling, or the lookup failed) and the keys to read again.
 */
async function reconcileLeftovers(
  ctx: RunContext,
  env: PushEnv,
  tp: PushTouchpoint,
): Promise<{ keys: Set<string>; reread: Set<string> }> {
  const res = PUSH_RESOURCES[tp];
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

/**
 * Who claims which Infoplus key in this run and in the journal: a record whose key another ERP record already
 * maps to is parked, and so is the other one ("Key collision", naming both); nothing is sent for either.
 */
class KeyClaims {
  private readonly byKey = new Map<string, string>();
  /** Records parked as a collision in this run (taken out of the chunk waiting to be sent). */
  readonly collided = new Set<string>();

  constructor(
    private readonly ctx: RunContext,
    private readonly env: PushEnv,
    private readonly tp: PushTouchpoint,
  ) {}

  /** True when the candidate may be sent; otherwise it and the records it collides with are parked. */
  async admit(c: Candidate, handled: ReadonlySet<string>, pending: readonly Candidate[]): Promise<boolean> {
    const others = new Set<string>();
    const inRun = this.byKey.get(c.canonical);
    if (inRun !== undefined && inRun !== c.key) others.add(inRun);
    const claimed = this.ctx.store.journal.claimants(this.tp, [c.canonical]).get(c.canonical) ?? [];
    for (const k of claimed) {
      if (k === c.key || others.has(k)) continue;
      // A claimant this run read was judged on current data (its journal key is current when unchanged); one it
      // did not read is read now, so a record renamed or removed in the ERP does not block this one forever.
      if (handled.has(k) || (await this.stillClaims(k, c.canonical))) others.add(k);
      else if (!this.ctx.dryRun) this.ctx.store.journal.clearInfoplusKey(this.tp, k);
    }
    if (others.size === 0) {
      this.byKey.set(c.canonical, c.key);
      return true;
    }
    const label = PUSH_RESOURCES[this.tp].label;
    const everyone = [c.key, ...others];
    for (const k of everyone) {
      if (this.collided.has(k)) continue;
      this.collided.add(k);
      const err = keyCollisionError(label, k, c.keyValue, everyone);
      const waiting = pending.find((p) => p.key === k) ?? (k === c.key ? c : undefined);
      if (this.ctx.dryRun) this.ctx.outcome(k, 'failed', { message: err.message });
      else
        this.ctx.park(k, err, {
          contentHash: waiting?.hash ?? null,
          ...(waiting ? { payload: waiting.payload } : {}),
          infoplusKey: c.canonical,
        });
    }
    return false;
  }

  private async stillClaims(recordKey: string, canonical: string): Promise<boolean> {
    const { env, tp } = this;
    for await (const rec of env.io.readPushRecords(env.erp, env.profile, tp, { keys: [recordKey] })) {
      if (rec.key !== recordKey) continue;
      const built = buildPayload(env.profile, tp, rec, { resolve: env.resolver.resolve });
      const k = checkInfoplusKey(tp, built.payload[PUSH_RESOURCES[tp].keyField]);
      return k.ok && k.canonical === canonical;
    }
    return false;
  }
}
