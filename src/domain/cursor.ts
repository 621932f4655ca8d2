/**
 * Pull cursor math (pure). A pull reads Infoplus in keyset order (modifyDate, id) and never by page number,
 * because page-number paging over a changing set skips a row whenever an earlier row moves.
 *
 * - `modify-date` cursors (shipments, item receipts): `modifyDate gte D` sorted by modifyDate. A full page is
 *   processed only up to (excluding) its last modifyDate L, and the next search starts at `gte L`, so a tie group
 *   is never cut. Only a tie group larger than a page is read by id: `modifyDate gte L and id gt I` sorted by id,
 *   keeping the rows whose modifyDate equals L, then `modifyDate gt L`. No search ever asks for an exact date
 *   (`eq`): the server's stored precision (milliseconds, whole seconds) and literal format are unknown, and
 *   `gte` with an overlap plus de-duplication by id + modifyDate (the journal's content hash) is lossless at any
 *   precision.
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
  /** `modifyDate gte date and id gt afterId` sorted by id: the rest of a tie group larger than a page. */
  | { readonly type: 'tie'; readonly date: string; readonly afterId: number }
  /** `modifyDate gte date` (or `gt` when not inclusive; everything when date is null) sorted by modifyDate. */
  | { readonly type: 'since'; readonly date: string | null; readonly inclusive: boolean }
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

/** The first search from a position (already moved back by the overlap). */
export function firstQuery(pos: PullCursor): PullQuery {
  if (pos.kind === 'id') return { type: 'after-id', afterId: pos.id };
  return { type: 'since', date: pos.date, inclusive: true };
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
    // the page also holds later-dated rows with higher ids: they are read by the `gt` search that follows
    const rows = page
      .filter((r) => r.id > query.afterId && r.modifyDate != null && ms(r.modifyDate) === at)
      .sort((a, b) => a.id - b.id);
    const last = rows[rows.length - 1];
    const positionAfter = last ? { kind: 'modify-date' as const, date: query.date, id: last.id } : current;
    const lastSeen = page.reduce((m, r) => (r.id > m ? r.id : m), query.afterId);
    const next: PullQuery =
      full && lastSeen > query.afterId
        ? { type: 'tie', date: query.date, afterId: lastSeen }
        : { type: 'since', date: query.date, inclusive: false };
    return { process: rows, next, positionAfter };
  }
  const from = query.date === null ? -Infinity : ms(query.date);
  const rows = page
    .filter(
      (r) => r.modifyDate != null && (query.inclusive ? ms(r.modifyDate) >= from : ms(r.modifyDate) > from),
    )
    .sort(byDateThenId);
  if (!full) {
    const last = rows[rows.length - 1];
    return { process: rows, next: null, positionAfter: last ? positionOf('modify-date', last) : current };
  }
  const lastRow = rows[rows.length - 1];
  if (!lastRow) return { process: [], next: null, positionAfter: current };
  // The page may cut the tie group of its last modifyDate L: write everything before L, then search from L.
  const cut = ms(lastRow.modifyDate as string | Date);
  const cutIso = iso(cut);
  const before = rows.filter((r) => ms(r.modifyDate as string | Date) < cut);
  if (before.length === 0) {
    // the whole page is one modifyDate: that tie group is larger than a page, read it by id
    return { process: [], next: { type: 'tie', date: cutIso, afterId: 0 }, positionAfter: current };
  }
  const prev = before[before.length - 1]!;
  return {
    process: before,
    next: { type: 'since', date: cutIso, inclusive: true },
    positionAfter: positionOf('modify-date', prev),
  };
}

/** The cursor as text for the dashboard ("2026-01-02T03:04:05.000Z #123"). */
export function describeCursor(c: PullCursor | null): string | null {
  if (!c) return null;
  if (c.kind === 'id') return `after id ${c.id}`;
  return c.date === null ? 'from the beginning' : `${c.date} #${c.id}`;
}
