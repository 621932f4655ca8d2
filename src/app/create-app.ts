/** The composition root: wires settings, secrets, logging, connections, engine, scheduler and watchdog once. */
import type { AppApi } from '../contract/api.js';
import type { AppEventSource } from '../contract/events.js';
import type { Logging } from '../logging/index.js';
import type { InboxRepo } from '../store/inbox-repo.js';
import { createAppApi } from './app-api.js';
import { AppCore, type CreateAppOptions } from './app-core.js';
import type { DemoEnvironment } from './demo-env.js';
import type { RunCoordinator } from './run-coordinator.js';

export type { CreateAppOptions } from './app-core.js';

/** The running application, whatever hosts it (Electron shell, `serve`, `run`, `demo`). */
export interface App {
  readonly api: AppApi;
  readonly events: AppEventSource;
  /** Turns the scheduler and the watchdog on. */
  start(): Promise<void>;
  /** Stops timers, waits for runs in flight, closes every connection. */
  stop(): Promise<void>;
  /**
   * Cancels the runs in flight and starts no more, at once (SIGTERM): no new request goes to Infoplus from
   * here on, even while the host still closes its own parts before stop().
   */
  cancelRuns(): void;
  /** The data folder in use (absolute). */
  readonly dataDir: string;
  /** The process's logging (for hosts that echo or export it). */
  readonly logging: Logging;
  /** The demo environment when demo mode is on (simulator handle for `demo`), else null. */
  readonly demo: DemoEnvironment | null;
  /** Runs and waits (CLI `run` and `demo`); the UI uses api.runNow instead. */
  readonly runs: Pick<RunCoordinator, 'runAndWait'>;
  /** The error inbox itself (CLI `errors`, run endings); the UI uses the api's inbox methods. */
  readonly inbox: InboxRepo;
}

/**
 * Creates the app. Rejects with a SettingsError when the stored settings cannot be used (the stored
 * document is left untouched). Missing or failing connections do not reject: they show in getStatus.
 */
export async function createApp(opts: CreateAppOptions): Promise<App> {
  const core = await AppCore.open(opts);
  const api = createAppApi(core);
  let stopped = false;
  return {
    api,
    events: core.events,
    dataDir: core.dataDir,
    logging: core.logging,
    get demo() {
      return core.demo;
    },
    runs: core.runs,
    inbox: core.store.inbox,
    async start() {
      core.start();
      core.logging
        .logger('app')
        .info({ dataDir: core.dataDir, demo: core.demo !== null }, 'scheduler started');
    },
    cancelRuns() {
      core.runs.cancelAll();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await core.close();
    },
  };
}
