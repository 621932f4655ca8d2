import type Database from 'better-sqlite3';
import type { TouchpointName } from '../contract/index.js';

/** Where one record stands: pushed (synced), parked (failed / skipped) or, for pulls, written to the ERP. */
export type JournalStatus = 'synced' | 'failed' | 'skipped' | 'written';

/** One journal row: ERP key <-> Infoplus id, with the hash of what was last sent or written. */
export interface JournalEntry {
  readonly touchpoint: TouchpointName;
  readonly recordKey: string;
  readonly infoplusId: string | null;
  readonly contentHash: string | null;
  /** The content hash that last failed (parked records are not re-sent until it changes or a retry is due). */
  readonly failedHash: string | null;
  readonly status: JournalStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly watermark: string | null;
  /** The ERP fingerprint (see changeDetection.fingerprint) the record had when it was last pushed. */
  readonly sourceFingerprint: string | null;
  readonly updatedAt: string;
}

interface Row {
  touchpoint: TouchpointName;
  record_key: string;
  infoplus_id: string | null;
  content_hash: string | null;
  failed_hash: string | null;
  status: JournalStatus;
  attempts: number;
  last_error: string | null;
  watermark: string | null;
  source_fingerprint: string | null;
  updated_at: string;
}

const toEntry = (r: Row): JournalEntry => ({
  touchpoint: r.touchpoint,
  recordKey: r.record_key,
  infoplusId: r.infoplus_id,
  contentHash: r.content_hash,
  failedHash: r.failed_hash,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  watermark: r.watermark,
  sourceFingerprint: r.source_fingerprint,
  updatedAt: r.updated_at,
});

/** The columns of a JournalEntry, in the order of EntryValues. */
const ENTRY_COLUMNS =
  'touchpoint, record_key, infoplus_id, content_hash, failed_hash, status, attempts, last_error, watermark, source_fingerprint, updated_at';
type EntryValues = [
  TouchpointName,
  string,
  string | null,
  string | null,
  string | null,
  JournalStatus,
  number,
  string | null,
  string | null,
  string | null,
  string,
];
const entryOf = (r: EntryValues): JournalEntry => ({
  touchpoint: r[0],
  recordKey: r[1],
  infoplusId: r[2],
  contentHash: r[3],
  failedHash: r[4],
  status: r[5],
  attempts: r[6],
  lastError: r[7],
  watermark: r[8],
  sourceFingerprint: r[9],
  updatedAt: r[10],
});

// bound parameters per look-up query; well under SQLite's limit of 32766
const MANY_CHUNK = 500;

/** The per-record journal. */
export class JournalRepo {
  private readonly getStmt;
  private readonly byIdStmt;
  private readonly upsertStmt;
  private readonly failStmt;
  private readonly fingerprintStmt;
  private readonly manyStmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT * FROM journal WHERE touchpoint = ? AND record_key = ?');
    this.byIdStmt = db.prepare('SELECT * FROM journal WHERE touchpoint = ? AND infoplus_id = ? LIMIT 1');
    this.upsertStmt = db.prepare(
      `INSERT INTO journal (touchpoint, record_key, infoplus_id, content_hash, status, attempts, last_error, watermark, source_fingerprint, infoplus_key, updated_at)
       VALUES (@touchpoint, @recordKey, @infoplusId, @contentHash, @status, 0, NULL, @watermark, @fingerprint, @infoplusKey, @at)
       ON CONFLICT (touchpoint, record_key) DO UPDATE SET
         infoplus_key = COALESCE(excluded.infoplus_key, journal.infoplus_key),
         infoplus_id = COALESCE(excluded.infoplus_id, journal.infoplus_id), content_hash = excluded.content_hash,
         status = excluded.status, attempts = 0, last_error = NULL, failed_hash = NULL,
         watermark = COALESCE(excluded.watermark, journal.watermark),
         source_fingerprint = excluded.source_fingerprint, updated_at = excluded.updated_at`,
    );
    // only a record still synced with that very content may take the fingerprint it was just read with
    this.fingerprintStmt = db.prepare(
      `UPDATE journal SET source_fingerprint = @fingerprint
       WHERE touchpoint = @touchpoint AND record_key = @recordKey AND status = 'synced' AND content_hash = @contentHash`,
    );
    // A failed update keeps the last *good* content hash, so the record still looks changed next time; the
    // hash that failed is kept apart so an unchanged bad record is not re-sent on every run.
    this.failStmt = db.prepare(
      `INSERT INTO journal (touchpoint, record_key, infoplus_id, content_hash, failed_hash, status, attempts, last_error, watermark, infoplus_key, updated_at)
       VALUES (@touchpoint, @recordKey, NULL, NULL, @contentHash, @status, 1, @error, NULL, @infoplusKey, @at)
       ON CONFLICT (touchpoint, record_key) DO UPDATE SET
         infoplus_key = COALESCE(excluded.infoplus_key, journal.infoplus_key),
         status = excluded.status, attempts = journal.attempts + 1, last_error = excluded.last_error,
         failed_hash = excluded.failed_hash, updated_at = excluded.updated_at`,
    );
  }

  /** The journal row of one record, or null. */
  get(touchpoint: TouchpointName, recordKey: string): JournalEntry | null {
    const r = this.getStmt.get(touchpoint, recordKey) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /**
   * The journal rows of many records of one touchpoint, by record key (keys without a row are absent).
   * One query per chunk of keys instead of one per record: a full scan looks up every record.
   */
  getMany(touchpoint: TouchpointName, recordKeys: readonly string[]): Map<string, JournalEntry> {
    const out = new Map<string, JournalEntry>();
    for (let i = 0; i < recordKeys.length; i += MANY_CHUNK) {
      const chunk = recordKeys.slice(i, i + MANY_CHUNK);
      // raw rows in ENTRY_COLUMNS order: a full scan looks up every record, objects by name cost more
      for (const r of this.manyStmt(chunk.length).all(touchpoint, ...chunk) as EntryValues[]) {
        out.set(r[1], entryOf(r));
      }
    }
    return out;
  }

  /**
   * The stored source fingerprints of those records that are synced and have one, by record key: the
   * fingerprint scan's look-up, two columns instead of whole rows.
   */
  fingerprints(touchpoint: TouchpointName, recordKeys: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (let i = 0; i < recordKeys.length; i += MANY_CHUNK) {
      const chunk = recordKeys.slice(i, i + MANY_CHUNK);
      const rows = this.fingerprintsStmt(chunk.length).all(touchpoint, ...chunk) as [string, string][];
      for (const [key, fingerprint] of rows) out.set(key, fingerprint);
    }
    return out;
  }

  private fingerprintsStmt(n: number): Database.Statement {
    return this.cachedIn(
      n,
      'fp',
      (marks) =>
        `SELECT record_key, source_fingerprint FROM journal WHERE touchpoint = ? AND status = 'synced' AND source_fingerprint IS NOT NULL AND record_key IN (${marks})`,
      true,
    );
  }

  /** Prepared `IN (?, ...)` look-ups by size; a scan uses one or two sizes, so the map stays small. */
  private manyStmt(n: number): Database.Statement {
    return this.cachedIn(
      n,
      'row',
      (marks) => `SELECT ${ENTRY_COLUMNS} FROM journal WHERE touchpoint = ? AND record_key IN (${marks})`,
      true,
    );
  }

  private cachedIn(n: number, kind: string, sql: (marks: string) => string, raw = false): Database.Statement {
    const id = `${kind}:${n}`;
    let st = this.manyStmts.get(id);
    if (!st) {
      if (this.manyStmts.size >= 16) this.manyStmts.clear();
      st = this.db.prepare(sql(new Array<string>(n).fill('?').join(', ')));
      if (raw) st.raw(true);
      this.manyStmts.set(id, st);
    }
    return st;
  }

  /**
   * The records that claim each of these Infoplus keys (normalised, as the key policy makes them), by key: what
   * finds two ERP records mapping to one Infoplus key when a run reads only one of them.
   */
  claimants(touchpoint: TouchpointName, infoplusKeys: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < infoplusKeys.length; i += MANY_CHUNK) {
      const chunk = infoplusKeys.slice(i, i + MANY_CHUNK);
      const st = this.cachedIn(
        chunk.length,
        'claim',
        (marks) =>
          `SELECT infoplus_key, record_key FROM journal WHERE touchpoint = ? AND infoplus_key IN (${marks}) ORDER BY record_key`,
        true,
      );
      for (const [k, rec] of st.all(touchpoint, ...chunk) as [string, string][]) {
        const list = out.get(k);
        if (list) list.push(rec);
        else out.set(k, [rec]);
      }
    }
    return out;
  }

  /** Forgets the Infoplus key a record claimed (its ERP record now maps to another key, or is gone). */
  clearInfoplusKey(touchpoint: TouchpointName, recordKey: string): void {
    this.db
      .prepare('UPDATE journal SET infoplus_key = NULL WHERE touchpoint = ? AND record_key = ?')
      .run(touchpoint, recordKey);
  }

  /** The journal row that points at an Infoplus id. */
  byInfoplusId(touchpoint: TouchpointName, infoplusId: string): JournalEntry | null {
    const r = this.byIdStmt.get(touchpoint, infoplusId) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /** Records a success: the record now matches Infoplus (push) or the ERP (pull). */
  markDone(e: {
    touchpoint: TouchpointName;
    recordKey: string;
    infoplusId: string | null;
    contentHash: string;
    status?: 'synced' | 'written';
    watermark?: string | null;
    /** Null (or left out) clears it: what was pushed can then only be compared by content hash. */
    sourceFingerprint?: string | null;
    /** The record's Infoplus key, normalised (left out: kept). */
    infoplusKey?: string | null;
    at: string;
  }): void {
    this.upsertStmt.run({
      infoplusKey: e.infoplusKey ?? null,
      touchpoint: e.touchpoint,
      recordKey: e.recordKey,
      infoplusId: e.infoplusId,
      contentHash: e.contentHash,
      status: e.status ?? 'synced',
      watermark: e.watermark ?? null,
      fingerprint: e.sourceFingerprint ?? null,
      at: e.at,
    });
  }

  /**
   * Stores the fingerprints of records found unchanged by content hash (first scan after the fingerprint was
   * configured or the mapping changed), so that the next scan can skip them early.
   */
  setFingerprints(
    touchpoint: TouchpointName,
    entries: readonly { recordKey: string; contentHash: string; sourceFingerprint: string }[],
  ): void {
    for (const e of entries) {
      this.fingerprintStmt.run({
        touchpoint,
        recordKey: e.recordKey,
        contentHash: e.contentHash,
        fingerprint: e.sourceFingerprint,
      });
    }
  }

  /**
   * Makes every written record of a touchpoint count as not yet written (a replayed pull writes each record it
   * reads again, e.g. after a write-back was fixed); returns how many entries changed.
   */
  forgetContent(touchpoint: TouchpointName): number {
    return this.db
      .prepare("UPDATE journal SET content_hash = NULL WHERE touchpoint = ? AND status = 'written'")
      .run(touchpoint).changes;
  }

  /** Forgets a record (reconciliation found it gone from Infoplus): the next push creates it again. */
  forget(touchpoint: TouchpointName, recordKey: string): void {
    this.db.prepare('DELETE FROM journal WHERE touchpoint = ? AND record_key = ?').run(touchpoint, recordKey);
  }

  /** Records a failure (or a skip); attempts counts up. */
  markFailed(e: {
    touchpoint: TouchpointName;
    recordKey: string;
    contentHash: string | null;
    error: string;
    status?: 'failed' | 'skipped';
    infoplusKey?: string | null;
    at: string;
  }): void {
    this.failStmt.run({
      infoplusKey: e.infoplusKey ?? null,
      touchpoint: e.touchpoint,
      recordKey: e.recordKey,
      contentHash: e.contentHash,
      status: e.status ?? 'failed',
      error: e.error,
      at: e.at,
    });
  }

  /** Number of rows per status, for status screens and tests. */
  counts(touchpoint: TouchpointName): Record<JournalStatus, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM journal WHERE touchpoint = ? GROUP BY status')
      .all(touchpoint) as { status: JournalStatus; n: number }[];
    const out: Record<JournalStatus, number> = { synced: 0, failed: 0, skipped: 0, written: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  /** Every row of a touchpoint (tests, reconciliation reports); streams. */
  *iterate(touchpoint: TouchpointName): Generator<JournalEntry> {
    for (const r of this.db.prepare('SELECT * FROM journal WHERE touchpoint = ?').iterate(touchpoint)) {
      yield toEntry(r as Row);
    }
  }
}
