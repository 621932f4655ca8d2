/** The sync engine: runs touchpoints single-flight, records history, parks failures, emits events. */
import { randomUUID } from 'node:crypto';
import {
  TOUCHPOINTS,
  isPushTouchpoint,
  type DryRunReport,
  type ErrorCategory,
  type InboxItem,
  type MappingPreview,
  type PullTouchpoint,
  type PushTouchpoint,
  type ReconcileReport,
  type ReconcileTouchpointReport,
  type RunSummary,
  type TouchpointName,
} from '../contract/index.js';
import { describeCursor } from '../domain/cursor.js';
import { classifyError } from '../domain/error-classification.js';
import { ZERO_COUNTS, type StateStore } from '../store/index.js';
import { ChangeProbe } from './change-probe.js';
import { runDryRun } from './dry-run.js';
import { profileErpIo, type ErpIo } from './erp-io.js';
import { previewTouchpoint } from './preview.js';
import { runPull } from './pull-job.js';
import { cursorKindOf } from './pull-source.js';
import { runPush } from './push-job.js';
import { emptyReconcileReport, reconcileTouchpoint } from './reconcile.js';
import { LookupResolver } from './resolver.js';
import { RunContext } from './run-context.js';
import { acquireLease, isAlreadyRunning } from './single-flight.js';
import {
  RunAbort,
  resolveOptions,
  type EngineDeps,
  type EngineEvent,
  type ResolvedOptions,
  type RunOptions,
} from './types.js';
import { f } from '../infoplus/index.js';

/** A touchpoint the profile does not configure or has disabled. */
export class TouchpointNotConfiguredError extends Error {
  readonly code = 'not-configured';
  constructor(readonly touchpoint: TouchpointName) {
    super(
      `${touchpoint} is not configured (or is disabled) in the mapping profile; enable it in Mappings first.`,
    );
    this.name = 'TouchpointNotConfiguredError';
  }
}

/**
 * Runs the seven touchpoints against one ERP, one Infoplus tenant and one state folder, one touchpoint per
 * call. Which touchpoints run, in what order, and when a sequence stops (a refused API key) is the
 * RunCoordinator's (src/app/run-coordinator.ts): production and the crash and fault suites all run through it.
 */
export class SyncEngine {
  readonly options: ResolvedOptions;
  private readonly clock: () => Date;
  private readonly io: ErpIo;
  private readonly resolver: LookupResolver;
  private readonly probe: ChangeProbe;

  constructor(private readonly deps: EngineDeps & { readonly erpIo?: ErpIo }) {
    this.options = resolveOptions(deps.options);
    this.clock = deps.clock ?? (() => new Date());
    this.io = deps.erpIo ?? profileErpIo;
    this.resolver = new LookupResolver(deps.infoplus, deps.store, deps.profile.infoplus.lobId);
    this.probe = new ChangeProbe({
      erp: deps.erp,
      profile: deps.profile,
      io: this.io,
      store: deps.store,
      clock: this.clock,
      watermarkOverlapMs: this.options.watermarkOverlapMs,
    });
  }

  /**
   * Continuous schedules: runs the push touchpoint only when the cheap change check finds something to send
   * (or the check itself fails: the run then reports why). Resolves with null when nothing changed.
   */
  async runIfChanged(tp: PushTouchpoint, opts: RunOptions): Promise<RunSummary | null> {
    if (!this.isEnabled(tp)) throw new TouchpointNotConfiguredError(tp);
    let changed: boolean;
    try {
      changed = await this.probe.changed(tp);
    } catch (e) {
      this.deps.logger.warn({ touchpoint: tp, err: String(e) }, 'change check failed; running to find out');
      changed = true;
    }
    if (!changed) return null;
    const run = await this.runTouchpoint(tp, opts);
    await this.probe
      .afterRun(tp, run.status === 'succeeded' || run.status === 'partial')
      .catch((e: unknown) =>
        this.deps.logger.warn({ touchpoint: tp, err: String(e) }, 'change check failed'),
      );
    return run;
  }

  private get store(): StateStore {
    return this.deps.store;
  }

  private emit(e: EngineEvent): void {
    try {
      this.deps.onEvent?.(e);
    } catch (err) {
      this.deps.logger.warn({ event: e.type, err: String(err) }, 'event listener failed');
    }
  }

  /** True when the profile configures and enables the touchpoint. */
  isEnabled(tp: TouchpointName): boolean {
    const cfg = this.deps.profile.touchpoints[tp];
    return cfg !== undefined && cfg.enabled !== false;
  }

  /** Touchpoints the profile enables, in dependency order. */
  enabledTouchpoints(): TouchpointName[] {
    return TOUCHPOINTS.filter((tp) => this.isEnabled(tp));
  }

  /**
   * Runs one touchpoint now. Throws AlreadyRunningError when it is running (here or in another process on the
   * same data folder) and TouchpointNotConfiguredError when the profile lacks it; everything else ends in the
   * returned summary (status failed + error) and the inbox.
   */
  async runTouchpoint(tp: TouchpointName, opts: RunOptions): Promise<RunSummary> {
    if (!this.isEnabled(tp)) throw new TouchpointNotConfiguredError(tp);
    const runId = randomUUID();
    const lease = acquireLease(this.store, tp, {
      runId,
      staleMs: this.options.leaseStaleMs,
      heartbeatMs: this.options.heartbeatMs,
      clock: this.clock,
    });
    try {
      this.store.runs.failInterrupted(tp, this.clock().toISOString());
      const run: RunSummary = {
        id: runId,
        touchpoint: tp,
        trigger: opts.trigger,
        // A dry run is its own module (dry-run.ts) and records no run; the field stays for the run history.
        dryRun: false,
        status: 'running',
        startedAt: this.clock().toISOString(),
        finishedAt: null,
        counts: { ...ZERO_COUNTS },
      };
      this.store.runs.start(run);
      this.emit({ type: 'run-started', run });
      const signal = opts.signal ? AbortSignal.any([opts.signal, lease.lost]) : lease.lost;
      const ctx = new RunContext(
        run,
        this.store,
        this.deps.logger,
        this.options,
        this.clock,
        (e) => this.emit(e),
        signal,
      );
      // Checked before every send: a paused process that lost its lease sends nothing more.
      ctx.leaseHeld = () => this.store.leases.holder(tp)?.owner === lease.owner;
      let error: string | undefined;
      let status: RunSummary['status'] = 'succeeded';
      let stoppedBy: ErrorCategory | undefined;
      try {
        this.resolver.forgetMisses();
        const env = {
          erp: this.deps.erp,
          infoplus: this.deps.infoplus,
          profile: this.deps.profile,
          io: this.io,
          resolver: this.resolver,
        };
        if (isPushTouchpoint(tp)) await runPush(ctx, env, tp, { full: opts.full === true });
        else await runPull(ctx, env, tp);
      } catch (e) {
        if (opts.signal?.aborted) {
          status = 'cancelled';
          error = 'The run was cancelled; the next run continues where this one stopped.';
        } else {
          status = e instanceof RunAbort ? e.status : 'failed';
          error = e instanceof RunAbort ? e.message : classifyError(e, 'erp-read').message;
        }
        const cause = e instanceof RunAbort && e.cause !== undefined ? e.cause : e;
        if (status !== 'cancelled') stoppedBy = classifyError(cause, 'infoplus-read').category;
        this.deps.logger.error({ touchpoint: tp, runId, err: error }, 'run stopped');
      }
      ctx.flushRecords();
      if (status === 'succeeded' && ctx.counts.failed > 0) status = 'partial';
      const finished: RunSummary = {
        ...run,
        status,
        finishedAt: this.clock().toISOString(),
        counts: { ...ctx.counts },
        error,
        stoppedBy,
      };
      this.store.runs.update(finished);
      // History is for drill-down, not an archive: the newest runs per touchpoint are kept.
      this.store.runs.prune(200);
      if (status === 'succeeded' || status === 'partial') {
        this.store.touchpoints.setLastSuccess(tp, finished.finishedAt!);
      }
      ctx.progress();
      this.emit({ type: 'run-finished', run: finished });
      if (ctx.changedInbox.length > 0) this.emitInbox(ctx.changedInbox);
      this.deps.logger.info({ touchpoint: tp, runId, status, counts: finished.counts }, 'run finished');
      return finished;
    } finally {
      lease.release();
    }
  }

  /** Builds every payload and checks it against Infoplus without writing anything. */
  dryRun(tps?: readonly TouchpointName[]): Promise<DryRunReport> {
    const list = this.enabledTouchpoints().filter((tp) => !tps || tps.includes(tp));
    return runDryRun(
      { ...this.deps, io: this.io, resolver: this.resolver, options: this.options, clock: this.clock },
      list,
    );
  }

  /** ERP rows beside the Infoplus JSON they become (push), or Infoplus records beside their ERP parameters (pull). */
  async previewMapping(tp: TouchpointName, limit: number): Promise<MappingPreview> {
    if (!this.isEnabled(tp)) throw new TouchpointNotConfiguredError(tp);
    return previewTouchpoint({ ...this.deps, io: this.io, resolver: this.resolver }, tp, limit);
  }

  /**
   * ERP vs Infoplus for the enabled push touchpoints (or the given ones): what is missing, duplicated, untracked
   * or linked to a record that is gone; with `repair`, fixes what is safe to fix (see reconcile.ts).
   */
  async reconcile(
    opts: { touchpoints?: readonly TouchpointName[]; repair?: boolean } = {},
  ): Promise<ReconcileReport> {
    const repair = opts.repair ?? false;
    const list = this.enabledTouchpoints().filter(
      (tp): tp is PushTouchpoint =>
        isPushTouchpoint(tp) && (!opts.touchpoints || opts.touchpoints.includes(tp)),
    );
    const env = {
      ...this.deps,
      io: this.io,
      resolver: this.resolver,
      clock: this.clock,
      lease: { staleMs: this.options.leaseStaleMs, heartbeatMs: this.options.heartbeatMs },
    };
    const reports: ReconcileTouchpointReport[] = [];
    for (const tp of list) {
      try {
        reports.push(await reconcileTouchpoint(env, tp, repair));
      } catch (e) {
        const message = isAlreadyRunning(e) ? e.message : classifyError(e, 'infoplus-read').message;
        this.deps.logger.warn({ touchpoint: tp, err: message }, 'reconciliation stopped');
        reports.push(emptyReconcileReport(tp, message));
      }
    }
    const at = this.clock().toISOString();
    if (repair) this.emitInbox(this.store.inbox.list({ status: 'retrying' }));
    this.deps.logger.info({ repair, touchpoints: list }, 'reconciliation finished');
    return { at, repair, touchpoints: reports };
  }

  /** Queues inbox items for the next run. */
  retryInbox(ids: readonly string[]): number {
    const n = this.store.inbox.retry(ids, this.clock().toISOString());
    this.emitInbox(ids.map((id) => this.store.inbox.get(id)).filter((i): i is InboxItem => i !== null));
    return n;
  }

  /** Sets inbox items aside until their ERP data changes. */
  skipInbox(ids: readonly string[]): number {
    const n = this.store.inbox.skip(ids);
    this.emitInbox(ids.map((id) => this.store.inbox.get(id)).filter((i): i is InboxItem => i !== null));
    return n;
  }

  /**
   * "Re-pull since": moves a pull cursor back. Records already written are recognised and skipped, unless
   * `rewrite` (a replay): then every record read again is written again (write-backs are idempotent).
   */
  async resetCursor(tp: PullTouchpoint, since: Date, opts: { rewrite?: boolean } = {}): Promise<void> {
    if (opts.rewrite) this.store.journal.forgetContent(tp);
    if (cursorKindOf(tp) === 'modify-date') {
      this.store.cursors.reset(tp, since);
      return;
    }
    // Inventory adjustments have no modifyDate: find the first id adjusted on or after the date.
    const first = await this.deps.infoplus.inventoryAdjustment.search({
      filter: f.and(f.eq('lobId', this.deps.profile.infoplus.lobId), f.ge('adjustmentDate', since)),
      sort: 'id',
      limit: 1,
    });
    const id = first[0]?.id;
    if (typeof id === 'number') this.store.cursors.reset(tp, null, 'id', Math.max(0, id - 1));
  }

  /** The cursor position as text for the dashboard. */
  cursorText(tp: PullTouchpoint): string | null {
    return describeCursor(this.store.cursors.get(tp));
  }

  private emitInbox(changed: readonly InboxItem[]): void {
    this.emit({ type: 'inbox-changed', open: this.store.inbox.openCount(), changed });
  }
}
