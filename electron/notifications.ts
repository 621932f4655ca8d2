import { Notification } from 'electron';
import type { AppEventSource } from '../src/contract/events.js';
import { EMPTY_NOTIFICATION_MEMORY, notifyForAlert, notifyForRun } from '../src/app/shell.js';
import type { DesktopNotification, NotificationMemory } from '../src/app/shell.js';
import type { WindowManager } from './windows.js';

/** Shows one OS notification; a click opens the window it points to. */
export function showNotification(note: DesktopNotification, windows: WindowManager, icon: string): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: note.title, body: note.body, icon });
  shown.on('click', () => windows.show(note.view));
  shown.show();
}

/** OS notifications for failures and missed runs (alerts), decided by the pure rules in src/domain. */
export function setupNotifications(events: AppEventSource, windows: WindowManager, icon: string): () => void {
  let memory: NotificationMemory = EMPTY_NOTIFICATION_MEMORY;
  const apply = (decision: { notification: DesktopNotification | null; memory: NotificationMemory }) => {
    memory = decision.memory;
    if (decision.notification) showNotification(decision.notification, windows, icon);
  };
  const offAlert = events.on('alert', (alert) => apply(notifyForAlert(alert, memory)));
  const offRun = events.on('run-finished', (run) => apply(notifyForRun(run, memory)));
  return () => {
    offAlert();
    offRun();
  };
}
