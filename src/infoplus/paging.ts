/** Page-by-page iteration over a search: constant memory (one page at a time), stops at a short page. */
import { ServerError } from './errors.js';

/** Options of iteratePages. */
export interface PagingOptions<T> {
  /** Page size asked for; a page shorter than this is the last one. */
  limit: number;
  /** Resource name for error messages. */
  resource: string;
  /** Record key, used to notice a server that ignores `page` (which would loop forever). */
  keyOf?: (record: T) => unknown;
}

/** Yields the records of page 1, 2, ... until a page holds fewer than `limit` records. */
export async function* iteratePages<T>(
  fetchPage: (page: number, limit: number) => Promise<T[]>,
  opts: PagingOptions<T>,
): AsyncGenerator<T, void, undefined> {
  let previousFirstKey: unknown = undefined;
  for (let page = 1; ; page++) {
    const rows = await fetchPage(page, opts.limit);
    if (rows.length === 0) return;
    const first = rows[0];
    const firstKey = opts.keyOf && first !== undefined ? opts.keyOf(first) : undefined;
    if (page > 1 && firstKey !== undefined && firstKey === previousFirstKey) {
      throw new ServerError({
        resource: opts.resource,
        operation: 'search',
        message: `Infoplus returned the same ${opts.resource} page twice (page ${page}); paging stopped to avoid an endless loop`,
      });
    }
    previousFirstKey = firstKey;
    yield* rows;
    if (rows.length < opts.limit) return;
  }
}
