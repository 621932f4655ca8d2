/** Builds the dashboard/tray status from the store, the scheduler, the watchdog and the runs in flight. */
import type {
  Alert,
  AppStatus,
  ErrorCategory,
  Health,
  InboxCounts,
  RunSummary,
  TouchpointState,
  TouchpointStatus,
} from '../contract/dto.js';
import {
  isPushTouchpoint,
  TOUCHPOINT_LABELS,
  TOUCHPOINTS,
  type TouchpointName,
} from '../contract/touchpoints.js';
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
}

const RECENT = 5;

/** One line about a finished run, e.g. `Sales orders → Orders: 48 created, 2 failed`. */
export function describeRun(run: RunSummary): string {
  const c = run.counts;
  const parts: string[] = [];
  if (c.created) parts.push(`${c.created} created`);
  if (c.updated) parts.push(`${c.updated} updated`);
  if (c.pulled) parts.push(`${c.pulled} pulled`);
  if (c.unchanged) parts.push(`${c.unchanged} unchanged`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.failed) parts.push(`${c.failed} failed`);
  const what = parts.length > 0 ? parts.join(', ') : 'nothing to do';
  const label = TOUCHPOINT_LABELS[run.touchpoint];
  if (run.status === 'failed') return `${label}: failed${run.error ? ` (${run.error})` : ''}`;
  return `${label}: ${what}${run.dryRun ? ' (dry run)' : ''}`;
}

function stateOf(tp: TouchpointName, inputs: StatusInputs, last: RunSummary | null): TouchpointState {
  if (!inputs.enabled(tp)) return 'disabled';
  if (inputs.running.has(tp)) return 'running';
  if (inputs.scheduler.paused) return 'paused';
  if (last && last.status === 'failed') return 'error';
  return 'idle';
}

/** The status of one touchpoint card. */
function touchpointStatus(tp: TouchpointName, inputs: StatusInputs): TouchpointStatus {
  const recentRuns = inputs.store.runs.list({ touchpoint: tp, limit: RECENT });
  const inFlight = inputs.running.get(tp);
  const lastRun = recentRuns.find((r) => r.status !== 'running' && !r.dryRun) ?? null;
  const next = inputs.scheduler.nextRunAt(tp);
  const card: TouchpointStatus = {
    name: tp,
    enabled: inputs.enabled(tp),
    state: stateOf(tp, inputs, lastRun),
    schedule: inputs.scheduler.describe(tp),
    lastRun: inFlight ?? lastRun,
    nextRunAt: next ? next.toISOString() : null,
    recentRuns,
    openErrors: inputs.store.inbox.openCount(tp),
  };
  if (isPushTouchpoint(tp)) return card;
  return { ...card, cursor: describeCursor(inputs.store.cursors.get(tp)) };
}

/** The overall status. Health: error for alerts that stop syncing or a failed last run; warning for open errors. */
export function buildStatus(inputs: StatusInputs): AppStatus {
  const touchpoints = TOUCHPOINTS.map((tp) => touchpointStatus(tp, inputs));
  const openErrors = inputs.store.inbox.openCount();
  const configured = inputs.configured;
  const seriousAlert = inputs.alerts.some((a) => a.kind !== 'missed-run');
  const failed = touchpoints.some((t) => t.enabled && t.state === 'error');
  let health: Health = 'ok';
  if (!configured || seriousAlert || failed) health = 'error';
  else if (openErrors > 0 || inputs.alerts.length > 0) health = 'warning';
  const newest = inputs.store.runs.list({ limit: 10 }).find((r) => r.status !== 'running' && !r.dryRun);
  const lastResult = !configured
    ? (inputs.problems[0] ?? 'Not set up yet')
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
