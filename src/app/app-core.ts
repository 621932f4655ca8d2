/** The app's state and lifecycle: settings, secrets, logging, connections, scheduler, watchdog, runs. */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Alert, AppStatus, InfoplusRateStatus, Settings, StatusBlocker } from '../contract/dto.js';
import { resolveBaseUrl } from '../infoplus/index.js';
import { createLogging, type Logging } from '../logging/index.js';
import {
  ensurePrivateDir,
  fileSettingsBackend,
  headlessSecretStore,
  readThroughSecretStore,
  SettingsStore,
  type SecretStore,
  type SettingsBackend,
  type StoredSettings,
} from '../settings/index.js';
import { openStateStore, type StateStore } from '../store/index.js';
import { isQuiet } from '../domain/schedule.js';
import type { EngineOptions } from '../sync/index.js';
import { FakeSchedulerPort, nodeSchedulePort, Scheduler, type SchedulerPort } from '../sync/scheduler.js';
import { Watchdog } from '../sync/watchdog.js';
import { effectiveInfoplus, effectiveSchedules, touchpointEnabled } from './connections.js';
import { DEMO_API_KEY, startDemo, type DemoEnvironment, type DemoErp } from './demo-env.js';
import { EventBus } from './event-bus.js';
import { LearnedRates } from './learned-rates.js';
import { RunCoordinator } from './run-coordinator.js';
import { Runtime } from './runtime.js';
import { settingsDto } from './settings-view.js';
import { buildStatus } from './status.js';
import { TOUCHPOINTS } from '../contract/touchpoints.js';

/** Options of createApp. */
export interface CreateAppOptions {
  readonly dataDir: string;
  /** The mapping profile (which names its connections) to use instead of the one in settings. */
  readonly configFile?: string;
  /** Use the demo set-up (sample SQLite ERP + in-process simulator). */
  readonly demo?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** The shell's safeStorage store; default env vars + an encrypted file in the data folder. */
  readonly secretStore?: SecretStore;
  /** The shell's electron-store back end; default `<dataDir>/settings.json`. */
  readonly settingsBackend?: SettingsBackend;
  /** A logging set-up to share; default rotated files in `<dataDir>/logs`. */
  readonly logging?: Logging;
  /** Clock and timers (tests); default node-schedule on the wall clock. */
  readonly schedulerPort?: SchedulerPort;
  /** Demo: sales orders in a newly built sample ERP (default 50); rebuild it even when present. */
  readonly demoOrders?: number;
  readonly demoFresh?: boolean;
  /** Demo: keep simulator state in the data folder across restarts (default true). */
  readonly demoPersist?: boolean;
  /** Demo: the database of the sample ERP (default a SQLite file in the data folder). */
  readonly demoErp?: DemoErp;
  /** Demo: the simulator's variants (decisions.ts VARIANTS); default the strict readings. */
  readonly demoVariants?: Readonly<Record<string, string>>;
  readonly engineOptions?: EngineOptions;
  /**
   * A read-only status probe (`status`): no ERP or Infoplus connection, no simulator, frozen timers; missed
   * runs are judged from the run history, so a dead agent shows up as a missed-run alert.
   */
  readonly probe?: boolean;
  /** Watchdog thresholds. */
  readonly watchdog?: { graceMs?: number; failureThreshold?: number };
}

/** Everything the API methods work with. */
export class AppCore {
  readonly events = new EventBus();
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly watchdog: Watchdog;
  readonly runs: RunCoordinator;
  demo: DemoEnvironment | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  /** Up while the ERP could not be reached at the last connect; cleared by a successful reconnect. */
  private connectionAlert: Alert | null = null;
  private lastRecoverAt = 0;

  private constructor(
    readonly opts: CreateAppOptions,
    readonly dataDir: string,
    readonly env: NodeJS.ProcessEnv,
    readonly logging: Logging,
    readonly secrets: SecretStore,
    readonly settings: SettingsStore,
    readonly store: StateStore,
    port: SchedulerPort,
  ) {
    const log = logging.logger('app');
    this.runtime = new Runtime({
      dataDir,
      env,
      secrets,
      logging,
      store,
      onEngineEvent: (e) => this.runs.onEngineEvent(e),
      engineOptions: opts.engineOptions,
    });
    this.scheduler = new Scheduler({
      port,
      onDue: (tp, trigger) => this.runs.scheduled(tp, trigger),
      lastRunAt: (tp) => {
        const last = store.runs.latest(tp);
        return last ? new Date(last.startedAt) : null;
      },
    });
    this.watchdog = new Watchdog({
      port,
      planOf: (tp) => this.scheduler.plan(tp),
      quietHours: () => this.settings.get().quietHours,
      paused: () => this.scheduler.paused,
      futureWatermarkOf: (tp) => store.touchpoints.futureWatermark(tp),
      ...(opts.watchdog ?? {}),
      onChange: ({ raised, cleared }) => {
        for (const a of raised) {
          log.warn({ alert: a.kind, touchpoint: a.touchpoint }, a.message);
          this.events.emit('alert', a);
        }
        for (const a of cleared)
          log.info({ alert: a.kind, touchpoint: a.touchpoint }, `cleared: ${a.message}`);
        this.statusChanged();
      },
    });
    this.runs = new RunCoordinator({
      engine: () => this.runtime.connections.engine,
      // One plain sentence (the banner's), not every raw problem strung together.
      notConfigured: () =>
        this.blocker(this.watchdog.alerts())?.message ??
        (this.problems().join(' ') || 'The app is not set up yet.'),
      events: this.events,
      watchdog: this.watchdog,
      logger: logging.logger('runs'),
      inQuietHours: () => isQuiet(port.now(), this.settings.get().quietHours),
      recover: () => this.recover(),
      statusChanged: () => this.statusChanged(),
      continuous: (tp) => this.scheduler.plan(tp).kind === 'continuous',
      inboxOf: (tp) => [
        ...store.inbox.list({ touchpoint: tp, status: 'open' }),
        ...store.inbox.list({ touchpoint: tp, status: 'retrying' }),
      ],
    });
    logging.onEntry((entry) => this.events.emit('log', entry));
  }

  /** Opens settings, secrets, logs and state, then connects. Throws SettingsError on unusable settings. */
  static async open(opts: CreateAppOptions): Promise<AppCore> {
    const dataDir = resolve(opts.dataDir);
    // A probe (`status`) writes nothing; otherwise the data folder is private to this user (0700).
    if (opts.probe) await mkdir(dataDir, { recursive: true });
    else await ensurePrivateDir(dataDir);
    const env = opts.env ?? process.env;
    const level = env.INFOPLUS_SYNC_LOG_LEVEL;
    const logging =
      opts.logging ??
      createLogging({
        dir: join(dataDir, 'logs'),
        ...(level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? { level } : {}),
      });
    const ownSecrets = opts.secretStore ?? headlessSecretStore({ dataDir, env });
    const secrets = opts.probe ? readThroughSecretStore(ownSecrets) : ownSecrets;
    const settings = new SettingsStore(
      opts.settingsBackend ?? fileSettingsBackend(join(dataDir, 'settings.json')),
      secrets,
      opts.probe !== true,
    );
    await settings.load();
    const store = openStateStore(dataDir, { scrub: (text) => logging.scrub(text) });
    const port = opts.schedulerPort ?? (opts.probe ? new FakeSchedulerPort(new Date()) : nodeSchedulePort());
    const core = new AppCore(opts, dataDir, env, logging, secrets, settings, store, port);
    try {
      // Command-line choices hold for this process; only the UI's Save makes them stick.
      if (opts.configFile)
        settings.override({ ...settings.get(), profilePath: resolve(opts.configFile), demo: false });
      else if (opts.demo) settings.override({ ...settings.get(), demo: true });
      if (settings.get().demo && !opts.probe) core.demo = await core.startDemoEnv();
      await core.reconnect();
      for (const tp of TOUCHPOINTS) {
        core.watchdog.seed(tp, store.runs.list({ touchpoint: tp, limit: 20 }), opts.probe === true);
      }
      if (opts.probe) core.start();
    } catch (error) {
      await core.close();
      throw error;
    }
    return core;
  }

  /** Starts the demo environment with this app's options. */
  startDemoEnv(): Promise<DemoEnvironment> {
    return startDemo({
      dataDir: this.dataDir,
      orders: this.opts.demoOrders,
      fresh: this.opts.demoFresh,
      persistSimulator: this.opts.demoPersist,
      erp: this.opts.demoErp,
      variants: this.opts.demoVariants,
    });
  }

  /** Rebuilds connections and schedules from the settings; the old ERP connection closes after its runs. */
  async reconnect(): Promise<void> {
    const demoRef =
      this.demo ??
      (this.opts.probe && this.settings.get().demo
        ? { profilePath: join(this.dataDir, 'demo-profile.yaml'), apiKey: DEMO_API_KEY }
        : null);
    const previous = await this.runtime.connect(this.settings.get(), demoRef, this.opts.probe === true);
    const schedules = effectiveSchedules(this.settings.get(), this.runtime.connections.profile);
    // While the wizard is still being filled in, nothing runs by itself: schedules start at "Save and finish".
    if (this.settings.get().setupPending) {
      for (const tp of TOUCHPOINTS) schedules[tp] = { ...schedules[tp], enabled: false };
    }
    this.scheduler.configure({
      schedules,
      quietHours: this.settings.get().quietHours,
    });
    this.watchdog.rebase();
    void this.runs.drain().then(() => Runtime.release(previous));
    this.updateConnectionAlert();
    this.statusChanged();
  }

  /** Tries again when the ERP was unreachable (a server rebooting while the agent started); at most every 30 s. */
  async recover(): Promise<void> {
    const c = this.runtime.connections;
    if (c.engine || this.connectionAlert === null || this.opts.probe) return;
    if (Date.now() - this.lastRecoverAt < 30_000) return;
    this.lastRecoverAt = Date.now();
    await this.reconnect();
  }

  private updateConnectionAlert(): void {
    const problem = this.runtime.connections.erpProblem;
    const failed = problem !== null && problem.startsWith('ERP connection failed');
    if (!failed) {
      this.connectionAlert = null;
      return;
    }
    if (this.connectionAlert?.message === problem) return;
    this.connectionAlert = {
      id: 'connection-lost:all',
      kind: 'connection-lost',
      message: `${problem} Scheduled runs try to connect again.`,
      raisedAt: new Date().toISOString(),
    };
    this.events.emit('alert', this.connectionAlert);
  }

  /** Why the app cannot sync, in plain words (empty when it can). */
  problems(): string[] {
    const c = this.runtime.connections;
    const out: string[] = [];
    if (!c.profilePath) out.push('No mapping profile is chosen (Mappings, or --config FILE).');
    else if (!c.profile) out.push(`The mapping profile ${c.profilePath} has problems; fix them in Mappings.`);
    if (c.erpProblem) out.push(c.erpProblem);
    if (c.infoplusProblem) out.push(c.infoplusProblem);
    return out;
  }

  /** The first-run setup was finished once: a mapping profile is chosen, or the demo is on. */
  setUp(): boolean {
    const s = this.settings.get();
    if (s.setupPending) return false;
    return s.demo || s.profilePath !== null || this.runtime.connections.profilePath !== null;
  }

  /**
   * The one problem that stops syncing, in plain words, or null. An unreachable ERP and a refused key are
   * states of a set-up app (a banner, every screen reachable), not "not set up".
   */
  blocker(alerts: readonly Alert[]): StatusBlocker | null {
    const c = this.runtime.connections;
    if (!this.setUp()) {
      return {
        kind: 'not-set-up',
        short: 'Not set up yet',
        message: 'Finish the setup to start syncing.',
        fixIn: 'settings',
      };
    }
    if (c.erpProblem) {
      if (c.erpUnreachable) {
        const where = c.erpTarget ? ` at ${c.erpTarget}` : '';
        return {
          kind: 'erp-unreachable',
          short: "Can't reach the database",
          message: `Can't reach the database${where} - is it running? Scheduled runs try again by themselves.`,
          fixIn: 'settings',
        };
      }
      const notSet = !c.erpTarget && c.erpProblem.startsWith('No ERP connection');
      return {
        kind: 'erp-refused',
        short: notSet ? 'No database connection set' : 'The database refused the connection',
        message: c.erpProblem,
        fixIn: 'settings',
      };
    }
    if (!c.profile) {
      return {
        kind: 'profile',
        short: 'The mapping profile has problems',
        message: this.problems()[0] ?? 'The mapping profile has problems; fix them in Mappings.',
        fixIn: 'mappings',
      };
    }
    if (c.infoplusProblem) {
      return {
        kind: 'infoplus-not-set-up',
        short: 'Infoplus is not set up',
        message: c.infoplusProblem,
        fixIn: 'settings',
      };
    }
    if (alerts.some((a) => a.kind === 'auth-failed')) {
      return {
        kind: 'infoplus-key',
        short: 'Infoplus refused the API key',
        message: 'Infoplus refused the API key, so nothing is sent or pulled. Enter a valid key in Settings.',
        fixIn: 'settings',
      };
    }
    return null;
  }

  /** The status now. */
  status(): AppStatus {
    const c = this.runtime.connections;
    const raised = this.connectionAlert
      ? [...this.watchdog.alerts(), this.connectionAlert]
      : this.watchdog.alerts();
    const blocker = this.blocker(raised);
    // The banner already says it: the same outage is not listed again as an alert.
    const alerts = blocker
      ? raised.filter((a) => a.kind !== 'connection-lost' && a.kind !== 'auth-failed')
      : raised;
    return buildStatus({
      store: this.store,
      configured: c.ready,
      scheduler: this.scheduler,
      running: this.runs.running,
      alerts,
      blocker,
      setUp: this.setUp(),
      demo: this.demo !== null || (this.opts.probe === true && this.settings.get().demo),
      enabled: (tp) => touchpointEnabled(c.profile, tp),
      problems: this.problems(),
      rate: this.rateStatus(),
    });
  }

  /** The rate the client uses now, or (no client, e.g. `status`) what the last run learned. */
  private rateStatus(): InfoplusRateStatus | null {
    const live = this.runtime.connections.infoplus?.rate?.snapshot();
    if (live) return { ...live, live: true };
    const ip = effectiveInfoplus(this.settings.get(), this.runtime.connections.profile);
    if (!ip || (!ip.domain && !ip.baseUrl)) return null;
    try {
      const tenant = resolveBaseUrl({
        ...(ip.domain ? { domain: ip.domain } : {}),
        ...(ip.baseUrl ? { baseUrl: ip.baseUrl } : {}),
      });
      const learned = new LearnedRates(this.dataDir).snapshot(tenant, ip.requestsPerSecond);
      return learned ? { ...learned, live: false } : null;
    } catch {
      return null;
    }
  }

  /** Settings as the UI sees them. */
  async settingsView(): Promise<Settings> {
    const c = this.runtime.connections;
    const pw = this.demo ? null : await this.secrets.get('erpPassword').catch(() => null);
    const key = this.demo ? this.demo.apiKey : await this.secrets.get('infoplusApiKey').catch(() => null);
    return settingsDto(this.settings.get(), c.profile, {
      demo: this.demo !== null,
      hasPassword: pw !== null && pw !== '',
      hasApiKey: key !== null && key !== '',
      profilePath: c.profilePath,
    });
  }

  /** Coalesces status events: at most one per 200 ms. */
  statusChanged(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      try {
        this.events.emit('status', this.status());
      } catch {
        // The store may be closing during shutdown.
      }
    }, 200);
    this.statusTimer.unref();
  }

  /** Scheduler and watchdog on. */
  start(): void {
    this.scheduler.start();
    this.watchdog.start();
  }

  /** Stops timers, waits for runs, closes connections, the simulator and the store. */
  async close(): Promise<void> {
    this.scheduler.stop();
    this.watchdog.stop();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.runs.cancelAll();
    await this.runs.drain();
    await this.runtime.close();
    await this.demo?.close().catch(() => undefined);
    this.demo = null;
    this.store.close();
    if (!this.opts.logging) this.logging.close();
  }

  /** Settings currently stored. */
  stored(): StoredSettings {
    return this.settings.get();
  }
}
