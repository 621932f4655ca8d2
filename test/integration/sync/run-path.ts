/**
 * The production run path for the sync suites: the RunCoordinator wired as AppCore (src/app/app-core.ts) wires
 * it, over an engine whose events go to it as Runtime sends them. The suites run through `runAndWait`, as the
 * CLI's `run` and `demo` do, so the dependency order, the single flight, the retry-now of waiting records, the
 * re-send of records parked for a missing dependency and the auth stop they prove are the ones production runs.
 * What differs from the app is only what the app adds around it: no scheduler fires here (the suites call the
 * run themselves) and the watchdog's clock stands still.
 */
import type { RunSummary, RunTrigger, TouchpointName } from '../../../src/contract/index.js';
import { EventBus } from '../../../src/app/event-bus.js';
import { RunCoordinator } from '../../../src/app/run-coordinator.js';
import type { LoggerLike } from '../../../src/logging/index.js';
import type { StateStore } from '../../../src/store/index.js';
import type { EngineEvent, SyncEngine } from '../../../src/sync/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';
import { Watchdog } from '../../../src/sync/watchdog.js';

/** An engine and the coordinator that runs it. */
export interface RunPath {
  readonly engine: SyncEngine;
  readonly runs: RunCoordinator;
}

/**
 * Builds the coordinator over the engine `build` makes; `build` receives the event listener to pass as the
 * engine's `onEvent` (as Runtime passes the coordinator's).
 */
export function runPath(
  build: (onEvent: (e: EngineEvent) => void) => SyncEngine,
  store: StateStore,
  logger: LoggerLike,
): RunPath {
  const port = new FakeSchedulerPort(new Date());
  const watchdog = new Watchdog({
    port,
    planOf: () => ({ kind: 'manual' }),
    quietHours: () => null,
    paused: () => false,
    futureWatermarkOf: (tp) => store.touchpoints.futureWatermark(tp),
    onChange: () => {},
  });
  let engine: SyncEngine | null = null;
  const runs = new RunCoordinator({
    engine: () => engine,
    notConfigured: () => 'the test rig has no engine',
    events: new EventBus(),
    watchdog,
    logger,
    inQuietHours: () => false,
    recover: async () => {},
    statusChanged: () => {},
    inboxOf: (tp) => [
      ...store.inbox.list({ touchpoint: tp, status: 'open' }),
      ...store.inbox.list({ touchpoint: tp, status: 'retrying' }),
    ],
  });
  engine = build((e) => runs.onEngineEvent(e));
  return { engine, runs };
}

/**
 * Runs one touchpoint through the coordinator (the enabled touchpoints it depends on run first, as in
 * production) and returns its run; fails when it did not start.
 */
export async function runOne(
  runs: RunCoordinator,
  tp: TouchpointName,
  opts: { trigger?: RunTrigger; full?: boolean } = {},
): Promise<RunSummary> {
  const all = await runs.runAndWait({ ...opts, touchpoints: [tp] });
  const run = all.find((r) => r.touchpoint === tp);
  if (!run)
    throw new Error(`the ${tp} run did not start; runs: ${JSON.stringify(all.map((r) => r.touchpoint))}`);
  return run;
}
