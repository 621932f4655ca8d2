/** Book-keeping of one run: counts, per-record history, inbox parking, progress events. */
import type {
  InboxItem,
  RecordAction,
  RunCounts,
  RunRecord,
  RunSummary,
  TouchpointName,
} from '../contract/index.js';
import { retryDelayMs, type ClassifiedError } from '../domain/error-classification.js';
import { ZERO_COUNTS, type StateStore } from '../store/index.js';
import { RunAbort, type EngineEvent, type LoggerLike, type ResolvedOptions } from './types.js';

type MutableCounts = { -readonly [K in keyof RunCounts]: RunCounts[K] };

/** Mutable state of a run in flight. */
export class RunContext {
  readonly counts: MutableCounts = { ...ZERO_COUNTS };
  done = 0;
  total: number | null = null;
  readonly changedInbox: InboxItem[] = [];
  private records: RunRecord[] = [];
  private lastProgress = 0;

  constructor(
    readonly run: RunSummary,
    readonly store: StateStore,
    readonly logger: LoggerLike,
    readonly options: ResolvedOptions,
    readonly clock: () => Date,
    private readonly emit: (e: EngineEvent) => void,
    readonly signal: AbortSignal,
  ) {}

  get touchpoint(): TouchpointName {
    return this.run.touchpoint;
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Counts a record passed over without a history row (parked, not due for a retry yet). */
  passedOver(): void {
    this.counts.skipped++;
    this.done++;
    this.maybeProgress();
  }

  /** Counts an outcome and keeps a history row (unchanged records are counted only). */
  outcome(
    recordKey: string,
    action: RecordAction,
    extra: { infoplusId?: string | null; message?: string } = {},
  ): void {
    switch (action) {
      case 'created':
        this.counts.created++;
        break;
      case 'updated':
        this.counts.updated++;
        break;
      case 'reconciled':
        this.counts.created++;
        break;
      case 'unchanged':
        this.counts.unchanged++;
        break;
      case 'skipped':
        this.counts.skipped++;
        break;
      case 'failed':
        this.counts.failed++;
        break;
      case 'written':
        this.counts.pulled++;
        break;
    }
    this.done++;
    if (action !== 'unchanged' && !(action === 'skipped' && !extra.message)) {
      this.records.push({
        runId: this.run.id,
        touchpoint: this.touchpoint,
        recordKey,
        action,
        ...(extra.infoplusId ? { infoplusId: extra.infoplusId } : {}),
        ...(extra.message ? { message: extra.message } : {}),
        at: this.now(),
      });
      if (this.records.length >= 200) this.flushRecords();
    }
    this.maybeProgress();
  }

  /** Parks a failed record in the inbox (transient ones with a retry time) and in the journal. */
  park(
    recordKey: string,
    err: ClassifiedError,
    opts: {
      contentHash: string | null;
      payload?: unknown;
      attempts?: number;
      /** When the engine looks at it again by itself (a settling record's next lookup); else by backoff. */
      nextRetryAt?: Date;
      /** The record's Infoplus key (normalised), kept in the journal to find key collisions. */
      infoplusKey?: string | null;
      /** How the run counts it: failed (default), or skipped for a record that is settling, not failed. */
      outcome?: 'failed' | 'skipped';
    },
  ): InboxItem {
    const at = this.now();
    const previous = this.store.inbox.byKey(this.touchpoint, recordKey);
    const attempts = (previous && previous.status !== 'resolved' ? previous.attempts : 0) + 1;
    const nextRetryAt = opts.nextRetryAt
      ? opts.nextRetryAt.toISOString()
      : err.transient
        ? new Date(
            this.clock().getTime() +
              retryDelayMs(
                attempts,
                this.options.retryBaseMs,
                this.options.retryMaxMs,
                this.options.random(),
              ),
          ).toISOString()
        : null;
    const item = this.store.transaction(() => {
      this.store.journal.markFailed({
        touchpoint: this.touchpoint,
        recordKey,
        contentHash: opts.contentHash,
        error: err.message,
        at,
        infoplusKey: opts.infoplusKey,
      });
      return this.store.inbox.recordFailure({
        touchpoint: this.touchpoint,
        recordKey,
        category: err.category,
        message: err.message,
        infoplusMessages: err.infoplusMessages,
        fixBy: err.fixBy,
        hint: err.hint,
        payload: opts.payload,
        nextRetryAt,
        at,
      });
    });
    this.changedInbox.push(item);
    this.logger.warn(
      { touchpoint: this.touchpoint, recordKey, category: err.category, transient: err.transient },
      `record parked in the error inbox: ${err.message}`,
    );
    this.outcome(recordKey, opts.outcome ?? 'failed', { message: err.message });
    return item;
  }

  /**
   * Records a push that Infoplus confirmed: the journal links the record to its Infoplus id with what was sent,
   * the outbox intent is done (both in one transaction), its inbox item resolves and the outcome is counted.
   */
  pushed(
    recordKey: string,
    done: {
      infoplusId: string;
      contentHash: string;
      watermark?: string | null;
      sourceFingerprint?: string | null;
      infoplusKey?: string | null;
    },
    action: 'created' | 'updated' | 'reconciled',
    message?: string,
  ): void {
    const at = this.now();
    this.store.transaction(() => {
      this.store.journal.markDone({ touchpoint: this.touchpoint, recordKey, ...done, at });
      this.store.outbox.setState(this.touchpoint, recordKey, 'done', at, done.infoplusId);
    });
    this.resolved(recordKey);
    this.outcome(recordKey, action, { infoplusId: done.infoplusId, message });
  }

  /** Marks a record's inbox item resolved after it went through. */
  resolved(recordKey: string): void {
    const item = this.store.inbox.resolve(this.touchpoint, recordKey, this.now());
    if (item) this.changedInbox.push(item);
  }

  /** Writes buffered history rows. */
  flushRecords(): void {
    const batch = this.records;
    this.records = [];
    this.store.runs.addRecords(batch);
  }

  private maybeProgress(): void {
    const t = Date.now();
    if (t - this.lastProgress < this.options.progressIntervalMs) return;
    this.lastProgress = t;
    this.progress();
  }

  /** Emits a progress event now. */
  progress(): void {
    this.emit({
      type: 'run-progress',
      progress: {
        runId: this.run.id,
        touchpoint: this.touchpoint,
        counts: { ...this.counts },
        done: this.done,
        total: this.total,
      },
    });
  }

  /**
   * Throws when the run was cancelled or its lease lost. Called before every send: `leaseHeld` reads the lease
   * row itself, so a process that was paused past the lease's staleness (and lost it to another run) sends
   * nothing more even before its heartbeat timer notices.
   */
  checkMaySend(): void {
    this.checkAborted();
    if (this.leaseHeld && !this.leaseHeld()) {
      throw new RunAbort(
        `The ${this.touchpoint} lease was taken over by another run (this process was paused or too slow); it sends nothing more, and the other run settles its unanswered requests.`,
      );
    }
  }

  /** Set by the engine for real runs: true while this run still holds its touchpoint's lease. */
  leaseHeld: (() => boolean) | null = null;

  /** Throws when the run was cancelled or its lease lost. */
  checkAborted(): void {
    if (this.signal.aborted)
      throw this.signal.reason instanceof Error ? this.signal.reason : new Error('cancelled');
  }
}
