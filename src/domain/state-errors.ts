/**
 * Failures of the app's own state (the SQLite file and logs in the data folder), told apart from ERP and
 * Infoplus failures by shape: a raw better-sqlite3 error (the ERP drivers wrap theirs in ErpError) or a file
 * system error code. A run that cannot record what it did must stop and say why, never end as "ok".
 */

/** Why the data folder cannot be written, or null when the error is not about it. */
export type StateFailureCause = 'full' | 'read-only' | 'io';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS']);

/** The cause of a state write failure, judged by error code (never by wording). */
export function stateFailureCause(err: unknown): StateFailureCause | null {
  return causeOf(stateError(err));
}

/** The error itself or the first of its causes that is a state write failure. */
function stateError(err: unknown): unknown {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    if (causeOf(e) !== null) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

function causeOf(err: unknown): StateFailureCause | null {
  if (typeof err !== 'object' || err === null) return null;
  const { name, code } = err as { name?: unknown; code?: unknown };
  if (typeof code !== 'string') return null;
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  const sqlite = name === 'SqliteError';
  if (!sqlite && !code.startsWith('E')) return null;
  if (FULL.has(base)) return 'full';
  if (READ_ONLY.has(base)) return 'read-only';
  if (sqlite && base === 'SQLITE_IOERR') return 'io';
  if (!sqlite && code === 'EIO') return 'io';
  return null;
}

/** A plain-words sentence for a state write failure (null when the error is not one). */
export function describeStateFailure(err: unknown, dataDir?: string): string | null {
  const e = stateError(err);
  const cause = causeOf(e);
  if (cause === null) return null;
  const where = dataDir ? `the data folder ${dataDir}` : 'the data folder';
  const code = String((e as { code: string }).code);
  switch (cause) {
    case 'full':
      return `The sync state cannot be written: the disk holding ${where} is full (${code}). Free some space, then run again; nothing was lost, the next run continues where this one stopped.`;
    case 'read-only':
      return `The sync state cannot be written: ${where} is read-only or this user may not write it (${code}). Make it writable (or choose another with --data-dir), then run again.`;
    case 'io':
      return `The sync state cannot be written: ${where} reported an I/O error (${code}). Check the disk, then run again.`;
  }
}
