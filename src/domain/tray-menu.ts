import type { AppStatus } from '../contract/dto.js';
import { TOUCHPOINTS, TOUCHPOINT_LABELS } from '../contract/touchpoints.js';
import type { TouchpointName } from '../contract/touchpoints.js';

/** What the tray icon shows. */
export type TrayState = 'idle' | 'running' | 'error' | 'paused';

/** Image names under build/tray/ (`<name>.png`). */
export type TrayIconName = `tray-${TrayState}`;

/** The window a menu entry opens (renderer hash routes). */
export type TrayView = 'dashboard' | 'settings' | 'logs';

/** What clicking a menu entry does; the shell maps each to an API call or a window. */
export type TrayAction =
  | { readonly type: 'sync-all' }
  | { readonly type: 'sync-touchpoint'; readonly touchpoint: TouchpointName }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'open'; readonly view: TrayView }
  | { readonly type: 'toggle-start-at-login' }
  | { readonly type: 'quit' };

/** One entry of the tray menu, independent of Electron's MenuItem. */
export type TrayMenuItem =
  | {
      readonly kind: 'action';
      readonly id: string;
      readonly label: string;
      readonly enabled: boolean;
      readonly action: TrayAction;
    }
  | {
      readonly kind: 'checkbox';
      readonly id: string;
      readonly label: string;
      readonly checked: boolean;
      readonly enabled: boolean;
      readonly action: TrayAction;
    }
  | {
      readonly kind: 'submenu';
      readonly id: string;
      readonly label: string;
      readonly enabled: boolean;
      readonly items: readonly TrayMenuItem[];
    }
  | { readonly kind: 'separator'; readonly id: string };

/** Everything the tray renders. */
export interface TrayMenuModel {
  readonly state: TrayState;
  readonly icon: TrayIconName;
  readonly tooltip: string;
  readonly items: readonly TrayMenuItem[];
}

/** Input of the tray model: the engine's status (null while starting or when it failed to start). */
export interface TrayInput {
  readonly status: AppStatus | null;
  readonly openAtLogin: boolean;
  /** False where the OS offers no login item through Electron (Linux): the entry is shown greyed out. */
  readonly startAtLoginAvailable?: boolean;
  /** Why the engine could not start, shown instead of a last result. */
  readonly startupError?: string | null;
}

const PRODUCT = 'Infoplus ERP Sync';
/** Windows truncates tray tooltips at 127 characters; cut cleanly ourselves. */
export const TOOLTIP_MAX = 127;

/**
 * The state the icon shows. Running wins (the user just asked for it); then error, because a failing sync is
 * what nobody must miss; then paused, because paused schedules are also "not syncing"; else idle.
 */
export function trayState(status: AppStatus | null, startupError?: string | null): TrayState {
  if (!status) return startupError ? 'error' : 'idle';
  if (status.running) return 'running';
  if (status.health === 'error') return 'error';
  if (status.paused) return 'paused';
  return 'idle';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The tooltip: product, state in words, and the last result (or what is wrong). */
export function trayTooltip(status: AppStatus | null, startupError?: string | null): string {
  let stateText: string;
  let detail: string | null;
  if (!status) {
    stateText = startupError ? 'could not start' : 'starting';
    detail = startupError ?? null;
  } else {
    // The same words as the header and the dashboard: one verdict, computed in the engine.
    stateText = status.verdict.text;
    if (status.paused && status.verdict.tone !== 'paused') stateText += ', schedules paused';
    if (status.blocker) detail = status.blocker.message;
    else detail = status.alerts[0]?.message ?? (status.lastResult ? `Last: ${status.lastResult}` : null);
  }
  const head = `${PRODUCT}: ${stateText}`;
  return clip(detail ? `${head}\n${detail}` : head, TOOLTIP_MAX);
}

/** Builds the whole tray menu model from the engine status. Pure: the tray only renders it. */
export function buildTrayMenu(input: TrayInput): TrayMenuModel {
  const { status, openAtLogin } = input;
  const state = trayState(status, input.startupError);
  const canSync = !!status && status.configured && !status.running;
  const enabledTouchpoints = new Set(status?.touchpoints.filter((t) => t.enabled).map((t) => t.name) ?? []);
  const busyTouchpoints = new Set(
    status?.touchpoints.filter((t) => t.state === 'running').map((t) => t.name) ?? [],
  );

  const perTouchpoint: TrayMenuItem[] = TOUCHPOINTS.map((touchpoint) => ({
    kind: 'action',
    id: `sync-${touchpoint}`,
    label: TOUCHPOINT_LABELS[touchpoint],
    enabled: canSync && enabledTouchpoints.has(touchpoint) && !busyTouchpoints.has(touchpoint),
    action: { type: 'sync-touchpoint', touchpoint },
  }));

  const paused = status?.paused ?? false;
  const items: TrayMenuItem[] = [
    { kind: 'action', id: 'sync-all', label: 'Sync now', enabled: canSync, action: { type: 'sync-all' } },
    { kind: 'submenu', id: 'sync-one', label: 'Sync one', enabled: canSync, items: perTouchpoint },
    paused
      ? { kind: 'action', id: 'resume', label: 'Resume schedules', enabled: true, action: { type: 'resume' } }
      : {
          kind: 'action',
          id: 'pause',
          label: 'Pause schedules',
          enabled: !!status,
          action: { type: 'pause' },
        },
    { kind: 'separator', id: 'sep-1' },
    {
      kind: 'action',
      id: 'open-dashboard',
      label: 'Open dashboard',
      enabled: true,
      action: { type: 'open', view: 'dashboard' },
    },
    {
      kind: 'action',
      id: 'open-settings',
      label: 'Settings',
      enabled: true,
      action: { type: 'open', view: 'settings' },
    },
    { kind: 'action', id: 'open-logs', label: 'Logs', enabled: true, action: { type: 'open', view: 'logs' } },
    { kind: 'separator', id: 'sep-2' },
    {
      kind: 'checkbox',
      id: 'start-at-login',
      label: 'Start at login',
      checked: openAtLogin,
      enabled: input.startAtLoginAvailable ?? true,
      action: { type: 'toggle-start-at-login' },
    },
    { kind: 'action', id: 'quit', label: 'Quit', enabled: true, action: { type: 'quit' } },
  ];
  return { state, icon: `tray-${state}`, tooltip: trayTooltip(status, input.startupError), items };
}

/** A menu entry in the shape of Electron's MenuItemConstructorOptions (structurally), without importing it. */
export interface MenuTemplateItem {
  readonly id: string;
  readonly type?: 'separator' | 'checkbox';
  readonly label?: string;
  readonly enabled?: boolean;
  readonly checked?: boolean;
  readonly click?: () => void;
  readonly submenu?: MenuTemplateItem[];
}

/** Turns the menu model into a menu template; every click goes through `onAction`. */
export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  onAction: (action: TrayAction) => void,
): MenuTemplateItem[] {
  return items.map((item): MenuTemplateItem => {
    switch (item.kind) {
      case 'separator':
        return { id: item.id, type: 'separator' };
      case 'submenu':
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          submenu: toMenuTemplate(item.items, onAction),
        };
      case 'checkbox':
        return {
          id: item.id,
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          click: () => onAction(item.action),
        };
      case 'action':
        return { id: item.id, label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
    }
  });
}
