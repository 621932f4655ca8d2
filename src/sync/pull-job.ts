/**
 * One pull run (shipments, item receipts, inventory adjustments): keyset reads from the stored cursor minus an
 * overlap window, dedupe by Infoplus id + content hash in the journal, write-backs in batches of records per
 * ERP transaction (a failing batch is split to isolate the bad record), and a cursor checkpoint every N records,
 * only ever past batches already committed. A record that fails alone is parked (with its data) and retried
 * from the inbox by id; the cursor moves on because the record is safe in the inbox.
 */
import type { PullTouchpoint } from '../contract/index.js';
import { classifyError } from '../domain/error-classification.js';
import type { ReadableResource } from '../infoplus/index.js';
import { judgePulled } from './pull-judge.js';
import { erpSideNote } from './pull-erp-side.js';
import { PullCursorKeeper, pullPages } from './pull-source.js';
import type { RunContext } from './run-context.js';
import type { SyncEnv } from './sync-env.js';
import { PULL_DEFINITIONS, type PulledRecord } from './touchpoints/index.js';
import { RunAbort } from './types.js';

/** Runs one pull touchpoint. */
export async function runPull(ctx: RunContext, env: SyncEnv, tp: PullTouchpoint): Promise<void> {
  const resource = PULL_DEFINITIONS[tp].records(env.infoplus);
  const cursor = new PullCursorKeeper(ctx, tp);
  await retryParked(ctx, env, tp, resource);
  try {
    for await (const plan of pullPages(ctx, resource, env.profile.infoplus.lobId, cursor)) {
      // Infoplus's search gives no count: the total is known only once the last page is in
      if (plan.next === null) {
        ctx.total = ctx.done + plan.process.length;
        ctx.progress();
      }
      await writeRecords(ctx, env, tp, plan.process, false, (last, n) => cursor.passed(last, n));
    }
  } finally {
    cursor.checkpoint();
  }
}

/** A record to write: its journal key and version, and the write-back units it becomes. */
interface Pending {
  readonly key: string;
  readonly hash: string;
  readonly record: PulledRecord;
  units: readonly object[];
}

/**
 * Writes records (in cursor order) in ERP transactions of up to pullBatchSize: versions already written are
 * passed over, the rest are resolved into write-back units (Infoplus look-ups batched over all of them) and
 * written batch by batch; a failing batch is split in halves until the failing record stands alone, which is
 * parked (with its data) while the others commit. `committed` hears of each batch done, in order.
 */
async function writeRecords(
  ctx: RunContext,
  env: SyncEnv,
  tp: PullTouchpoint,
  records: readonly PulledRecord[],
  retry: boolean,
  committed: (last: PulledRecord, count: number) => void = () => {},
): Promise<void> {
  const pending: Pending[] = [];
  // the page's journal rows in one query, not one per record
  const journal = ctx.store.journal.getMany(
    tp,
    records.map((r) => String(r.id)),
  );
  for (const r of records) {
    const key = String(r.id);
    const v = judgePulled(r, journal.get(key) ?? null, { retry });
    if (v.kind === 'unchanged') ctx.outcome(key, 'unchanged');
    else if (v.kind === 'parked') ctx.passedOver();
    else pending.push({ key, hash: v.hash, record: r, units: [r] });
  }
  const resolved = await resolveOrPark(ctx, env, tp, pending);
  // batches follow the cursor order of `records`; records passed over ride along with the batch after them
  const size = ctx.options.pullBatchSize;
  let from = 0;
  for (let i = 0; i < resolved.length; i += size) {
    ctx.checkAborted();
    const batch = resolved.slice(i, i + size);
    await writeBatch(ctx, env, tp, batch);
    const last = batch[batch.length - 1]!.record;
    const upTo = records.indexOf(last, from) + 1;
    committed(last, upTo - from);
    from = upTo;
  }
  if (from < records.length) committed(records[records.length - 1]!, records.length - from);
}

/** Resolves the units of every pending record; when Infoplus cannot answer for them, parks them all. */
async function resolveOrPark(
  ctx: RunContext,
  env: SyncEnv,
  tp: PullTouchpoint,
  pending: Pending[],
): Promise<Pending[]> {
  if (pending.length === 0) return pending;
  try {
    await resolveUnits(env, tp, pending);
    return pending;
  } catch (e) {
    const cls = classifyError(e, 'infoplus-read');
    if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
    for (const p of pending) ctx.park(p.key, cls, { contentHash: p.hash, payload: p.record });
    return [];
  }
}

/** What the engine adds before the write-back (see src/profile/pull-params.ts), as the definition says. */
async function resolveUnits(env: SyncEnv, tp: PullTouchpoint, pending: Pending[]): Promise<void> {
  const units = await PULL_DEFINITIONS[tp].units?.(
    env.infoplus,
    env.profile.infoplus.lobId,
    pending.map((p) => p.record),
  );
  if (units) for (const p of pending) p.units = units.get(p.record.id) ?? [p.record];
}

async function writeBatch(
  ctx: RunContext,
  env: SyncEnv,
  tp: PullTouchpoint,
  batch: Pending[],
): Promise<void> {
  try {
    const units = batch.flatMap((p) => p.units);
    if (env.io.applyWriteBacks) await env.io.applyWriteBacks(env.erp, env.profile, tp, units);
    else for (const u of units) await env.io.applyWriteBack(env.erp, env.profile, tp, u);
  } catch (e) {
    const cls = classifyError(e, 'erp-write');
    if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
    if (batch.length === 1) {
      ctx.park(batch[0]!.key, cls, { contentHash: batch[0]!.hash, payload: batch[0]!.record });
      return;
    }
    // one bad record must not block the rest: split until it stands alone
    const half = Math.ceil(batch.length / 2);
    await writeBatch(ctx, env, tp, batch.slice(0, half));
    await writeBatch(ctx, env, tp, batch.slice(half));
    return;
  }
  const at = ctx.now();
  // one local transaction per batch: the journal rows, and the inbox items of records that were parked before
  // (looked up in one query; most records never were)
  ctx.store.transaction(() => {
    for (const p of batch) {
      ctx.store.journal.markDone({
        touchpoint: tp,
        recordKey: p.key,
        infoplusId: p.key,
        contentHash: p.hash,
        status: 'written',
        at,
      });
    }
    const parked = ctx.store.inbox.unresolvedKeys(
      tp,
      batch.map((p) => p.key),
    );
    for (const p of batch) if (parked.has(p.key)) ctx.resolved(p.key);
  });
  for (const p of batch) {
    ctx.outcome(p.key, 'written', {
      infoplusId: p.key,
      message: erpSideNote(PULL_DEFINITIONS[tp].erpSide, p.units),
    });
  }
}

/** Parked records whose retry is due: fetched again by id (the newest version) and written. */
async function retryParked(
  ctx: RunContext,
  env: SyncEnv,
  tp: PullTouchpoint,
  resource: ReadableResource<PulledRecord>,
): Promise<void> {
  for (const item of ctx.store.inbox.dueForRetry(tp, ctx.now())) {
    ctx.checkAborted();
    let record: PulledRecord;
    try {
      record = await resource.get(Number(item.recordKey));
    } catch (e) {
      const cls = classifyError(e, 'infoplus-read');
      if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
      ctx.park(item.recordKey, cls, { contentHash: null, payload: item.payload });
      continue;
    }
    await writeRecords(ctx, env, tp, [record], true);
  }
}
