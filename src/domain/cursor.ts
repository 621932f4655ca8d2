/**
 * Pull cursor math (pure). A pull reads Infoplus in keyset order (modifyDate, id) and never by page number,
 * because page-number paging over a changing set skips a row whenever an earlier row moves.
 *
 * - `modify-date` cursors (shipments, item receipts): `modifyDate gt D` sorted by modifyDate; a full page is
 *   processed only up to (excluding) its last modifyDate L, whose whole tie group is then read by id with
 *   `modifyDate eq L and id gt I` sorted by id. So equal modifyDates (ties) are never cut, whatever their size.
 * - `id` cursors (inventory adjustments: the model has no modifyDate, API.md §6.1): `id gt I` sorted by id.
 *   Adjustments are immutable ledger rows with increasing ids; the overlap re-reads the last ids in case a
 *   lower id became visible late.
 * The cursor is a position (date, id) meaning "every record at or before it has been written to the ERP".
 */

/** How a touchpoint's cursor orders records. */
export type CursorKind = 'modify-date' | 'id';

/** A stored position: every record ordered at or before (date, id) is in the ERP. */
export interface PullCursor {
  readonly kind: CursorKind;
  /** ISO-8601 modifyDate (null for id cursors and for "from the beginning"). */
  readonly date: string | null;
  readonly id: number;
}

/** The next search to run. */
export type PullQuery =
  | { readonly type: 'tie'; readonly date: string; readonly afterId: number }
  | { readonly type: 'after-date'; readonly date: string | null }
  | { readonly type: 'after-id'; readonly afterId: number };

/** What the cursor needs of a record. */
export interface CursorRecord {
  readonly id: number;
  readonly modifyDate?: string | Date | null;
}

/** The plan for one fetched page: which records to write (in order) and what to ask next. */
export interface PagePlan<T> {
  readonly process: readonly T[];
  readonly next: PullQuery | null;
  /** The position once every record in `process` is written. */
  readonly positionAfter: PullCursor;
}

/** Overlap re-read at the start of each run (dedupe by id + version makes it harmless). */
export interface Overlap {
  readonly ms: number;
  readonly ids: number;
}

const ms = (d: string | Date | number): number =>
  d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
const iso = (t: number): string => new Date(t).toISOString();

/** Normalises a modifyDate to ISO-8601 UTC with milliseconds, or null when absent/unparseable. */
export function normalizeDate(d: string | Date | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const t = ms(d);
  return Number.isFinite(t) ? iso(t) : null;
}

/** Smallest re-read window of a modifyDate cursor. */
export const MIN_OVERLAP_MS = 1;

/** Orders two positions; a null date sorts first. */
export function compareCursor(a: PullCursor, b: PullCursor): number {
  const da = a.date === null ? -Infinity : ms(a.date);
  const db = b.date === null ? -Infinity : ms(b.date);
  if (da !== db) return da < db ? -1 : 1;
  return a.id - b.id;
}

/** The position of a record. */
export function positionOf(kind: CursorKind, r: CursorRecord): PullCursor {
  return kind === 'id'
    ? { kind, date: null, id: r.id }
    : { kind, date: normalizeDate(r.modifyDate), id: r.id };
}

/** Where a run starts: the stored cursor moved back by the overlap window. */
export function startPosition(kind: CursorKind, cursor: PullCursor | null, overlap: Overlap): PullCursor {
  if (!cursor || cursor.kind !== kind) return { kind, date: null, id: 0 };
  if (kind === 'id') return { kind, date: null, id: Math.max(0, cursor.id - Math.max(0, overlap.ids)) };
  if (cursor.date === null) return { kind, date: null, id: 0 };
  // At least one millisecond back, always: a record changed again within the millisecond we last read keeps
  // its modifyDate, so the tie group at the cursor (and just before it) must be read again; dedupe by
  // id + content makes that free of duplicates (found by the property test).
  return { kind, date: iso(ms(cursor.date) - Math.max(MIN_OVERLAP_MS, overlap.ms)), id: 0 };
}

/** The first search from a position. */
export function firstQuery(pos: PullCursor): PullQuery {
  if (pos.kind === 'id') return { type: 'after-id', afterId: pos.id };
  if (pos.date === null) return { type: 'after-date', date: null };
  return { type: 'tie', date: pos.date, afterId: pos.id };
}

const byDateThenId = (a: CursorRecord, b: CursorRecord): number => {
  const d = ms(a.modifyDate ?? 0) - ms(b.modifyDate ?? 0);
  return d !== 0 ? d : a.id - b.id;
};

/** Decides what of a fetched page to write, in which order, and which search comes next. */
export function planPage<T extends CursorRecord>(
  query: PullQuery,
  page: readonly T[],
  limit: number,
  current: PullCursor,
): PagePlan<T> {
  const full = page.length >= limit;
  if (query.type === 'after-id') {
    const rows = page.filter((r) => r.id > query.afterId).sort((a, b) => a.id - b.id);
    const last = rows[rows.length - 1];
    const positionAfter = last ? { kind: 'id' as const, date: null, id: last.id } : current;
    return {
      process: rows,
      next: full && last ? { type: 'after-id', afterId: last.id } : null,
      positionAfter,
    };
  }
  if (query.type === 'tie') {
    const at = ms(query.date);
    const rows = page
      .filter((r) => r.id > query.afterId && r.modifyDate != null && ms(r.modifyDate) === at)
      .sort((a, b) => a.id - b.id);
    const last = rows[rows.length - 1];
    const positionAfter = last ? { kind: 'modify-date' as const, date: query.date, id: last.id } : current;
    const next: PullQuery =
      full && last
        ? { type: 'tie', date: query.date, afterId: last.id }
        : { type: 'after-date', date: query.date };
    return { process: rows, next, positionAfter };
  }
  const after = query.date === null ? -Infinity : ms(query.date);
  const rows = page.filter((r) => r.modifyDate != null && ms(r.modifyDate) > after).sort(byDateThenId);
  if (!full) {
    const last = rows[rows.length - 1];
    return { process: rows, next: null, positionAfter: last ? positionOf('modify-date', last) : current };
  }
  const lastRow = rows[rows.length - 1];
  if (!lastRow) return { process: [], next: null, positionAfter: current };
  // The page may cut the tie group of its last modifyDate: write everything before it, then read that group by id.
  const cut = ms(lastRow.modifyDate as string | Date);
  const before = rows.filter((r) => ms(r.modifyDate as string | Date) < cut);
  const cutIso = iso(cut);
  return {
    process: before,
    next: { type: 'tie', date: cutIso, afterId: 0 },
    positionAfter: { kind: 'modify-date', date: cutIso, id: 0 },
  };
}

/** The cursor as text for the dashboard ("2026-01-02T03:04:05.000Z #123"). */
export function describeCursor(c: PullCursor | null): string | null {
  if (!c) return null;
  if (c.kind === 'id') return `after id ${c.id}`;
  return c.date === null ? 'from the beginning' : `${c.date} #${c.id}`;
}
