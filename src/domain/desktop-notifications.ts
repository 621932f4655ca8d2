import type { Alert, AlertKind, RunSummary } from '../contract/dto.js';
import { TOUCHPOINT_LABELS } from '../contract/touchpoints.js';
import type { TouchpointName } from '../contract/touchpoints.js';
import type { TrayView } from './tray-menu.js';

/** An OS notification to show, and which window a click on it opens. */
export interface DesktopNotification {
  readonly title: string;
  readonly body: string;
  readonly view: TrayView;
}

type Outcome = 'ok' | 'partial' | 'failed';
const SEVERITY: Record<Outcome, number> = { ok: 0, partial: 1, failed: 2 };
const MAX_REMEMBERED_ALERTS = 200;
const BODY_MAX = 250;

/** What the notifier remembers so a failing schedule does not pop up every few minutes. */
export interface NotificationMemory {
  readonly outcomes: Readonly<Partial<Record<TouchpointName, Outcome>>>;
  readonly alertIds: readonly string[];
}

/** Nothing seen yet. */
export const EMPTY_NOTIFICATION_MEMORY: NotificationMemory = { outcomes: {}, alertIds: [] };

const ALERT_TITLES: Record<AlertKind, string> = {
  'missed-run': 'A scheduled sync did not run',
  'repeated-failure': 'Sync keeps failing',
  'auth-failed': 'Login refused',
  'connection-lost': 'Connection lost',
  'future-watermark': 'ERP change date in the future',
};

function clip(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1)}…`;
}

/** Decides the notification for an engine alert: every alert once (by id); login problems open Settings. */
export function notifyForAlert(
  alert: Alert,
  memory: NotificationMemory,
): { notification: DesktopNotification | null; memory: NotificationMemory } {
  if (memory.alertIds.includes(alert.id)) return { notification: null, memory };
  const where = alert.touchpoint ? `${TOUCHPOINT_LABELS[alert.touchpoint]}: ` : '';
  return {
    notification: {
      title: ALERT_TITLES[alert.kind],
      body: clip(`${where}${alert.message}`),
      view: alert.kind === 'auth-failed' ? 'settings' : 'dashboard',
    },
    memory: { ...memory, alertIds: [...memory.alertIds, alert.id].slice(-MAX_REMEMBERED_ALERTS) },
  };
}

/**
 * Decides the notification for a finished run: only when a touchpoint gets worse (ok -> records failed ->
 * whole run failed), so a schedule that keeps failing notifies once; the watchdog's repeated-failure alert
 * covers the rest. Dry runs never notify.
 */
export function notifyForRun(
  run: RunSummary,
  memory: NotificationMemory,
): { notification: DesktopNotification | null; memory: NotificationMemory } {
  if (run.dryRun || run.status === 'running' || run.status === 'cancelled')
    return { notification: null, memory };
  const outcome: Outcome = run.status === 'failed' ? 'failed' : run.counts.failed > 0 ? 'partial' : 'ok';
  const previous = memory.outcomes[run.touchpoint] ?? 'ok';
  const next: NotificationMemory = { ...memory, outcomes: { ...memory.outcomes, [run.touchpoint]: outcome } };
  if (SEVERITY[outcome] <= SEVERITY[previous]) return { notification: null, memory: next };
  const label = TOUCHPOINT_LABELS[run.touchpoint];
  const notification: DesktopNotification =
    outcome === 'failed'
      ? {
          title: `${label}: sync failed`,
          body: clip(run.error ?? 'Open the dashboard to see why.'),
          view: 'dashboard',
        }
      : {
          title: `${label}: ${run.counts.failed} record${run.counts.failed === 1 ? '' : 's'} need attention`,
          body: 'They are parked in the error inbox; the rest of the run went on.',
          view: 'dashboard',
        };
  return { notification, memory: next };
}
