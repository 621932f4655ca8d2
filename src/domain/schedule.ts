/** Pure schedule math: quiet hours, next-run times, missed-run and failure detection. No I/O, no timers. */
import type { Alert, AlertKind, QuietHours, RunStatus, ScheduleSettings } from '../contract/dto.js';
import { TOUCHPOINT_LABELS, type TouchpointName } from '../contract/touchpoints.js';
import { nextCronTime, parseCron, type CronExpression } from './cron.js';

/** A schedule ready to evaluate: a parsed cron, an interval, or none (manual runs only). */
export type SchedulePlan =
  | { readonly kind: 'cron'; readonly cron: CronExpression }
  | { readonly kind: 'interval'; readonly minutes: number }
  /** Near-real-time: a change check every `seconds`, a run only when something changed. */
  | { readonly kind: 'continuous'; readonly seconds: number }
  | { readonly kind: 'manual' };

/** Turns settings into a plan; cron wins over intervalMinutes; disabled or empty means manual. Throws on a bad cron. */
export function planOf(s: ScheduleSettings | undefined): SchedulePlan {
  if (!s || !s.enabled) return { kind: 'manual' };
  if (s.cron && s.cron.trim() !== '') return { kind: 'cron', cron: parseCron(s.cron) };
  if (s.intervalMinutes && s.intervalMinutes > 0) return { kind: 'interval', minutes: s.intervalMinutes };
  if (s.continuousSeconds && s.continuousSeconds > 0)
    return { kind: 'continuous', seconds: s.continuousSeconds };
  return { kind: 'manual' };
}

/** The dashboard's text for a schedule: the cron expression, `every N minutes`, or null. */
export function describePlan(plan: SchedulePlan): string | null {
  if (plan.kind === 'cron') return plan.cron.source;
  if (plan.kind === 'interval') return plan.minutes === 1 ? 'every minute' : `every ${plan.minutes} minutes`;
  if (plan.kind === 'continuous') return `on change (checked every ${plan.seconds} s)`;
  return null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when `at` (local time) falls in the quiet window [start, end); a window may span midnight. */
export function isQuiet(at: Date, qh: QuietHours | null): boolean {
  if (!qh) return false;
  const start = minutesOf(qh.start);
  const end = minutesOf(qh.end);
  if (start === end) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the quiet window containing `at` ends (local time); `at` itself when it is not quiet. */
export function quietEnd(at: Date, qh: QuietHours | null): Date {
  if (!qh || !isQuiet(at, qh)) return at;
  const end = minutesOf(qh.end);
  const out = new Date(at.getTime());
  out.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (out.getTime() <= at.getTime()) out.setDate(out.getDate() + 1);
  return out;
}

/** The next nominal due time strictly after `after`, ignoring quiet hours; null for manual plans. */
export function nextNominalDue(plan: SchedulePlan, after: Date): Date | null {
  if (plan.kind === 'cron') return nextCronTime(plan.cron, after);
  if (plan.kind === 'interval') return new Date(after.getTime() + plan.minutes * 60_000);
  if (plan.kind === 'continuous') return new Date(after.getTime() + plan.seconds * 1_000);
  return null;
}

/** The next time a scheduled run should actually start: the nominal due time, pushed past quiet hours. */
export function nextRunTime(plan: SchedulePlan, after: Date, qh: QuietHours | null): Date | null {
  const due = nextNominalDue(plan, after);
  return due ? quietEnd(due, qh) : null;
}

/**
 * Whether a run is owed at start-up: a due time passed between the last run and now (the app was down or
 * asleep). Returns when to catch up (now, or the end of the quiet window), or null.
 */
export function catchUpTime(
  plan: SchedulePlan,
  lastRunAt: Date | null,
  now: Date,
  qh: QuietHours | null,
): Date | null {
  // A continuous touchpoint's next check (seconds away) catches up by itself.
  if (!lastRunAt || plan.kind === 'continuous') return null;
  const due = nextNominalDue(plan, lastRunAt);
  if (!due || due.getTime() > now.getTime()) return null;
  return quietEnd(now, qh);
}

/** What the watchdog knows about one touchpoint. */
export interface WatchInput {
  readonly touchpoint: TouchpointName;
  readonly plan: SchedulePlan;
  /** The later of: last run start, when watching began, when the schedule changed or was resumed. */
  readonly since: Date;
  readonly running: boolean;
  /** Statuses of the most recent finished non-dry runs, newest first. */
  readonly recentStatuses: readonly RunStatus[];
  /** True when the newest finished run was refused by Infoplus for the API key. */
  readonly authFailed: boolean;
  /** The newest run's error message, for the alert text. */
  readonly lastError?: string | null;
  /** What the last push found dated beyond now (value and record), or null. */
  readonly futureWatermark?: string | null;
}

/** Thresholds of the watchdog. */
export interface WatchRules {
  readonly now: Date;
  readonly paused: boolean;
  readonly quietHours: QuietHours | null;
  /** How late a scheduled run may start before it counts as missed. */
  readonly graceMs: number;
  /** Consecutive failed runs that make an alert. */
  readonly failureThreshold: number;
}

/** An alert the rules say should be up now (raisedAt is kept by whoever tracks it). */
export type AlertCandidate = Omit<Alert, 'raisedAt'>;

/** Stable id, so the same condition raised twice is one alert and it can be cleared. */
export function alertId(kind: AlertKind, touchpoint?: TouchpointName): string {
  return `${kind}:${touchpoint ?? 'all'}`;
}

/** The due time that was missed, or null: a scheduled run should have started more than graceMs ago. */
export function missedDue(input: WatchInput, rules: WatchRules): Date | null {
  // A continuous touchpoint runs only when the ERP changed: a quiet ERP is not a missed run.
  if (rules.paused || input.running || input.plan.kind === 'manual' || input.plan.kind === 'continuous')
    return null;
  const due = nextRunTime(input.plan, input.since, rules.quietHours);
  if (!due) return null;
  return rules.now.getTime() - due.getTime() > rules.graceMs ? due : null;
}

/** Consecutive failed runs counted from the newest. */
export function consecutiveFailures(statuses: readonly RunStatus[]): number {
  let n = 0;
  for (const s of statuses) {
    if (s !== 'failed') break;
    n++;
  }
  return n;
}

/** Every alert whose condition holds now, across touchpoints. */
export function evaluateAlerts(inputs: readonly WatchInput[], rules: WatchRules): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  let authNoted = false;
  for (const input of inputs) {
    const tp = input.touchpoint;
    const missed = missedDue(input, rules);
    if (missed) {
      out.push({
        id: alertId('missed-run', tp),
        kind: 'missed-run',
        touchpoint: tp,
        message: `The scheduled ${TOUCHPOINT_LABELS[tp]} run due at ${missed.toISOString()} did not start. Check that the agent is running and not paused.`,
      });
    }
    if (input.authFailed && !authNoted) {
      authNoted = true;
      out.push({
        id: alertId('auth-failed'),
        kind: 'auth-failed',
        message: 'Infoplus rejected the API key. Enter a valid key in Settings and test the connection.',
      });
    }
    if (input.futureWatermark) {
      out.push({
        id: alertId('future-watermark', tp),
        kind: 'future-watermark',
        touchpoint: tp,
        message: `${TOUCHPOINT_LABELS[tp]}: the ERP has a change date beyond now: ${input.futureWatermark}. It would hide every later edit, so it is not used as the watermark; correct the date in the ERP (or the profile's timezone).`,
      });
    }
    const failures = consecutiveFailures(input.recentStatuses);
    if (failures >= rules.failureThreshold) {
      out.push({
        id: alertId('repeated-failure', tp),
        kind: 'repeated-failure',
        touchpoint: tp,
        message: `The last ${failures} ${TOUCHPOINT_LABELS[tp]} runs failed${input.lastError ? `: ${input.lastError}` : ''}.`,
      });
    }
  }
  return out;
}
