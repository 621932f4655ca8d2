/** Reading a large result in arrays of rows, whichever the driver. */
import type { ErpConnection, Row, SqlParams, StatementOptions } from './types.js';

/**
 * The result of `sql` in arrays of up to `size` rows: the driver's own streamBatches when it has one (SQLite
 * reads a batch synchronously), else its row stream grouped here. Memory stays bounded by `size`.
 */
export function streamInBatches<T extends Row = Row>(
  erp: ErpConnection,
  sql: string,
  params: SqlParams | undefined,
  size: number,
  opts?: StatementOptions,
): AsyncIterable<T[]> {
  if (erp.streamBatches) return erp.streamBatches<T>(sql, params, size, opts);
  return grouped(erp.stream<T>(sql, params, opts), Math.max(1, size));
}

/** The items of `rows` in arrays of `size` (the last one shorter). */
export async function* grouped<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
