import type Database from 'better-sqlite3';
import type { TouchpointName } from '../contract/index.js';

/** create = POST a new record; update = PUT over an existing Infoplus record. */
export type OutboxOperation = 'create' | 'update';
/**
 * pending: intent recorded, nothing sent yet; sent: the request may be on the wire; unknown: it went out and no
 * answer came back (settling: looked up again on a schedule, never re-sent before the settle window passed);
 * done: Infoplus answered. Only pending/sent/unknown rows left behind force a lookup.
 */
export type OutboxState = 'pending' | 'sent' | 'unknown' | 'done';

/** One intent to write a record to Infoplus. */
export interface OutboxEntry {
  readonly touchpoint: TouchpointName;
  readonly recordKey: string;
  readonly operation: OutboxOperation;
  readonly payloadHash: string;
  /** The key as Infoplus knows it (customerOrderNo, poNo, sku, vendorNo): what reconciliation searches by. */
  readonly infoplusKey: string;
  readonly state: OutboxState;
  readonly infoplusId: string | null;
  readonly runId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the outcome became unknown (the settle window counts from here); null while not settling. */
  readonly unknownSince: string | null;
  /** Lookups done since the outcome became unknown. */
  readonly checks: number;
  /** When the next lookup is due (null: at the next run). */
  readonly nextCheckAt: string | null;
}

interface Row {
  touchpoint: TouchpointName;
  record_key: string;
  operation: OutboxOperation;
  payload_hash: string;
  infoplus_key: string;
  state: OutboxState;
  infoplus_id: string | null;
  run_id: string | null;
  created_at: string;
  updated_at: string;
  unknown_since: string | null;
  checks: number;
  next_check_at: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  touchpoint: r.touchpoint,
  recordKey: r.record_key,
  operation: r.operation,
  payloadHash: r.payload_hash,
  infoplusKey: r.infoplus_key,
  state: r.state,
  infoplusId: r.infoplus_id,
  runId: r.run_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  unknownSince: r.unknown_since,
  checks: r.checks,
  nextCheckAt: r.next_check_at,
});

/** The outbox of intents: written before a request leaves, so a crash leaves a trace to reconcile. */
export class OutboxRepo {
  private readonly getStmt;
  private readonly putStmt;
  private readonly stateStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT * FROM outbox WHERE touchpoint = ? AND record_key = ?');
    this.putStmt = db.prepare(
      `INSERT INTO outbox (touchpoint, record_key, operation, payload_hash, infoplus_key, state, infoplus_id, run_id, created_at, updated_at)
       VALUES (@touchpoint, @recordKey, @operation, @payloadHash, @infoplusKey, @state, @infoplusId, @runId, @at, @at)
       ON CONFLICT (touchpoint, record_key) DO UPDATE SET operation = excluded.operation,
         payload_hash = excluded.payload_hash, infoplus_key = excluded.infoplus_key, state = excluded.state, infoplus_id = excluded.infoplus_id,
         run_id = excluded.run_id, created_at = excluded.created_at, updated_at = excluded.updated_at,
         unknown_since = NULL, checks = 0, next_check_at = NULL`,
    );
    this.stateStmt = db.prepare(
      `UPDATE outbox SET state = @state, infoplus_id = COALESCE(@infoplusId, infoplus_id), updated_at = @at
       WHERE touchpoint = @touchpoint AND record_key = @recordKey`,
    );
  }

  /** The intent of one record, or null. */
  get(touchpoint: TouchpointName, recordKey: string): OutboxEntry | null {
    const r = this.getStmt.get(touchpoint, recordKey) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  /**
   * Writes intents (state `pending`: nothing sent yet; `markSent` flips each one just before its request
   * leaves); one transaction for all.
   */
  recordIntents(
    intents: readonly {
      touchpoint: TouchpointName;
      recordKey: string;
      operation: OutboxOperation;
      payloadHash: string;
      infoplusKey: string;
      infoplusId: string | null;
    }[],
    runId: string | null,
    at: string,
  ): void {
    if (intents.length === 0) return;
    // The one write that must survive a power cut, not only a process kill: fsync this commit (FULL) even
    // though the connection otherwise runs with synchronous=NORMAL (see openStateStore).
    this.db.pragma('synchronous = FULL');
    try {
      this.db.transaction(() => {
        for (const i of intents) this.putStmt.run({ ...i, state: 'pending', runId, at });
      })();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  /** Moves an intent to another state. */
  setState(
    touchpoint: TouchpointName,
    recordKey: string,
    state: OutboxState,
    at: string,
    infoplusId?: string | null,
  ): void {
    this.stateStmt.run({ touchpoint, recordKey, state, infoplusId: infoplusId ?? null, at });
  }

  /** From here on the request may be on the wire: a crash leaves this row to be settled, not re-sent. */
  markSent(touchpoint: TouchpointName, recordKey: string, at: string): void {
    this.stateStmt.run({ touchpoint, recordKey, state: 'sent', infoplusId: null, at });
  }

  /**
   * The request's outcome is unknown: the record settles (looked up at `nextCheckAt`, never re-sent before the
   * settle window passed). `since` is kept from an earlier call (the window counts from the first).
   */
  markUnknown(
    touchpoint: TouchpointName,
    recordKey: string,
    o: { since: string; checks: number; nextCheckAt: string | null; at: string },
  ): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'unknown', unknown_since = COALESCE(unknown_since, @since), checks = @checks,
           next_check_at = @nextCheckAt, updated_at = @at
         WHERE touchpoint = @touchpoint AND record_key = @recordKey`,
      )
      .run({ touchpoint, recordKey, ...o });
  }

  /** Records waiting to learn whether Infoplus received them (state unknown), for one touchpoint or all. */
  settlingCount(touchpoint?: TouchpointName): number {
    const sql = `SELECT COUNT(*) AS n FROM outbox WHERE state = 'unknown'${touchpoint ? ' AND touchpoint = ?' : ''}`;
    const stmt = this.db.prepare(sql);
    return (touchpoint ? (stmt.get(touchpoint) as { n: number }) : (stmt.get() as { n: number })).n;
  }

  /** Drops an intent whose request certainly never took effect (refused, never sent). */
  remove(touchpoint: TouchpointName, recordKey: string): void {
    this.db.prepare('DELETE FROM outbox WHERE touchpoint = ? AND record_key = ?').run(touchpoint, recordKey);
  }

  /** Drops an intent of this run that was never sent (a lost lease must not drop the other run's rows). */
  removePending(touchpoint: TouchpointName, recordKey: string, runId: string): void {
    this.db
      .prepare(
        `DELETE FROM outbox WHERE touchpoint = ? AND record_key = ? AND state = 'pending' AND run_id = ?`,
      )
      .run(touchpoint, recordKey, runId);
  }

  /** Intents whose outcome is not known (left by a crash or a lost answer): each needs a lookup first. */
  unresolved(touchpoint: TouchpointName): OutboxEntry[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM outbox WHERE touchpoint = ? AND state IN ('pending', 'sent', 'unknown') ORDER BY created_at`,
        )
        .all(touchpoint) as Row[]
    ).map(toEntry);
  }

  /** Forgets finished intents older than the given time, so the table stays small. */
  pruneDone(before: string): number {
    return this.db.prepare(`DELETE FROM outbox WHERE state = 'done' AND updated_at < ?`).run(before).changes;
  }
}
