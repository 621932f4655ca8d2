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
import { Sender } from './push-sender.js';
import { PUSH_RESOURCES, idOf, type InfoplusRecord } from './push-resources.js';
import type { LookupResolver } from './resolver.js';
import type { RunContext } from './run-context.js';
import { RunAbort } from './types.js';

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
  readonly keyValue: string;
  readonly payload: InfoplusRecord;
  readonly hash: string;
  readonly watermark: Date | null;
  /** The source fingerprint to keep in the journal once the record is in Infoplus (null: none configured). */
  readonly fingerprint: string | null;
  op: 'create' | 'update';
  infoplusId: string | null;
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
  const keyValue = built.payload[res.keyField];
  return {
    kind: 'send',
    candidate: {
      key: rec.key,
      keyValue: keyValue === undefined || keyValue === null ? rec.key : String(keyValue),
      payload: built.payload,
      hash,
      watermark: rec.watermark,
      fingerprint,
      op: j?.infoplusId ? 'update' : 'create',
      infoplusId: j?.infoplusId ?? null,
    },
  };
}

/** Records judged per journal query during a push read. */
const JOURNAL_GROUP = 200;

/** Runs one push touchpoint. */
export async function runPush(ctx: RunContext, env: PushEnv, tp: PushTouchpoint): Promise<void> {
  const cfg = pushConfig(env.profile, tp);
  const blocked = ctx.dryRun
    ? { keys: new Set<string>(), reread: new Set<string>() }
    : await reconcileLeftovers(ctx, env, tp);
  const dueItems = ctx.store.inbox.dueForRetry(tp, ctx.now());
  const due = new Set(dueItems.map((i) => i.recordKey));
  const reread = new Set<string>([...due, ...blocked.reread]);
  const watermarkMode = cfg.changeDetection.mode === 'watermark';
  const stored = watermarkMode ? ctx.store.touchpoints.pushWatermark(tp) : null;
  const since = stored ? new Date(Date.parse(stored) - ctx.options.watermarkOverlapMs) : null;
  let maxWatermark = stored ? Date.parse(stored) : -Infinity;
  const handled = new Set<string>();
  const digest = cfg.changeDetection.fingerprint === undefined ? null : mappingDigest(env.profile, tp);
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
    const list = chunk;
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
        if (rec.watermark && rec.watermark.getTime() > maxWatermark) maxWatermark = rec.watermark.getTime();
        if (blocked.keys.has(rec.key)) {
          ctx.outcome(rec.key, 'skipped', { message: 'waiting for Infoplus to confirm an earlier request' });
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
  if (!ctx.dryRun && watermarkMode && Number.isFinite(maxWatermark)) {
    ctx.store.touchpoints.setPushWatermark(tp, new Date(maxWatermark).toISOString());
  }
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

/** Resolves intents left unresolved; returns keys still blocked (lookup failed) and keys to read again. */
async function reconcileLeftovers(
  ctx: RunContext,
  env: PushEnv,
  tp: PushTouchpoint,
): Promise<{ keys: Set<string>; reread: Set<string> }> {
  const res = PUSH_RESOURCES[tp];
  const keys = new Set<string>();
  const reread = new Set<string>();
  for (const o of ctx.store.outbox.unresolved(tp)) {
    ctx.checkAborted();
    if (o.operation === 'update' && !o.infoplusId) {
      ctx.store.outbox.remove(tp, o.recordKey);
      reread.add(o.recordKey);
      continue;
    }
    try {
      if (o.operation === 'update') {
        // An update is idempotent: if it did not land, the record still differs and is simply sent again.
        ctx.store.outbox.remove(tp, o.recordKey);
        reread.add(o.recordKey);
        continue;
      }
      // Even with the id known (the ERP part failed after the create), the lookup brings the fields afterPush binds.
      const found = await res.lookup(env.infoplus, env.profile.infoplus.lobId, o.infoplusKey);
      if (!found) {
        ctx.store.outbox.remove(tp, o.recordKey);
        reread.add(o.recordKey);
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
      keys.add(o.recordKey);
      ctx.logger.warn({ touchpoint: tp, recordKey: o.recordKey }, `could not reconcile yet: ${cls.message}`);
    }
  }
  return { keys, reread };
}
