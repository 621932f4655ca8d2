/** Builds the dashboard/tray status from the store, the scheduler, the watchdog and the runs in flight. */
import type {
  Alert,
  AppStatus,
  ErrorCategory,
  Health,
  InfoplusRateStatus,
  InboxCounts,
  RunSummary,
  StatusBlocker,
  TouchpointState,
  TouchpointStatus,
} from '../contract/dto.js';
import { isPushTouchpoint, TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { appVerdict, describeRun, runOutcome, touchpointVerdict } from '../contract/wording.js';
import { describeCursor } from '../domain/cursor.js';
import type { StateStore } from '../store/index.js';
import type { InboxGroup } from '../store/inbox-repo.js';
import type { Scheduler } from '../sync/scheduler.js';
import { PRODUCT_VERSION } from '../version.js';

/** Inputs of the status. */
export interface StatusInputs {
  readonly store: StateStore;
  /** Everything needed to sync is set up. */
  readonly configured: boolean;
  readonly scheduler: Scheduler;
  readonly running: ReadonlyMap<TouchpointName, RunSummary>;
  readonly alerts: readonly Alert[];
  readonly demo: boolean;
  readonly enabled: (tp: TouchpointName) => boolean;
  /** Connection or profile problems that keep the app from syncing. */
  readonly problems: readonly string[];
  /** The request rate to Infoplus, when known. */
  readonly rate?: InfoplusRateStatus | null;
  /** The one problem that stops every touchpoint (null when syncing can go on). */
  readonly blocker: StatusBlocker | null;
  /** The first-run setup was finished once. */
  readonly setUp: boolean;
}

const RECENT = 5;

/** One line about a finished run (kept here for callers of the status module; the words live in wording). */
export { describeRun };

function stateOf(tp: TouchpointName, inputs: StatusInputs, last: RunSummary | null): TouchpointState {
  if (!inputs.enabled(tp)) return 'disabled';
  if (inputs.blocker) return 'error';
  if (inputs.running.has(tp)) return 'running';
  if (last && runOutcome(last).status === 'failed') return 'error';
  if (inputs.scheduler.paused) return 'paused';
  return 'idle';
}

/** The status of one touchpoint card. */
function touchpointStatus(tp: TouchpointName, inputs: StatusInputs): TouchpointStatus {
  const recentRuns = inputs.store.runs.list({ touchpoint: tp, limit: RECENT });
  const inFlight = inputs.running.get(tp);
  const lastRun = recentRuns.find((r) => r.status !== 'running' && !r.dryRun) ?? null;
  const next = inputs.scheduler.nextRunAt(tp);
  const openErrors = inputs.store.inbox.openCount(tp);
  const verdict = touchpointVerdict({
    name: tp,
    enabled: inputs.enabled(tp),
    running: inputs.running.has(tp),
    paused: inputs.scheduler.paused,
    lastRun,
    openErrors,
    blocker: inputs.blocker,
  });
  const card: TouchpointStatus = {
    name: tp,
    enabled: inputs.enabled(tp),
    state: stateOf(tp, inputs, lastRun),
    schedule: inputs.scheduler.describe(tp),
    lastRun: inFlight ?? lastRun,
    nextRunAt: next ? next.toISOString() : null,
    recentRuns,
    openErrors,
    verdict,
  };
  if (isPushTouchpoint(tp)) return card;
  const cursor = inputs.store.cursors.get(tp);
  return {
    ...card,
    cursor: describeCursor(cursor),
    cursorAt: cursor && cursor.kind !== 'id' ? cursor.date : null,
  };
}

/**
 * The overall status. Health: error for a blocker, alerts that stop syncing or a failing touchpoint; warning for
 * open errors. The verdict words come from the same facts, so header, cards and tray cannot disagree.
 */
export function buildStatus(inputs: StatusInputs): AppStatus {
  const touchpoints = TOUCHPOINTS.map((tp) => touchpointStatus(tp, inputs));
  const openErrors = inputs.store.inbox.openCount();
  const configured = inputs.configured;
  // a late run or a future change date is a warning; a refused key or failing runs are errors
  const seriousAlert = inputs.alerts.some((a) => a.kind !== 'missed-run' && a.kind !== 'future-watermark');
  const failing = touchpoints.filter((t) => t.enabled && t.verdict.tone === 'error').map((t) => t.name);
  let health: Health = 'ok';
  if (!configured || inputs.blocker || seriousAlert || failing.length > 0) health = 'error';
  else if (openErrors > 0 || inputs.alerts.length > 0) health = 'warning';
  const verdict = appVerdict({
    blocker: inputs.blocker,
    running: inputs.running.size > 0,
    paused: inputs.scheduler.paused,
    openErrors,
    failingTouchpoints: failing,
    alertCount: inputs.alerts.length,
  });
  const newest = inputs.store.runs.list({ limit: 10 }).find((r) => r.status !== 'running' && !r.dryRun);
  const lastResult = !configured
    ? ((inputs.blocker?.kind !== 'not-set-up' ? inputs.blocker?.message : undefined) ??
      inputs.problems[0] ??
      'Not set up yet')
    : newest
      ? describeRun(newest)
      : null;
  return {
    health,
    inbox: inboxCounts(inputs.store.inbox.groups()),
    paused: inputs.scheduler.paused,
    running: inputs.running.size > 0,
    configured,
    demo: inputs.demo,
    touchpoints,
    alerts: inputs.alerts,
    openErrors,
    lastResult,
    version: PRODUCT_VERSION,
    rate: inputs.rate ?? null,
    verdict,
    blocker: inputs.blocker,
    setUp: inputs.setUp,
  };
}

/** Unresolved inbox items counted by category, by status and per touchpoint. */
export function inboxCounts(groups: readonly InboxGroup[]): InboxCounts {
  const byCategory: Partial<Record<ErrorCategory, number>> = {};
  const byStatus: Partial<Record<InboxGroup['status'], number>> = {};
  const byTouchpoint: Partial<Record<TouchpointName, Partial<Record<ErrorCategory, number>>>> = {};
  let total = 0;
  for (const g of groups) {
    total += g.count;
    byCategory[g.category] = (byCategory[g.category] ?? 0) + g.count;
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g.count;
    const tp = (byTouchpoint[g.touchpoint] ??= {});
    tp[g.category] = (tp[g.category] ?? 0) + g.count;
  }
  return { total, byCategory, byStatus, byTouchpoint };
}
