/**
 * The one place the app's status words come from: the engine (status, tray) and the renderer (header, cards,
 * reconcile) all call these, so the same state never reads two ways.
 */
import type {
  AppStatus,
  ReconcileReport,
  ReconcileTouchpointReport,
  RunSummary,
  StatusBlocker,
  Verdict,
} from './dto.js';
import { TOUCHPOINT_LABELS, type TouchpointName } from './touchpoints.js';

/** `1 order`, `2 orders`, `1 line of business`, `3 lines of business`. */
export function plural(n: number, one: string, many?: string): string {
  return `${n} ${n === 1 ? one : (many ?? `${one}s`)}`;
}

/** What a touchpoint's records are called, one and many ("sales order" / "sales orders"). */
export const RECORD_NOUNS: Readonly<Record<TouchpointName, readonly [string, string]>> = {
  vendors: ['vendor', 'vendors'],
  items: ['item', 'items'],
  asns: ['purchase order', 'purchase orders'],
  orders: ['sales order', 'sales orders'],
  shipments: ['shipment', 'shipments'],
  'item-receipts': ['item receipt', 'item receipts'],
  'inventory-adjustments': ['inventory adjustment', 'inventory adjustments'],
};

/** `3 sales orders`, `1 item`. */
export function records(tp: TouchpointName, n: number): string {
  const [one, many] = RECORD_NOUNS[tp];
  return plural(n, one, many);
}

/** The display name of a touchpoint; never show the internal one. */
export function touchpointLabel(tp: TouchpointName): string {
  return TOUCHPOINT_LABELS[tp];
}

/**
 * How a finished run turned out, in words. A run whose every record failed is "Failed" even when the engine
 * filed it as partial; a run that only touched records with open errors is never "Succeeded" by itself.
 */
export function runOutcome(run: RunSummary): {
  readonly status: RunSummary['status'];
  readonly text: string;
} {
  const c = run.counts;
  const good = c.created + c.updated + c.unchanged + c.pulled;
  if (run.status === 'partial' && good === 0 && c.failed > 0) return { status: 'failed', text: 'Failed' };
  if (run.status === 'succeeded' && c.failed > 0) return { status: 'partial', text: 'Partly failed' };
  const text = {
    running: 'Running',
    succeeded: 'Succeeded',
    partial: 'Partly failed',
    failed: 'Failed',
    cancelled: 'Cancelled',
  }[run.status];
  return { status: run.status, text };
}

/** What a run did, non-zero counts only: "6 created, 1 unchanged", or "nothing to do". */
export function countsText(c: RunSummary['counts']): string {
  const parts: string[] = [];
  if (c.created) parts.push(`${c.created} created`);
  if (c.updated) parts.push(`${c.updated} updated`);
  if (c.pulled) parts.push(`${c.pulled} pulled`);
  if (c.unchanged) parts.push(`${c.unchanged} unchanged`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.failed) parts.push(`${c.failed} failed`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}

/** One line about a finished run, e.g. `Sales orders → Orders: 48 created, 2 failed`. */
export function describeRun(run: RunSummary): string {
  const what = countsText(run.counts);
  const label = touchpointLabel(run.touchpoint);
  if (run.status === 'failed') return `${label}: failed${run.error ? ` (${run.error})` : ''}`;
  return `${label}: ${what}${run.dryRun ? ' (dry run)' : ''}`;
}

/** The verdict of one touchpoint card, from its facts and what blocks the whole app. */
export function touchpointVerdict(facts: {
  readonly name: TouchpointName;
  readonly enabled: boolean;
  readonly running: boolean;
  readonly paused: boolean;
  readonly lastRun: RunSummary | null;
  readonly openErrors: number;
  readonly blocker: StatusBlocker | null;
}): Verdict {
  if (!facts.enabled) return { tone: 'off', text: 'Not mapped' };
  if (facts.blocker) return { tone: 'error', text: facts.blocker.short };
  if (facts.running) return { tone: 'running', text: 'Syncing' };
  const last = facts.lastRun ? runOutcome(facts.lastRun) : null;
  if (last?.status === 'failed') return { tone: 'error', text: 'Last run failed' };
  if (facts.openErrors > 0) {
    return { tone: 'warning', text: `${records(facts.name, facts.openErrors)} not synced` };
  }
  if (!last) return facts.paused ? { tone: 'paused', text: 'Paused' } : { tone: 'off', text: 'Not run yet' };
  // Paused schedules are said once, in the header; a card whose last run went well is up to date.
  return { tone: 'ok', text: 'Up to date' };
}

/** The app's verdict for the header, the dashboard summary and the tray: one text everywhere. */
export function appVerdict(s: {
  readonly blocker: StatusBlocker | null;
  readonly running: boolean;
  readonly paused: boolean;
  readonly openErrors: number;
  readonly failingTouchpoints: readonly TouchpointName[];
  readonly alertCount: number;
}): Verdict {
  if (s.blocker) {
    return { tone: s.blocker.kind === 'not-set-up' ? 'off' : 'error', text: s.blocker.short };
  }
  if (s.failingTouchpoints.length > 0) {
    const names = s.failingTouchpoints.map(touchpointLabel).join(', ');
    return { tone: 'error', text: `Failing: ${names}` };
  }
  if (s.running) return { tone: 'running', text: 'Syncing' };
  if (s.openErrors > 0) {
    return { tone: 'warning', text: `${plural(s.openErrors, 'record')} not synced` };
  }
  if (s.alertCount > 0) return { tone: 'warning', text: 'Needs attention' };
  if (s.paused) return { tone: 'paused', text: 'Paused' };
  return { tone: 'ok', text: 'Up to date' };
}

/** The header's light text: the verdict, with "schedules paused" added when that is not already the text. */
export function headerText(status: Pick<AppStatus, 'verdict' | 'paused'>): string {
  const v = status.verdict;
  return status.paused && v.tone !== 'paused' ? `${v.text} · Paused` : v.text;
}

/** ERP records of a touchpoint that are not (yet) in Infoplus as this app expects. */
function notAgreeing(t: ReconcileTouchpointReport): number {
  return Math.max(0, t.erpRecords - t.agreeing);
}

/**
 * Reconciliation's verdict: "agree" only when every ERP record is in Infoplus once, nothing waits in the inbox
 * or is settling, no finding is open, and no touchpoint failed to compare.
 */
export function reconcileVerdict(report: ReconcileReport): {
  readonly agree: boolean;
  readonly lines: string[];
} {
  const lines: string[] = [];
  for (const t of report.touchpoints) {
    const label = touchpointLabel(t.touchpoint);
    if (t.error) {
      lines.push(`${label}: could not compare (${t.error})`);
      continue;
    }
    const findings = Object.values(t.counts).reduce((n, c) => n + c, 0);
    const behind = notAgreeing(t);
    const parts: string[] = [];
    if (behind > 0)
      parts.push(`${records(t.touchpoint, behind)} of ${t.erpRecords} not in Infoplus as expected`);
    if (t.inErrorInbox > 0) parts.push(`${t.inErrorInbox} waiting in the error inbox`);
    if ((t.settling ?? 0) > 0) parts.push(`${t.settling} being checked with Infoplus`);
    if (findings > 0 && behind === 0) parts.push(plural(findings, 'finding'));
    if (t.onlyInInfoplus > 0) parts.push(`${t.onlyInInfoplus} only in Infoplus`);
    if (parts.length > 0) lines.push(`${label}: ${parts.join('; ')}`);
  }
  return { agree: lines.length === 0, lines };
}

/** Words for a pull cursor: "up to 5 Dec 23:33" (local time), or "nothing pulled yet". */
export function cursorWords(iso: string | null | undefined, locale?: string): string {
  if (!iso) return 'nothing pulled yet';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return `up to ${iso}`;
  const day = at.toLocaleDateString(locale ?? 'en-GB', { day: 'numeric', month: 'short' });
  const year = at.getFullYear() !== new Date().getFullYear() ? ` ${at.getFullYear()}` : '';
  const time = at.toLocaleTimeString(locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return `up to ${day}${year} ${time}`;
}

/** A run's observed pace: this many records done in this many milliseconds (a recent stretch of the run). */
export interface ProgressPace {
  readonly records: number;
  readonly ms: number;
}

/** The least a pace must rest on before a time left is said: fewer samples make a guess, not an estimate. */
export const MIN_PACE: ProgressPace = { records: 5, ms: 2000 };

/** "about 6 s left", "about 2 min left"; null while the total or a pace resting on enough samples is missing. */
export function timeLeft(done: number, total: number | null, pace: ProgressPace | null): string | null {
  if (total === null || pace === null || total <= done) return null;
  if (pace.records < MIN_PACE.records || pace.ms < MIN_PACE.ms) return null;
  const ms = ((total - done) * pace.ms) / pace.records;
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `about ${s} s left`;
  const m = Math.round(s / 60);
  if (m < 60) return `about ${m} min left`;
  return `about ${plural(Math.round(m / 60), 'hour')} left`;
}

/**
 * A run's progress without its name (on its own card): "112 of 140, about 6 s left", "42 sales orders so far"
 * (no total is shown rather than one the run has outgrown).
 */
export function progressCount(
  tp: TouchpointName,
  done: number,
  total: number | null,
  pace: ProgressPace | null,
): string {
  if (total === null || total < done) return `${records(tp, done)} so far`;
  const left = timeLeft(done, total, pace);
  return `${done} of ${total}${left ? `, ${left}` : ''}`;
}

/** The progress line of a run in flight: "Sales orders → Orders: 112 of 140, about 6 s left". */
export function progressText(
  tp: TouchpointName,
  done: number,
  total: number | null,
  pace: ProgressPace | null,
): string {
  return `${touchpointLabel(tp)}: ${progressCount(tp, done, total, pace)}`;
}
