/**
 * One push run (vendors, items, asns, orders) with an exactly-once effect:
 * 1. intents left by a crash or a lost answer are reconciled by looking the key up in Infoplus first;
 * 2. ERP records are read (watermark minus overlap, plus retries due) and compared by content hash with the
 *    journal: unchanged ones cost no call;
 * 3. the rest are sent with bounded concurrency, each intent written to the outbox before its request.
 * The parts: PushSource (what is read), judgeRecord (what to do with a record), KeyClaims (one key, one
 * record), Sender (the requests); this file joins them.
 */
import type { PushTouchpoint } from '../contract/index.js';
import { mappingDigest, type PushSourceRecord } from '../domain/mapping/index.js';
import type { JournalEntry } from '../store/index.js';
import { planCompare } from './compare-plan.js';
import { cancelInInfoplus } from './push-cancel.js';
import { KeyClaims } from './key-claims.js';
import { judgeRecord, judgedUnchanged, type JudgeEnv } from './push-judge.js';
import { reconcileLeftovers } from './push-leftovers.js';
import { Sender } from './push-sender.js';
import { PushSource } from './push-source.js';
import type { Candidate } from './push-types.js';
import type { RunContext } from './run-context.js';
import type { SyncEnv } from './sync-env.js';

/** Runs one push touchpoint. */
export async function runPush(
  ctx: RunContext,
  env: SyncEnv,
  tp: PushTouchpoint,
  opts: { readonly full?: boolean } = {},
): Promise<void> {
  // a changed mapping (or --full) compares every record by content and retries records it may have cured
  const plan = planCompare(ctx, env.profile, tp, opts);
  const blocked = await reconcileLeftovers(ctx, env, tp);
  const source = await PushSource.open(ctx, env, tp, plan, blocked);
  // Records are judged and sent in one pipeline: the pool's back-pressure paces the ERP read, so sending
  // starts with the first records.
  const outlet = new PushOutlet(ctx, env, tp, source);
  try {
    for await (const item of source.records()) {
      if (item.kind === 'pass-end') {
        await outlet.flush();
        continue;
      }
      for (const { rec, journal } of item.records) {
        // most records of a full scan are judged unchanged without a promise
        const pending = outlet.consider(rec, journal);
        if (pending) await pending;
      }
    }
  } finally {
    await outlet.settle();
  }
  outlet.throwIfStopped();
  source.finish();
  plan.commit();
}

/** Journal fingerprints found missing are stored in batches of this many. */
const REFRESH_BATCH = 500;

/** Judges each record the source yields and hands the ones to send to the sender, in chunks. */
class PushOutlet {
  private readonly judgeEnv: JudgeEnv;
  private readonly claims: KeyClaims;
  private readonly sender: Sender;
  private chunk: Candidate[] = [];
  /** Records found unchanged by hash whose fingerprint the journal lacks. */
  private refreshes: { recordKey: string; contentHash: string; sourceFingerprint: string }[] = [];

  constructor(
    private readonly ctx: RunContext,
    private readonly env: SyncEnv,
    private readonly tp: PushTouchpoint,
    private readonly source: PushSource,
  ) {
    const digest = source.digest;
    this.judgeEnv = {
      profile: env.profile,
      resolver: env.resolver,
      fingerprintDigest: digest,
      rowsDigest: digest === null ? mappingDigest(env.profile, tp) : null,
    };
    this.claims = new KeyClaims(ctx, env, tp);
    this.sender = new Sender(ctx, env, tp);
  }

  /** Judges one record; a promise only when it needs one (a look-up, a send). */
  consider(rec: PushSourceRecord, journal: JournalEntry | null): Promise<void> | undefined {
    const { ctx, source } = this;
    if (source.isBlocked(rec.key)) {
      ctx.outcome(rec.key, 'skipped', { message: 'Checking whether Infoplus received it' });
      return undefined;
    }
    if (rec.unchangedByFingerprint || judgedUnchanged(this.judgeEnv, this.tp, rec, journal)) {
      ctx.outcome(rec.key, 'unchanged');
      return undefined;
    }
    return this.judge(rec, journal);
  }

  private async judge(rec: PushSourceRecord, journal: JournalEntry | null): Promise<void> {
    const { ctx, source } = this;
    const v = await judgeRecord(ctx.store, this.judgeEnv, this.tp, rec, source.due, journal);
    if (v.kind === 'unchanged') {
      ctx.outcome(rec.key, 'unchanged');
      if (v.refresh) this.refreshes.push({ recordKey: rec.key, ...v.refresh });
      if (this.refreshes.length >= REFRESH_BATCH) this.flushRefreshes();
    } else if (v.kind === 'parked') ctx.passedOver();
    else if (v.kind === 'cancel') {
      // cancelled in the ERP: deleted or reported in Infoplus, one record at a time (rare)
      await cancelInInfoplus(ctx, this.env, this.tp, rec.key, v);
    } else if (v.kind === 'problems') {
      ctx.park(rec.key, v.error, { contentHash: v.hash, payload: v.payload });
    } else {
      // One Infoplus key, one ERP record: colliding records are parked, none sent.
      if (!(await this.claims.admit(v.candidate, source.handled, this.chunk))) return;
      this.chunk.push(v.candidate);
      source.sent();
      if (this.chunk.length >= ctx.options.intentBatch) await this.sendChunk();
    }
  }

  /** The end of a pass: everything waiting is stored or sent. */
  async flush(): Promise<void> {
    this.flushRefreshes();
    await this.sendChunk();
  }

  settle(): Promise<void> {
    return this.sender.settle();
  }

  throwIfStopped(): void {
    this.sender.throwIfStopped();
  }

  private flushRefreshes(): void {
    const { ctx, tp } = this;
    const list = this.refreshes;
    this.refreshes = [];
    if (list.length > 0) ctx.store.transaction(() => ctx.store.journal.setFingerprints(tp, list));
  }

  private async sendChunk(): Promise<void> {
    const list = this.chunk.filter((c) => !this.claims.collided.has(c.key));
    this.chunk = [];
    if (list.length === 0) return;
    await this.sender.submit(list);
  }
}
