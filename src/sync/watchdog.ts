import type { Alert, QuietHours, RunStatus, RunSummary } from '../contract/dto.js';
import { isPushTouchpoint, TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { evaluateAlerts, type SchedulePlan, type WatchInput } from '../domain/schedule.js';
import type { SchedulerPort } from './scheduler-port.js';

/** True when the run surely talked to Infoplus successfully: a pull always searches, a push that wrote. */
function provesKey(run: RunSummary): boolean {
  if (!isPushTouchpoint(run.touchpoint)) return true;
  return run.counts.created + run.counts.updated > 0;
}

/** Options of the watchdog. */
export interface WatchdogOptions {
  readonly port: SchedulerPort;
  /** The schedule of each touchpoint (the scheduler's plan). */
  readonly planOf: (tp: TouchpointName) => SchedulePlan;
  readonly quietHours: () => QuietHours | null;
  readonly paused: () => boolean;
  /** What the touchpoint's last push found dated beyond now (see TouchpointStateRepo.futureWatermark). */
  readonly futureWatermarkOf?: (tp: TouchpointName) => string | null;
  /** Called when an alert is raised or cleared. */
  readonly onChange: (change: { raised: Alert[]; cleared: Alert[] }) => void;
  /** How late a scheduled run may start before it is called missed; default 5 minutes. */
  readonly graceMs?: number;
  /** Consecutive failed runs before an alert; default 3. */
  readonly failureThreshold?: number;
  /** How often the clock is checked; default 1 minute. */
  readonly checkEveryMs?: number;
}

interface TouchpointWatch {
  since: Date;
  running: boolean;
  statuses: RunStatus[];
  authFailed: boolean;
  lastError: string | null;
}

/**
 * Knows when each run was due and raises alerts: a scheduled run that did not start within the grace
 * period, N failed runs in a row, a rejected API key. Independent of the scheduler's timers, so it also
 * notices when those silently stop firing. Alerts clear when their condition ends.
 */
export class Watchdog {
  private readonly watch = new Map<TouchpointName, TouchpointWatch>();
  private readonly active = new Map<string, Alert>();
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly opts: WatchdogOptions) {
    const now = opts.port.now();
    for (const tp of TOUCHPOINTS) {
      this.watch.set(tp, { since: now, running: false, statuses: [], authFailed: false, lastError: null });
    }
  }

  /**
   * Seeds history from the run store (newest first per touchpoint) so failure alerts survive a restart.
   * `fromHistory` also dates due times from the last run (a status probe judging a possibly dead agent);
   * otherwise they count from now, as the scheduler catches up on start.
   */
  seed(tp: TouchpointName, runs: readonly RunSummary[], fromHistory = false): void {
    const w = this.get(tp);
    const finished = runs.filter((r) => !r.dryRun && r.status !== 'running');
    w.statuses = finished.map((r) => r.status).slice(0, 20);
    const newest = finished[0];
    w.lastError = newest?.error ?? null;
    const lastStart = runs.find((r) => !r.dryRun)?.startedAt;
    if (lastStart && (fromHistory || new Date(lastStart) > w.since)) w.since = new Date(lastStart);
    if (fromHistory) w.running = runs[0]?.status === 'running';
  }

  /** A run of the touchpoint started (any trigger): its due time is met. */
  runStarted(tp: TouchpointName, at: Date = this.opts.port.now()): void {
    const w = this.get(tp);
    w.running = true;
    if (at > w.since) w.since = at;
    this.check();
  }

  /** A run finished; `authFailed` when Infoplus refused the API key. */
  runFinished(run: RunSummary, authFailed = false): void {
    const w = this.get(run.touchpoint);
    w.running = false;
    if (run.dryRun) return this.check();
    w.statuses = [run.status, ...w.statuses].slice(0, 20);
    w.lastError = run.error ?? null;
    if (authFailed) w.authFailed = true;
    else if (run.status !== 'failed' && provesKey(run)) {
      // A successful call to Infoplus proves the key works for every touchpoint. A push of unchanged records
      // makes no call at all, so it proves nothing and must not clear the alert.
      for (const other of this.watch.values()) other.authFailed = false;
    }
    this.check();
  }

  /** The schedule changed or scheduling resumed: due times count from now. */
  rebase(): void {
    const now = this.opts.port.now();
    for (const w of this.watch.values()) if (now > w.since) w.since = now;
    this.check();
  }

  /** Clears the auth alert after a key was replaced and tested. */
  authRestored(): void {
    for (const w of this.watch.values()) w.authFailed = false;
    this.check();
  }

  /** Alerts up now, oldest first. */
  alerts(): Alert[] {
    return [...this.active.values()];
  }

  /** Starts the periodic check. */
  start(): void {
    if (this.cancelTimer) return;
    const every = this.opts.checkEveryMs ?? 60_000;
    const tick = (): void => {
      this.check();
      this.cancelTimer = this.opts.port.at(new Date(this.opts.port.now().getTime() + every), tick);
    };
    this.cancelTimer = this.opts.port.at(new Date(this.opts.port.now().getTime() + every), tick);
    this.check();
  }

  /** Stops the periodic check. */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Re-evaluates every condition now and reports what was raised or cleared. */
  check(): void {
    const now = this.opts.port.now();
    const inputs: WatchInput[] = TOUCHPOINTS.map((tp) => {
      const w = this.get(tp);
      return {
        touchpoint: tp,
        plan: this.opts.planOf(tp),
        since: w.since,
        running: w.running,
        recentStatuses: w.statuses,
        authFailed: w.authFailed,
        lastError: w.lastError,
        futureWatermark: this.opts.futureWatermarkOf?.(tp) ?? null,
      };
    });
    const wanted = evaluateAlerts(inputs, {
      now,
      paused: this.opts.paused(),
      quietHours: this.opts.quietHours(),
      graceMs: this.opts.graceMs ?? 5 * 60_000,
      failureThreshold: this.opts.failureThreshold ?? 3,
    });
    const raised: Alert[] = [];
    const cleared: Alert[] = [];
    const wantedIds = new Set(wanted.map((a) => a.id));
    for (const [id, alert] of this.active) {
      if (!wantedIds.has(id)) {
        this.active.delete(id);
        cleared.push(alert);
      }
    }
    for (const cand of wanted) {
      const existing = this.active.get(cand.id);
      if (existing && existing.message === cand.message) continue;
      const alert: Alert = { ...cand, raisedAt: existing?.raisedAt ?? now.toISOString() };
      this.active.set(cand.id, alert);
      if (!existing) raised.push(alert);
    }
    if (raised.length > 0 || cleared.length > 0) this.opts.onChange({ raised, cleared });
  }

  private get(tp: TouchpointName): TouchpointWatch {
    return this.watch.get(tp) as TouchpointWatch;
  }
}
