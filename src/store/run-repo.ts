import type Database from 'better-sqlite3';
import type {
  RecordAction,
  RunCounts,
  RunRecord,
  RunStatus,
  RunSummary,
  RunTrigger,
  TouchpointName,
} from '../contract/index.js';
import { scrubSecrets } from '../logging/redact.js';

/** Counts with every field zero. */
export const ZERO_COUNTS: RunCounts = {
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  pulled: 0,
};

interface RunRow {
  id: string;
  touchpoint: TouchpointName;
  trigger: RunTrigger;
  dry_run: number;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  counts: string;
  error: string | null;
}

const toSummary = (r: RunRow): RunSummary => ({
  id: r.id,
  touchpoint: r.touchpoint,
  trigger: r.trigger,
  dryRun: r.dry_run === 1,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: { ...ZERO_COUNTS, ...(JSON.parse(r.counts) as Partial<RunCounts>) },
  ...(r.error ? { error: r.error } : {}),
});

interface RecordRow {
  run_id: string;
  touchpoint: TouchpointName;
  record_key: string;
  action: RecordAction;
  infoplus_id: string | null;
  message: string | null;
  at: string;
}

/** Filter of the run history. */
export interface RunListFilter {
  readonly touchpoint?: TouchpointName;
  readonly status?: RunStatus;
  readonly limit?: number;
  readonly offset?: number;
}

/** Run history and per-record drill-down. */
export class RunRepo {
  private readonly recordStmt;

  constructor(
    private readonly db: Database.Database,
    /** Applied to run errors and record messages before they are stored (see InboxRepo). */
    private readonly scrub: (text: string) => string = (text) => scrubSecrets(text),
  ) {
    this.recordStmt = db.prepare(
      `INSERT INTO run_records (run_id, touchpoint, record_key, action, infoplus_id, message, at)
       VALUES (@runId, @touchpoint, @recordKey, @action, @infoplusId, @message, @at)`,
    );
  }

  /** Stores a run as it starts. */
  start(run: RunSummary): void {
    this.db
      .prepare(
        `INSERT INTO runs (id, touchpoint, trigger, dry_run, status, started_at, finished_at, counts, error, pid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.touchpoint,
        run.trigger,
        run.dryRun ? 1 : 0,
        run.status,
        run.startedAt,
        run.finishedAt,
        JSON.stringify(run.counts),
        run.error === undefined ? null : this.scrub(run.error),
        process.pid,
      );
  }

  /** Stores counts, status and finish time. */
  update(run: RunSummary): void {
    this.db
      .prepare('UPDATE runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?')
      .run(
        run.status,
        run.finishedAt,
        JSON.stringify(run.counts),
        run.error === undefined ? null : this.scrub(run.error),
        run.id,
      );
  }

  /** One run, or null. */
  get(id: string): RunSummary | null {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return r ? toSummary(r) : null;
  }

  /** Runs, newest first. */
  list(filter: RunListFilter = {}): RunSummary[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.touchpoint) {
      where.push('touchpoint = ?');
      params.push(filter.touchpoint);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const sql = `SELECT * FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY started_at DESC, rowid DESC LIMIT ? OFFSET ?`;
    params.push(filter.limit ?? 100, filter.offset ?? 0);
    return (this.db.prepare(sql).all(...params) as RunRow[]).map(toSummary);
  }

  /** The newest run of a touchpoint (dry runs excluded unless asked). */
  latest(touchpoint: TouchpointName, includeDryRuns = false): RunSummary | null {
    const r = this.db
      .prepare(
        `SELECT * FROM runs WHERE touchpoint = ? ${includeDryRuns ? '' : 'AND dry_run = 0'}
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(touchpoint) as RunRow | undefined;
    return r ? toSummary(r) : null;
  }

  /** Appends per-record outcomes (one transaction). */
  addRecords(records: readonly RunRecord[]): void {
    if (records.length === 0) return;
    this.db.transaction(() => {
      for (const r of records) {
        this.recordStmt.run({
          runId: r.runId,
          touchpoint: r.touchpoint,
          recordKey: r.recordKey,
          action: r.action,
          infoplusId: r.infoplusId ?? null,
          message: r.message === undefined ? null : this.scrub(r.message),
          at: r.at,
        });
      }
    })();
  }

  /** What a run did per record, in order. */
  records(runId: string, limit = 1000): RunRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM run_records WHERE run_id = ? ORDER BY seq LIMIT ?')
        .all(runId, limit) as RecordRow[]
    ).map((r) => ({
      runId: r.run_id,
      touchpoint: r.touchpoint,
      recordKey: r.record_key,
      action: r.action,
      ...(r.infoplus_id !== null ? { infoplusId: r.infoplus_id } : {}),
      ...(r.message !== null ? { message: r.message } : {}),
      at: r.at,
    }));
  }

  /** Marks runs left 'running' by a process that died as failed; returns how many. */
  failInterrupted(touchpoint: TouchpointName, at: string): number {
    return this.db
      .prepare(
        `UPDATE runs SET status = 'failed', finished_at = ?,
           error = 'The run was interrupted (the process stopped); the next run picks up where it left off.'
         WHERE touchpoint = ? AND status = 'running'`,
      )
      .run(at, touchpoint).changes;
  }

  /** Keeps the newest `keep` runs per touchpoint (and their records). */
  prune(keep = 500): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `DELETE FROM run_records WHERE run_id IN (
             SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY touchpoint ORDER BY started_at DESC) AS n FROM runs)
             WHERE n > ?)`,
        )
        .run(keep);
      this.db
        .prepare(
          `DELETE FROM runs WHERE id IN (
             SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY touchpoint ORDER BY started_at DESC) AS n FROM runs)
             WHERE n > ?)`,
        )
        .run(keep);
    })();
  }
}
