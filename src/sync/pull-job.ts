/**
 * One pull run (shipments, item receipts, inventory adjustments): keyset reads from the stored cursor minus an
 * overlap window, dedupe by Infoplus id + content hash in the journal, write-backs in batches of records per
 * ERP transaction (a failing batch is split to isolate the bad record), and a cursor checkpoint every N records,
 * only ever past batches already committed. A record that fails alone is parked (with its data) and retried
 * from the inbox by id; the cursor moves on because the record is safe in the inbox.
 */
import type { PullTouchpoint } from '../contract/index.js';
import {
  compareCursor,
  firstQuery,
  planPage,
  positionOf,
  startPosition,
  type CursorKind,
  type PagePlan,
  type PullCursor,
  type PullQuery,
} from '../domain/cursor.js';
import { classifyError } from '../domain/error-classification.js';
import { contentHash } from '../domain/mapping/index.js';
import type { ErpConnection } from '../erp/types.js';
import { f, type Filter, type InfoplusClient, type ReadableResource } from '../infoplus/index.js';
import type { Profile } from '../profile/index.js';
import type { ErpIo } from './erp-io.js';
import { erpSideNote } from './pull-erp-side.js';
import { receiptUnits } from './pull-receipt-lines.js';
import { shipmentUnits } from './pull-shipment-orders.js';
import type { RunContext } from './run-context.js';
import { RunAbort } from './types.js';

/** What a pull run works with. */
export interface PullEnv {
  readonly erp: ErpConnection;
  readonly infoplus: InfoplusClient;
  readonly profile: Profile;
  readonly io: ErpIo;
}

type PulledRecord = { id: number; modifyDate?: string | null } & Record<string, unknown>;

/** The cursor kind of a pull touchpoint (InventoryAdjustment has no modifyDate: id cursor). */
export function cursorKindOf(tp: PullTouchpoint): CursorKind {
  return tp === 'inventory-adjustments' ? 'id' : 'modify-date';
}

/** The Infoplus resource of a pull touchpoint. */
export function pullResource(client: InfoplusClient, tp: PullTouchpoint): ReadableResource<PulledRecord> {
  const r =
    tp === 'shipments'
      ? client.shipment
      : tp === 'item-receipts'
        ? client.itemReceipt
        : client.inventoryAdjustment;
  return r as unknown as ReadableResource<PulledRecord>;
}

/** The search for a cursor query, scoped to the profile's line of business. */
export function toSearch(
  q: PullQuery,
  lobId: number,
  limit: number,
): { filter: Filter; sort: string; limit: number } {
  const lob = f.eq('lobId', lobId);
  switch (q.type) {
    case 'tie':
      return {
        filter: f.and(lob, f.ge('modifyDate', new Date(q.date)), f.gt('id', q.afterId)),
        sort: 'id',
        limit,
      };
    case 'since': {
      if (q.date === null) return { filter: lob, sort: 'modifyDate', limit };
      const at = new Date(q.date);
      return {
        filter: f.and(lob, q.inclusive ? f.ge('modifyDate', at) : f.gt('modifyDate', at)),
        sort: 'modifyDate',
        limit,
      };
    }
    case 'after-id':
      return { filter: f.and(lob, f.gt('id', q.afterId)), sort: 'id', limit };
  }
}

/** Runs one pull touchpoint. */
export async function runPull(ctx: RunContext, env: PullEnv, tp: PullTouchpoint): Promise<void> {
  const kind = cursorKindOf(tp);
  const resource = pullResource(env.infoplus, tp);
  const lobId = env.profile.infoplus.lobId;
  const stored = ctx.store.cursors.get(tp);
  let committed: PullCursor | null = stored && stored.kind === kind ? stored : null;
  const checkpoint = (pos: PullCursor): void => {
    if (ctx.dryRun) return;
    if (committed && compareCursor(pos, committed) <= 0) return;
    ctx.store.cursors.set(tp, pos, ctx.now());
    committed = pos;
  };

  if (!ctx.dryRun) await retryParked(ctx, env, tp, resource);

  let pos = startPosition(kind, committed, { ms: ctx.options.overlapMs, ids: ctx.options.overlapIds });
  let query: PullQuery | null = firstQuery(pos);
  let sinceCheckpoint = 0;
  try {
    while (query) {
      ctx.checkAborted();
      const page = await resource.search(toSearch(query, lobId, ctx.options.pullPageSize));
      const plan: PagePlan<PulledRecord> = planPage(query, page, ctx.options.pullPageSize, pos);
      await writeRecords(ctx, env, tp, plan.process, false, (last, n) => {
        // every record up to `last` is committed (or parked with its data): the cursor may pass it
        pos = positionOf(kind, last);
        sinceCheckpoint += n;
        if (sinceCheckpoint >= ctx.options.checkpointEvery) {
          checkpoint(pos);
          sinceCheckpoint = 0;
        }
      });
      if (compareCursor(plan.positionAfter, pos) > 0) pos = plan.positionAfter;
      query = plan.next;
    }
  } finally {
    // Everything before `pos` is in the ERP (failures are parked in the inbox with their data).
    checkpoint(pos);
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
  env: PullEnv,
  tp: PullTouchpoint,
  records: readonly PulledRecord[],
  retry: boolean,
  committed: (last: PulledRecord, count: number) => void = () => {},
): Promise<void> {
  const pending: Pending[] = [];
  for (const r of records) {
    const key = String(r.id);
    const hash = contentHash(r);
    const j = ctx.store.journal.get(tp, key);
    if (j && j.status === 'written' && j.contentHash === hash) {
      ctx.outcome(key, 'unchanged');
      continue;
    }
    if (!retry && j && (j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash) {
      ctx.counts.skipped++;
      continue;
    }
    if (ctx.dryRun) {
      ctx.outcome(key, 'written', { message: 'dry run' });
      continue;
    }
    pending.push({ key, hash, record: r, units: [r] });
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
  env: PullEnv,
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

/** What the engine adds before the write-back (see src/profile/pull-params.ts). */
async function resolveUnits(env: PullEnv, tp: PullTouchpoint, pending: Pending[]): Promise<void> {
  if (tp === 'shipments') {
    const units = await shipmentUnits(
      env.infoplus,
      env.profile.infoplus.lobId,
      pending.map((p) => p.record),
    );
    for (const p of pending) p.units = units.get(p.record.id) ?? [p.record];
  } else if (tp === 'item-receipts') {
    const units = await receiptUnits(
      env.infoplus,
      env.profile.infoplus.lobId,
      pending.map((p) => p.record),
    );
    for (const p of pending) p.units = [units.get(p.record.id) ?? p.record];
  }
}

async function writeBatch(
  ctx: RunContext,
  env: PullEnv,
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
  });
  for (const p of batch) {
    ctx.resolved(p.key);
    ctx.outcome(p.key, 'written', { infoplusId: p.key, message: erpSideNote(tp, p.units) });
  }
}

/** Parked records whose retry is due: fetched again by id (the newest version) and written. */
async function retryParked(
  ctx: RunContext,
  env: PullEnv,
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
