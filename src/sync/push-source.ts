/**
 * Where a push run's records come from, in the order they are judged: the ERP read since the watermark (or
 * only the keys whose source fingerprint changed), then the records due for a retry, in passes of at most
 * pushBatchSize sends each, each record with its journal row. It also keeps the watermark the run may store.
 */
import type { PushTouchpoint } from '../contract/index.js';
import {
  mappingDigest,
  pushConfig,
  storedFingerprint,
  type PushSourceRecord,
} from '../domain/mapping/index.js';
import { grouped } from '../erp/stream-batches.js';
import type { JournalEntry } from '../store/index.js';
import type { ReadPushOptions } from './profile-io.js';
import type { ComparePlan } from './compare-plan.js';
import type { Leftovers } from './push-leftovers.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { RunContext } from './run-context.js';
import type { SyncEnv } from './sync-env.js';

/** Records judged per journal query when the reader does not hand out batches itself. */
const JOURNAL_GROUP = 200;

const groupsOf = (records: AsyncIterable<PushSourceRecord>): AsyncGenerator<PushSourceRecord[]> =>
  grouped(records, JOURNAL_GROUP);
/** Fingerprint-query batch size: one journal look-up per batch. */
const FINGERPRINT_BATCH = 500;

/** A record to judge, with its journal row. */
export interface JudgedItem {
  readonly rec: PushSourceRecord;
  readonly journal: JournalEntry | null;
}

/**
 * A group of records to judge, or the end of a pass: what is waiting must be sent now. A group is read lazily,
 * one record after the other (a pass ends inside a group once pushBatchSize records were sent); a full scan
 * then costs one promise per group, not per record.
 */
export type SourceItem =
  { readonly kind: 'records'; readonly records: Iterable<JudgedItem> } | { readonly kind: 'pass-end' };

type FingerprintBatch = readonly { key: string; fingerprint: string | null }[];

export class PushSource {
  /** Keys a retry came due for (inbox, or a mapping change that may have cured them). */
  readonly due: ReadonlySet<string>;
  /** The mapping digest fingerprints are stored under (null: fingerprints are not used in this run). */
  readonly digest: string | null;
  /** Every key this run has judged (or found unchanged by fingerprint). */
  readonly handled = new Set<string>();
  private readonly reread: ReadonlySet<string>;
  private readonly watermarkMode: boolean;
  private readonly latestAllowed: number;
  private readonly since: Date | null;
  private maxWatermark: number;
  /** Records dated beyond now: sent as usual, but never the watermark (they are read again by every run). */
  private readonly futureDated: string[] = [];
  private latestFuture = -Infinity;
  /** What this run found dated beyond now: raised as an alert until a run finds nothing of the kind. */
  private futureFound: string | null = null;
  private narrow: { changed: string[] } | null = null;
  private sentThisPass = 0;
  /** Records the run counted before this source (leftovers settled first). */
  private readonly doneBefore: number;

  private constructor(
    private readonly ctx: RunContext,
    private readonly env: SyncEnv,
    private readonly tp: PushTouchpoint,
    plan: ComparePlan,
    private readonly blocked: Leftovers,
  ) {
    const cfg = pushConfig(env.profile, tp);
    this.doneBefore = ctx.done;
    const dueItems = ctx.store.inbox.dueForRetry(tp, ctx.now());
    this.due = new Set([...dueItems.map((i) => i.recordKey), ...plan.retryKeys]);
    this.reread = new Set<string>([...this.due, ...blocked.reread]);
    this.watermarkMode = cfg.changeDetection.mode === 'watermark';
    // A watermark beyond now (an ERP row dated 2099) would hide every later edit: refused, and this run reads
    // everything instead, so whatever it hid is caught now.
    this.latestAllowed = ctx.clock().getTime() + ctx.options.watermarkToleranceMs;
    let stored = this.watermarkMode && !plan.fullCompare ? ctx.store.touchpoints.pushWatermark(tp) : null;
    if (stored && Date.parse(stored) > this.latestAllowed) {
      this.futureFound = `the stored watermark ${stored}`;
      ctx.logger.error(
        { touchpoint: tp, watermark: stored },
        `the stored ${tp} watermark ${stored} is in the future; it is refused and this run reads every record`,
      );
      stored = null;
    }
    this.since = stored ? new Date(Date.parse(stored) - ctx.options.watermarkOverlapMs) : null;
    this.maxWatermark = stored ? Date.parse(stored) : -Infinity;
    this.digest =
      cfg.changeDetection.fingerprint === undefined || plan.ignoreFingerprints
        ? null
        : mappingDigest(env.profile, tp);
  }

  /**
   * With source.fingerprints, a full scan reads only the narrow key + fingerprint query first, and whole
   * records later only for the keys whose fingerprint changed (or that are due, or unknown).
   */
  static async open(
    ctx: RunContext,
    env: SyncEnv,
    tp: PushTouchpoint,
    plan: ComparePlan,
    blocked: Leftovers,
  ): Promise<PushSource> {
    const source = new PushSource(ctx, env, tp, plan, blocked);
    const narrow = source.digest !== null && pushConfig(env.profile, tp).source.fingerprints !== undefined;
    if (narrow && (!source.watermarkMode || source.since === null)) {
      await source.scanFingerprints();
      source.knowTotal(source.narrow?.changed ?? [], source.reread);
    }
    return source;
  }

  /** Says that a record of this pass went to the sender (a pass ends after pushBatchSize of them). */
  sent(): void {
    this.sentThisPass++;
  }

  /** Whether an unresolved intent keeps this record from being sent in this run. */
  isBlocked(key: string): boolean {
    return this.blocked.keys.has(key);
  }

  /**
   * The records to judge. One ERP read stays open for at most pushBatchSize sends; then it is closed and the
   * next pass reads again, skipping every record an earlier pass already handled.
   */
  async *records(): AsyncGenerator<SourceItem> {
    const skip =
      this.digest === null ? {} : { unchangedByFingerprint: (b: FingerprintBatch) => this.unchangedOf(b) };
    for (let pass = 1; ; pass++) {
      this.sentThisPass = 0;
      const { tp } = this;
      const from = this.narrow
        ? { keys: this.narrow.changed.filter((k) => !this.handled.has(k)) }
        : { since: this.since, onReadEnd: (keys: ReadonlySet<string>) => this.knowTotal(keys, this.reread) };
      yield* this.grouped(this.read({ ...from, ...skip }));
      const missing = this.full() ? [] : [...this.reread].filter((k) => !this.handled.has(k));
      if (missing.length > 0) {
        // the retries due that the ERP no longer has leave the total here
        const onReadEnd = (keys: ReadonlySet<string>) => this.knowTotal(keys);
        yield* this.grouped(this.read({ keys: missing, ...skip, onReadEnd }));
      }
      yield { kind: 'pass-end' };
      if (!this.full()) break;
      this.ctx.logger.debug({ touchpoint: tp, pass }, 'push pass reached its size; reading again');
    }
  }

  /** Logs the future-dated records and stores the watermark the run reached (never past now). */
  finish(): void {
    const { ctx, tp, futureDated } = this;
    if (futureDated.length > 0) {
      const label = PUSH_DEFINITIONS[tp].label;
      this.futureFound = `${new Date(this.latestFuture).toISOString()} (${futureDated.length} ${label} record(s), first: ${futureDated[0]})`;
      ctx.logger.error(
        { touchpoint: tp, records: futureDated.slice(0, 20), count: futureDated.length },
        `${futureDated.length} ${PUSH_DEFINITIONS[tp].label} record(s) have a change date in the future (first: ${futureDated[0]}); the watermark does not move past now, so later changes are still found. Correct the change dates in the ERP (or the profile's timezone).`,
      );
    }
    if (this.watermarkMode) ctx.store.touchpoints.setFutureWatermark(tp, this.futureFound);
    if (this.watermarkMode && Number.isFinite(this.maxWatermark)) {
      // never past now: a row dated 2099 would otherwise hide every later edit
      const capped = Math.min(this.maxWatermark, ctx.clock().getTime());
      ctx.store.touchpoints.setPushWatermark(tp, new Date(capped).toISOString());
    }
  }

  /**
   * The run's total, once the keys still to come are known: every key handled so far counts once, and so does
   * each of `keys` and `extra` not handled yet (each becomes exactly one outcome). `extra` are keys read by a
   * later query (retries due): counted now, and taken out by that query's own end if the ERP lacks them.
   */
  private knowTotal(keys: Iterable<string>, extra: Iterable<string> = []): void {
    const coming = new Set<string>();
    for (const k of keys) if (!this.handled.has(k)) coming.add(k);
    for (const k of extra) if (!this.handled.has(k)) coming.add(k);
    this.ctx.total = this.doneBefore + this.handled.size + coming.size;
    this.ctx.progress();
  }

  private full(): boolean {
    return this.sentThisPass >= this.ctx.options.pushBatchSize;
  }

  /** The ERP read in groups: the reader's own batches when it has them, else its records grouped here. */
  private read(opts: ReadPushOptions): AsyncIterable<readonly PushSourceRecord[]> {
    const { env, tp } = this;
    if (env.io.readPushBatches) return env.io.readPushBatches(env.erp, env.profile, tp, opts);
    return groupsOf(env.io.readPushRecords(env.erp, env.profile, tp, opts));
  }

  /**
   * Each group's journal rows come with one query (a full scan of a big ERP otherwise spends much of its time
   * on one look-up per record). Read-ahead records a full pass did not judge are not marked handled, so the
   * next pass reads them again.
   */
  private async *grouped(groups: AsyncIterable<readonly PushSourceRecord[]>): AsyncGenerator<SourceItem> {
    for await (const group of groups) {
      if (group.length === 0) continue;
      // the consumer reads the whole group (or up to the end of the pass) before this resumes
      yield { kind: 'records', records: this.withJournal(group) };
      if (this.full()) return;
    }
  }

  private *withJournal(list: readonly PushSourceRecord[]): Generator<JudgedItem> {
    // records the reader already found unchanged need no second look-up
    const rows = this.ctx.store.journal.getMany(
      this.tp,
      list.filter((r) => !r.unchangedByFingerprint).map((r) => r.key),
    );
    for (const rec of list) {
      this.ctx.checkAborted();
      if (!this.handled.has(rec.key)) {
        this.handled.add(rec.key);
        this.noteWatermark(rec);
        yield { rec, journal: rows.get(rec.key) ?? null };
      }
      if (this.full()) return;
    }
  }

  private noteWatermark(rec: PushSourceRecord): void {
    const at = rec.watermark?.getTime();
    if (at === undefined) return;
    if (at > this.latestAllowed) {
      this.futureDated.push(rec.key);
      this.latestFuture = Math.max(this.latestFuture, at);
    } else if (at > this.maxWatermark) this.maxWatermark = at;
  }

  /**
   * The keys of a batch that are synced with this very fingerprint and mapping, and neither due nor blocked:
   * the reader passes over them without reading their lines.
   */
  private unchangedOf(batch: FingerprintBatch): ReadonlySet<string> {
    const digest = this.digest;
    const out = new Set<string>();
    if (digest === null) return out;
    const kept = this.ctx.store.journal.fingerprints(
      this.tp,
      batch.map((b) => b.key),
    );
    for (const b of batch) {
      if (this.due.has(b.key) || this.blocked.keys.has(b.key)) continue;
      if (kept.get(b.key) === storedFingerprint(digest, b.fingerprint)) out.add(b.key);
    }
    return out;
  }

  /** Sorts every key of source.fingerprints into unchanged (counted and handled now) and changed (read whole). */
  private async scanFingerprints(): Promise<void> {
    const { ctx, env, tp } = this;
    const changed = new Set<string>();
    let batch: { key: string; fingerprint: string | null }[] = [];
    const sort = (): void => {
      const same = this.unchangedOf(batch);
      for (const b of batch) {
        if (changed.has(b.key) || this.handled.has(b.key)) continue; // a key listed twice by the query
        if (same.has(b.key)) {
          this.handled.add(b.key);
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
    this.narrow = { changed: [...changed] };
  }
}
