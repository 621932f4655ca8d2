import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ErrorCategory, FixBy, InboxItem, InboxStatus, TouchpointName } from '../contract/index.js';
import { scrubSecrets } from '../logging/redact.js';

interface Row {
  id: string;
  touchpoint: TouchpointName;
  record_key: string;
  category: ErrorCategory;
  message: string;
  infoplus_messages: string;
  fix_by: FixBy;
  hint: string;
  payload: string | null;
  attempts: number;
  status: InboxStatus;
  first_seen_at: string;
  last_seen_at: string;
  next_retry_at: string | null;
}

const toItem = (r: Row): InboxItem => ({
  id: r.id,
  touchpoint: r.touchpoint,
  recordKey: r.record_key,
  category: r.category,
  message: r.message,
  infoplusMessages: JSON.parse(r.infoplus_messages) as string[],
  fixBy: r.fix_by,
  hint: r.hint,
  ...(r.payload !== null ? { payload: JSON.parse(r.payload) as unknown } : {}),
  attempts: r.attempts,
  status: r.status,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  nextRetryAt: r.next_retry_at,
});

/** A failure to park in the inbox. */
export interface InboxFailure {
  readonly touchpoint: TouchpointName;
  readonly recordKey: string;
  readonly category: ErrorCategory;
  readonly message: string;
  readonly infoplusMessages: readonly string[];
  readonly fixBy: FixBy;
  readonly hint: string;
  readonly payload?: unknown;
  /** Set for transient failures: the engine retries by itself after this time. */
  readonly nextRetryAt: string | null;
  readonly at: string;
}

/** Unresolved inbox items of one touchpoint, status and category. */
export interface InboxGroup {
  readonly touchpoint: TouchpointName;
  readonly status: Exclude<InboxStatus, 'resolved'>;
  readonly category: ErrorCategory;
  readonly count: number;
  /** One item's message, as an example. */
  readonly example: string;
  readonly hint: string;
}

/** Filter of the inbox list. */
export interface InboxFilter {
  readonly touchpoint?: TouchpointName;
  readonly category?: ErrorCategory;
  readonly status?: InboxStatus;
  readonly limit?: number;
}

/** The error inbox: one item per (touchpoint, record), reopened when the record fails again. */
export class InboxRepo {
  private readonly byKeyStmt;

  constructor(
    private readonly db: Database.Database,
    /** Applied to every message before it is stored: Infoplus may echo a key, a driver a connection URL. */
    private readonly scrub: (text: string) => string = (text) => scrubSecrets(text),
  ) {
    this.byKeyStmt = db.prepare('SELECT * FROM inbox WHERE touchpoint = ? AND record_key = ?');
  }

  /** Parks a failure (or updates the record's existing item); returns the item. */
  recordFailure(failure: InboxFailure): InboxItem {
    const f: InboxFailure = {
      ...failure,
      message: this.scrub(failure.message),
      infoplusMessages: failure.infoplusMessages.map(this.scrub),
      hint: this.scrub(failure.hint),
    };
    const existing = this.byKeyStmt.get(f.touchpoint, f.recordKey) as Row | undefined;
    const status: InboxStatus = f.nextRetryAt ? 'retrying' : 'open';
    const payload = f.payload === undefined ? null : JSON.stringify(f.payload);
    const messages = JSON.stringify(f.infoplusMessages);
    if (existing) {
      this.db
        .prepare(
          `UPDATE inbox SET category = ?, message = ?, infoplus_messages = ?, fix_by = ?, hint = ?, payload = ?,
             attempts = attempts + 1, status = ?, last_seen_at = ?, next_retry_at = ?,
             first_seen_at = CASE WHEN status = 'resolved' THEN ? ELSE first_seen_at END
           WHERE id = ?`,
        )
        .run(
          f.category,
          f.message,
          messages,
          f.fixBy,
          f.hint,
          payload,
          status,
          f.at,
          f.nextRetryAt,
          f.at,
          existing.id,
        );
      return toItem(this.byKeyStmt.get(f.touchpoint, f.recordKey) as Row);
    }
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO inbox (id, touchpoint, record_key, category, message, infoplus_messages, fix_by, hint, payload,
           attempts, status, first_seen_at, last_seen_at, next_retry_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        id,
        f.touchpoint,
        f.recordKey,
        f.category,
        f.message,
        messages,
        f.fixBy,
        f.hint,
        payload,
        status,
        f.at,
        f.at,
        f.nextRetryAt,
      );
    return toItem(this.byKeyStmt.get(f.touchpoint, f.recordKey) as Row);
  }

  /** Marks a record's item resolved (it went through); returns the item when one was unresolved. */
  resolve(touchpoint: TouchpointName, recordKey: string, at: string): InboxItem | null {
    const r = this.byKeyStmt.get(touchpoint, recordKey) as Row | undefined;
    if (!r || r.status === 'resolved') return null;
    this.db
      .prepare(`UPDATE inbox SET status = 'resolved', next_retry_at = NULL, last_seen_at = ? WHERE id = ?`)
      .run(at, r.id);
    return { ...toItem(r), status: 'resolved', nextRetryAt: null, lastSeenAt: at };
  }

  /**
   * Which of these records have an item not yet resolved (one query per chunk of keys): a pull resolves only
   * those instead of looking every written record up.
   */
  unresolvedKeys(touchpoint: TouchpointName, recordKeys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < recordKeys.length; i += 500) {
      const chunk = recordKeys.slice(i, i + 500);
      const marks = new Array<string>(chunk.length).fill('?').join(', ');
      const rows = this.db
        .prepare(
          `SELECT record_key FROM inbox WHERE touchpoint = ? AND status <> 'resolved' AND record_key IN (${marks})`,
        )
        .pluck()
        .all(touchpoint, ...chunk) as string[];
      for (const k of rows) out.add(k);
    }
    return out;
  }

  /** The item of one record, or null. */
  byKey(touchpoint: TouchpointName, recordKey: string): InboxItem | null {
    const r = this.byKeyStmt.get(touchpoint, recordKey) as Row | undefined;
    return r ? toItem(r) : null;
  }

  /** One item by id. */
  get(id: string): InboxItem | null {
    const r = this.db.prepare('SELECT * FROM inbox WHERE id = ?').get(id) as Row | undefined;
    return r ? toItem(r) : null;
  }

  /** Items, newest first (resolved ones only when asked for). */
  list(filter: InboxFilter = {}): InboxItem[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.touchpoint) {
      where.push('touchpoint = ?');
      params.push(filter.touchpoint);
    }
    if (filter.category) {
      where.push('category = ?');
      params.push(filter.category);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    } else {
      where.push(`status <> 'resolved'`);
    }
    params.push(filter.limit ?? 1000);
    return (
      this.db
        .prepare(`SELECT * FROM inbox WHERE ${where.join(' AND ')} ORDER BY last_seen_at DESC, id LIMIT ?`)
        .all(...params) as Row[]
    ).map(toItem);
  }

  /** Asks the engine to try these records again on its next run; returns how many were queued. */
  retry(ids: readonly string[], at: string = new Date().toISOString()): number {
    const stmt = this.db.prepare(
      `UPDATE inbox SET status = 'retrying', next_retry_at = ? WHERE id = ? AND status IN ('open', 'skipped', 'retrying')`,
    );
    return this.db.transaction(() => ids.reduce((n, id) => n + stmt.run(at, id).changes, 0))();
  }

  /** Sets records aside: they are not sent again until their ERP data changes; returns how many. */
  skip(ids: readonly string[]): number {
    const stmt = this.db.prepare(
      `UPDATE inbox SET status = 'skipped', next_retry_at = NULL WHERE id = ? AND status IN ('open', 'retrying')`,
    );
    return this.db.transaction(() => ids.reduce((n, id) => n + stmt.run(id).changes, 0))();
  }

  /** Items that still need someone or a retry (open + retrying), for one touchpoint or all. */
  openCount(touchpoint?: TouchpointName): number {
    const sql = `SELECT COUNT(*) AS n FROM inbox WHERE status IN ('open', 'retrying')${touchpoint ? ' AND touchpoint = ?' : ''}`;
    const stmt = this.db.prepare(sql);
    return (touchpoint ? (stmt.get(touchpoint) as { n: number }) : (stmt.get() as { n: number })).n;
  }

  /**
   * Unresolved items grouped by touchpoint, status and category (for `run` endings and `status --json`); the
   * message is one of the group's, as an example of why.
   */
  groups(touchpoints?: readonly TouchpointName[]): InboxGroup[] {
    const rows = this.db
      .prepare(
        `SELECT touchpoint, status, category, COUNT(*) AS n, MAX(message) AS example, MAX(hint) AS hint
         FROM inbox WHERE status <> 'resolved' GROUP BY touchpoint, status, category
         ORDER BY touchpoint, status, category`,
      )
      .all() as {
      touchpoint: TouchpointName;
      status: Exclude<InboxStatus, 'resolved'>;
      category: ErrorCategory;
      n: number;
      example: string;
      hint: string;
    }[];
    return rows
      .filter((r) => !touchpoints || touchpoints.includes(r.touchpoint))
      .map((r) => ({
        touchpoint: r.touchpoint,
        status: r.status,
        category: r.category,
        count: r.n,
        example: r.example,
        hint: r.hint,
      }));
  }

  /** The unresolved items of these record keys (any touchpoint, or one). */
  byRecordKeys(recordKeys: readonly string[], touchpoint?: TouchpointName): InboxItem[] {
    if (recordKeys.length === 0) return [];
    const out: InboxItem[] = [];
    for (let i = 0; i < recordKeys.length; i += 500) {
      const chunk = recordKeys.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(', ');
      const rows = this.db
        .prepare(
          `SELECT * FROM inbox WHERE status <> 'resolved' AND record_key IN (${marks})${touchpoint ? ' AND touchpoint = ?' : ''}
           ORDER BY touchpoint, record_key`,
        )
        .all(...chunk, ...(touchpoint ? [touchpoint] : [])) as Row[];
      out.push(...rows.map(toItem));
    }
    return out;
  }

  /** Records whose retry is due now (asked for by a person, or a transient failure's backoff elapsed). */
  dueForRetry(touchpoint: TouchpointName, now: string, limit = 10_000): InboxItem[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM inbox WHERE touchpoint = ? AND status = 'retrying' AND next_retry_at <= ?
           ORDER BY next_retry_at LIMIT ?`,
        )
        .all(touchpoint, now, limit) as Row[]
    ).map(toItem);
  }
}
