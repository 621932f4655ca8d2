/** The judge of one pulled record: what its journal row says to do with it (pure, writes nothing). */
import { contentHash } from '../domain/mapping/index.js';
import type { JournalEntry } from '../store/index.js';

export type PullVerdict =
  /** This very version is already in the ERP. */
  | { readonly kind: 'unchanged' }
  /** Parked and not changed since: it waits for a change, a retry coming due, or Retry. */
  | { readonly kind: 'parked' }
  | { readonly kind: 'write'; readonly hash: string };

/** `retry`: the record was fetched again for a due retry, so a parked version is written anyway. */
export function judgePulled(
  record: object,
  journal: JournalEntry | null,
  opts: { readonly retry: boolean },
): PullVerdict {
  const hash = contentHash(record);
  const j = journal;
  if (j && j.status === 'written' && j.contentHash === hash) return { kind: 'unchanged' };
  if (!opts.retry && j && (j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash) {
    return { kind: 'parked' };
  }
  return { kind: 'write', hash };
}
