/**
 * Where a pull run's records come from: keyset pages from the cursor position on, each planned (what to write,
 * where the cursor may go, the next query); and the cursor the run keeps, checkpointed only past batches
 * already committed.
 */
import type { PullTouchpoint } from '../contract/index.js';
import {
  compareCursor,
  firstQuery,
  planPage,
  positionOf,
  startPosition,
  type CursorKind,
  type CursorRecord,
  type PagePlan,
  type PullCursor,
  type PullQuery,
} from '../domain/cursor.js';
import { f, type Filter, type ReadableResource } from '../infoplus/index.js';
import type { RunContext } from './run-context.js';
import { PULL_DEFINITIONS, type PulledRecord } from './touchpoints/index.js';

/** The cursor kind of a pull touchpoint, as its definition says. */
export function cursorKindOf(tp: PullTouchpoint): CursorKind {
  return PULL_DEFINITIONS[tp].cursor;
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

/** The pages of a pull, from the kept cursor's position on; each page is planned against where it stands now. */
export async function* pullPages(
  ctx: RunContext,
  resource: ReadableResource<PulledRecord>,
  lobId: number,
  cursor: PullCursorKeeper,
): AsyncGenerator<PagePlan<PulledRecord>> {
  let query: PullQuery | null = firstQuery(cursor.position);
  while (query) {
    ctx.checkAborted();
    const page = await resource.search(toSearch(query, lobId, ctx.options.pullPageSize));
    const plan: PagePlan<PulledRecord> = planPage(query, page, ctx.options.pullPageSize, cursor.position);
    yield plan;
    cursor.reach(plan.positionAfter);
    query = plan.next;
  }
}

/** The cursor of one pull run: where it stands, and what is stored (never moved back). */
export class PullCursorKeeper {
  private readonly kind: CursorKind;
  private committed: PullCursor | null;
  private sinceCheckpoint = 0;
  position: PullCursor;

  constructor(
    private readonly ctx: RunContext,
    private readonly tp: PullTouchpoint,
  ) {
    this.kind = cursorKindOf(tp);
    const stored = ctx.store.cursors.get(tp);
    this.committed = stored && stored.kind === this.kind ? stored : null;
    this.position = startPosition(this.kind, this.committed, {
      ms: ctx.options.overlapMs,
      ids: ctx.options.overlapIds,
    });
  }

  /** Every record up to `last` is committed (or parked with its data): the cursor may pass it. */
  passed(last: CursorRecord, count: number): void {
    this.position = positionOf(this.kind, last);
    this.sinceCheckpoint += count;
    if (this.sinceCheckpoint >= this.ctx.options.checkpointEvery) {
      this.checkpoint();
      this.sinceCheckpoint = 0;
    }
  }

  /** A page is done: the cursor goes to where its plan says, if that is further. */
  reach(pos: PullCursor): void {
    if (compareCursor(pos, this.position) > 0) this.position = pos;
  }

  /** Stores the position reached (everything before it is in the ERP or parked in the inbox with its data). */
  checkpoint(): void {
    const pos = this.position;
    if (this.committed && compareCursor(pos, this.committed) <= 0) return;
    this.ctx.store.cursors.set(this.tp, pos, this.ctx.now());
    this.committed = pos;
  }
}
