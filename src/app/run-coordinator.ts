/** Starts runs (by hand or by schedule), tracks what is running, and feeds the watchdog and the UI. */
import type { ErrorCategory, InboxItem, RunSummary, RunTrigger } from '../contract/dto.js';
import {
  isPushTouchpoint,
  TOUCHPOINT_DEPENDENCIES,
  TOUCHPOINT_LABELS,
  TOUCHPOINTS,
  type TouchpointName,
} from '../contract/touchpoints.js';
import type { LoggerLike } from '../logging/index.js';
import { isAlreadyRunning, type EngineEvent, type SyncEngine } from '../sync/index.js';
import type { Watchdog } from '../sync/watchdog.js';
import { AppError } from './app-error.js';
import type { EventBus } from './event-bus.js';

/** What the coordinator needs. */
export interface RunCoordinatorDeps {
  readonly engine: () => SyncEngine | null;
  /** Why there is no engine, in plain words. */
  readonly notConfigured: () => string;
  readonly events: EventBus;
  readonly watchdog: Watchdog;
  readonly logger: LoggerLike;
  readonly inQuietHours: () => boolean;
  /** Reconnects when the last connect failed on an unreachable ERP. */
  readonly recover: () => Promise<void>;
  /** Called whenever something the status shows changed. */
  readonly statusChanged: () => void;
  /** True for touchpoints on a continuous schedule: a scheduled run first checks for changes. */
  readonly continuous?: (tp: TouchpointName) => boolean;
  /** Open and retrying inbox items of a touchpoint. */
  readonly inboxOf: (tp: TouchpointName) => readonly InboxItem[];
}

/**
 * A refused API key fails every touchpoint alike: what stops the rest of a sequence of runs. Read from the
 * summary's stop reason (RunSummary.stoppedBy), never from the message.
 */
export function stoppedByAuth(run: RunSummary): boolean {
  return run.status === 'failed' && run.stoppedBy === 'auth';
}

/** Failures that time alone may cure: a manual run sends them now instead of at their backoff time. */
const RETRY_NOW: readonly ErrorCategory[] = ['connection', 'rate-limit'];

/**
 * The touchpoints to run for a request, dependencies first: asking for orders runs items before them, so no
 * order is sent before the items it names (only enabled dependencies; dependency order of TOUCHPOINTS).
 */
export function withDependencies(
  list: readonly TouchpointName[],
  enabled: (tp: TouchpointName) => boolean,
): TouchpointName[] {
  const wanted = new Set<TouchpointName>();
  const add = (tp: TouchpointName): void => {
    if (wanted.has(tp)) return;
    wanted.add(tp);
    for (const dep of TOUCHPOINT_DEPENDENCIES[tp]) if (enabled(dep)) add(dep);
  };
  for (const tp of list) add(tp);
  return TOUCHPOINTS.filter((tp) => wanted.has(tp));
}

/** Runs touchpoints, one scheduled run at a time in dependency order, manual runs at once. */
export class RunCoordinator {
  /** Runs in flight in this process, by touchpoint. */
  readonly running = new Map<TouchpointName, RunSummary>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly queue: { tp: TouchpointName; trigger: RunTrigger }[] = [];
  private queueBusy = false;
  /** The run in flight per touchpoint started by this coordinator, so dependents can wait for it. */
  private readonly active = new Map<TouchpointName, Promise<void>>();
  private capture: ((run: RunSummary) => void) | null = null;
  private lastFinished: RunSummary | null = null;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: RunCoordinatorDeps) {}

  /** The newest finished run, for the tray's "last result". */
  get lastResult(): RunSummary | null {
    return this.lastFinished;
  }

  /** Engine events: forwarded to the UI, tracked here, and told to the watchdog. */
  onEngineEvent(e: EngineEvent): void {
    switch (e.type) {
      case 'run-started':
        this.running.set(e.run.touchpoint, e.run);
        this.capture?.(e.run);
        this.deps.watchdog.runStarted(e.run.touchpoint, new Date(e.run.startedAt));
        this.deps.events.emit('run-started', e.run);
        break;
      case 'run-progress':
        this.deps.events.emit('run-progress', e.progress);
        return;
      case 'run-finished':
        if (this.running.get(e.run.touchpoint)?.id === e.run.id) this.running.delete(e.run.touchpoint);
        this.lastFinished = e.run;
        this.deps.watchdog.runFinished(e.run, stoppedByAuth(e.run));
        this.deps.events.emit('run-finished', e.run);
        break;
      case 'inbox-changed':
        this.deps.events.emit('inbox-changed', { open: e.open, changed: e.changed });
        break;
    }
    this.deps.statusChanged();
  }

  /** The engine, or an error saying what setup is missing. */
  requireEngine(): SyncEngine {
    const engine = this.deps.engine();
    if (!engine) throw new AppError('not-configured', this.deps.notConfigured());
    return engine;
  }

  /** Which touchpoints a request means: the given ones (each must be enabled), else every enabled one. */
  select(engine: SyncEngine, touchpoints?: readonly TouchpointName[]): TouchpointName[] {
    if (!touchpoints || touchpoints.length === 0) return engine.enabledTouchpoints();
    const off = touchpoints.filter((tp) => !engine.isEnabled(tp));
    if (off.length > 0) {
      throw new AppError(
        'not-configured',
        `${off.join(', ')} ${off.length > 1 ? 'are' : 'is'} not configured or disabled in the mapping profile.`,
        { touchpoints: off },
      );
    }
    return TOUCHPOINTS.filter((tp) => touchpoints.includes(tp));
  }

  /**
   * Starts a manual run in the background and answers as soon as the first touchpoint has started: the ids of
   * runs already in flight for the requested touchpoints plus the first new one. Later ones follow by events.
   */
  async runNow(opts: { touchpoints?: readonly TouchpointName[] }): Promise<string[]> {
    if (!this.deps.engine()) await this.deps.recover();
    const engine = this.requireEngine();
    const list = withDependencies(this.select(engine, opts.touchpoints), (tp) => engine.isEnabled(tp));
    this.retryWaiting(engine, list);
    if (this.deps.inQuietHours()) {
      this.deps.logger.warn(
        { touchpoints: list },
        'manual run during quiet hours: people may be working in the ERP',
      );
    }
    const ids: string[] = [];
    const todo: TouchpointName[] = [];
    for (const tp of list) {
      const busy = this.running.get(tp);
      if (busy) ids.push(busy.id);
      else todo.push(tp);
    }
    if (todo.length === 0) return ids;
    let firstStarted!: () => void;
    const started = new Promise<void>((r) => (firstStarted = r));
    const chain = (async () => {
      for (const tp of todo) {
        await this.runOne(engine, tp, 'manual', (run) => {
          ids.push(run.id);
          firstStarted();
        });
      }
    })().finally(() => firstStarted());
    this.track(chain);
    await started;
    return ids;
  }

  /**
   * Runs touchpoints in dependency order and waits for them (CLI `run`, `demo`). A run that cannot start or
   * cannot record its end (data folder full or read-only) rejects: a command must never report success then.
   * A touchpoint already running elsewhere is not run; `notRun` hears why.
   */
  async runAndWait(opts: {
    touchpoints?: readonly TouchpointName[];
    trigger?: RunTrigger;
    full?: boolean;
    notRun?: (tp: TouchpointName, reason: string) => void;
  }): Promise<RunSummary[]> {
    if (!this.deps.engine()) await this.deps.recover();
    const engine = this.requireEngine();
    const out: RunSummary[] = [];
    const list = withDependencies(this.select(engine, opts.touchpoints), (tp) => engine.isEnabled(tp));
    if ((opts.trigger ?? 'manual') === 'manual') this.retryWaiting(engine, list);
    for (const tp of list) {
      const run = await this.runOne(engine, tp, opts.trigger ?? 'manual', undefined, false, {
        rethrow: true,
        full: opts.full,
        notRun: opts.notRun,
      });
      if (run) out.push(run);
      if (run && stoppedByAuth(run)) break;
    }
    return out;
  }

  /** A scheduled run is due: queued so scheduled runs go one at a time, in dependency order. */
  scheduled(tp: TouchpointName, trigger: RunTrigger): void {
    if (this.queue.some((q) => q.tp === tp) || this.running.has(tp)) {
      this.deps.logger.info({ touchpoint: tp }, 'scheduled run skipped: the previous one is still going');
      return;
    }
    const engine = this.deps.engine();
    const deps = engine ? withDependencies([tp], (d) => engine.isEnabled(d)).filter((d) => d !== tp) : [];
    for (const dep of deps) {
      // Its dependencies go first, unless already queued or running (the run waits for those below).
      if (this.queue.some((q) => q.tp === dep) || this.running.has(dep)) continue;
      this.deps.logger.info(
        { touchpoint: tp, dependency: dep },
        `${TOUCHPOINT_LABELS[dep]} synced first: ${TOUCHPOINT_LABELS[tp]} needs them in Infoplus`,
      );
      this.queue.push({ tp: dep, trigger });
    }
    this.queue.push({ tp, trigger });
    this.queue.sort((a, b) => TOUCHPOINTS.indexOf(a.tp) - TOUCHPOINTS.indexOf(b.tp));
    if (!this.queueBusy) this.track(this.drainQueue());
  }

  /** Cancels runs in flight (they stop after the record at hand; the next run continues) and starts no more. */
  cancelAll(): void {
    this.queue.length = 0;
    this.stopping.abort();
  }

  /** Resolves when every run started so far has ended. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private async drainQueue(): Promise<void> {
    this.queueBusy = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        if (!this.deps.engine()) await this.deps.recover();
        const engine = this.deps.engine();
        if (!engine) {
          this.deps.logger.warn(
            { touchpoint: next.tp },
            `scheduled run skipped: ${this.deps.notConfigured()}`,
          );
          continue;
        }
        if (!engine.isEnabled(next.tp)) continue;
        const onChange =
          next.trigger === 'schedule' && isPushTouchpoint(next.tp) && !!this.deps.continuous?.(next.tp);
        await this.runOne(engine, next.tp, next.trigger, undefined, onChange);
      }
    } finally {
      this.queueBusy = false;
    }
  }

  private async runOne(
    engine: SyncEngine,
    tp: TouchpointName,
    trigger: RunTrigger,
    onStart?: (run: RunSummary) => void,
    onChange = false,
    wait: {
      rethrow?: boolean;
      full?: boolean;
      notRun?: (tp: TouchpointName, reason: string) => void;
    } = {},
  ): Promise<RunSummary | null> {
    if (this.stopping.signal.aborted) {
      wait.notRun?.(tp, 'the app is stopping');
      return null;
    }
    await this.dependenciesSettled(engine, tp);
    if (this.stopping.signal.aborted) {
      wait.notRun?.(tp, 'the app is stopping');
      return null;
    }
    try {
      // run-started is emitted synchronously inside runTouchpoint, before its first await.
      this.capture = onStart ?? null;
      const opts = {
        trigger,
        signal: this.stopping.signal,
        full: wait.full,
      };
      const promise =
        onChange && isPushTouchpoint(tp) ? engine.runIfChanged(tp, opts) : engine.runTouchpoint(tp, opts);
      this.capture = null;
      const active = promise.then(
        () => undefined,
        () => undefined,
      );
      this.active.set(tp, active);
      const run = await promise;
      if (run && run.counts.created + run.counts.updated > 0) this.dependencyLanded(engine, tp);
      return run;
    } catch (error) {
      this.capture = null;
      if (isAlreadyRunning(error)) {
        this.deps.logger.info({ touchpoint: tp }, (error as Error).message);
        wait.notRun?.(tp, (error as Error).message);
      } else {
        this.deps.logger.error({ touchpoint: tp, err: error }, 'run could not start');
        if (wait.rethrow) throw error;
      }
      return null;
    } finally {
      this.active.delete(tp);
      this.deps.statusChanged();
    }
  }

  /** Waits while a dependency of `tp` is running (started by hand or by another request). */
  private async dependenciesSettled(engine: SyncEngine, tp: TouchpointName): Promise<void> {
    for (const dep of TOUCHPOINT_DEPENDENCIES[tp]) {
      if (!engine.isEnabled(dep)) continue;
      const active = this.active.get(dep);
      if (active) await active;
    }
  }

  /**
   * Sync now means now: records waiting for a retry after a transient failure (connection, rate limit) are
   * sent in this run instead of at their backoff time.
   */
  private retryWaiting(engine: SyncEngine, list: readonly TouchpointName[]): void {
    const ids = list.flatMap((tp) =>
      this.deps
        .inboxOf(tp)
        .filter((i) => i.status === 'retrying' && RETRY_NOW.includes(i.category))
        .map((i) => i.id),
    );
    if (ids.length > 0) engine.retryInbox(ids);
  }

  /**
   * A dependency created or updated records in Infoplus: records of touchpoints that need it, parked because
   * Infoplus refused them (an order naming an item Infoplus did not have yet), are sent again on their next run.
   */
  private dependencyLanded(engine: SyncEngine, dep: TouchpointName): void {
    const dependents = TOUCHPOINTS.filter((tp) => TOUCHPOINT_DEPENDENCIES[tp].includes(dep));
    const ids = dependents.flatMap((tp) =>
      this.deps
        .inboxOf(tp)
        .filter((i) => i.status === 'open' && i.category === 'infoplus-validation')
        .map((i) => i.id),
    );
    if (ids.length === 0) return;
    this.deps.logger.info(
      { dependency: dep, records: ids.length },
      `${TOUCHPOINT_LABELS[dep]} landed in Infoplus: ${ids.length} waiting record(s) are sent on the next run`,
    );
    engine.retryInbox(ids);
  }

  private track(p: Promise<unknown>): void {
    const wrapped = p.catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'background run failed'),
    );
    this.inflight.add(wrapped);
    void wrapped.finally(() => this.inflight.delete(wrapped));
  }
}
