import type { Alert, AppStatus, InboxItem, LogEntry, RunCounts, RunSummary } from './dto.js';
import type { TouchpointName } from './touchpoints.js';

/** Progress of a run in flight, pushed as records are processed. */
export interface RunProgress {
  readonly runId: string;
  readonly touchpoint: TouchpointName;
  readonly counts: RunCounts;
  /** Records processed so far, and the total when known. */
  readonly done: number;
  readonly total: number | null;
}

/** Events the engine pushes to every UI (IPC `webContents.send` or the WebSocket). */
export interface AppEvents {
  status: AppStatus;
  'run-started': RunSummary;
  'run-progress': RunProgress;
  'run-finished': RunSummary;
  log: LogEntry;
  'inbox-changed': { readonly open: number; readonly changed: readonly InboxItem[] };
  alert: Alert;
}

export type AppEventName = keyof AppEvents;

/** Event names, for allowlists and the bridge-surface test. */
export const APP_EVENTS: readonly AppEventName[] = [
  'status',
  'run-started',
  'run-progress',
  'run-finished',
  'log',
  'inbox-changed',
  'alert',
];

/** Subscribing to events; returns an unsubscribe function. */
export interface AppEventSource {
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
}
