/**
 * One pull run (shipments, item receipts, inventory adjustments): keyset reads from the stored cursor minus an
 * overlap window, dedupe by Infoplus id + content hash in the journal, one ERP transaction per record through
 * the profile's write-back, and a cursor checkpoint every N records, only ever past records already written.
 * A record that fails alone is parked (with its data) and retried from the inbox by id; the cursor moves on.
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
        filter: f.and(lob, f.eq('modifyDate', new Date(q.date)), f.gt('id', q.afterId)),
        sort: 'id',
        limit,
      };
    case 'after-date':
      return {
        filter: q.date === null ? lob : f.and(lob, f.gt('modifyDate', new Date(q.date))),
        sort: 'modifyDate',
        limit,
      };
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
      for (const r of plan.process) {
        ctx.checkAborted();
        await applyOne(ctx, env, tp, r, false);
        pos = positionOf(kind, r);
        if (++sinceCheckpoint >= ctx.options.checkpointEvery) {
          checkpoint(pos);
          sinceCheckpoint = 0;
        }
      }
      if (compareCursor(plan.positionAfter, pos) > 0) pos = plan.positionAfter;
      query = plan.next;
    }
  } finally {
    // Everything before `pos` is in the ERP (failures are parked in the inbox with their data).
    checkpoint(pos);
  }
}

/** Writes one record unless this version was already written; parks it when it fails alone. */
async function applyOne(
  ctx: RunContext,
  env: PullEnv,
  tp: PullTouchpoint,
  r: PulledRecord,
  retry: boolean,
): Promise<void> {
  const key = String(r.id);
  const hash = contentHash(r);
  const j = ctx.store.journal.get(tp, key);
  if (j && j.status === 'written' && j.contentHash === hash) {
    ctx.outcome(key, 'unchanged');
    return;
  }
  if (!retry && j && (j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash) {
    ctx.counts.skipped++;
    return;
  }
  if (ctx.dryRun) {
    ctx.outcome(key, 'written', { message: 'dry run' });
    return;
  }
  try {
    await env.io.applyWriteBack(env.erp, env.profile, tp, r);
  } catch (e) {
    const cls = classifyError(e, 'erp-write');
    if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
    ctx.park(key, cls, { contentHash: hash, payload: r });
    return;
  }
  ctx.store.journal.markDone({
    touchpoint: tp,
    recordKey: key,
    infoplusId: key,
    contentHash: hash,
    status: 'written',
    at: ctx.now(),
  });
  ctx.resolved(key);
  ctx.outcome(key, 'written', { infoplusId: key });
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
    await applyOne(ctx, env, tp, record, true);
  }
}
