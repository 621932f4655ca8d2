import { describe, expect, it } from 'vitest';
import type { AppStatus, TouchpointStatus } from '../../../src/contract/dto.js';
import { TOUCHPOINTS } from '../../../src/contract/touchpoints.js';
import { buildTrayMenu, TOOLTIP_MAX, trayState } from '../../../src/domain/tray-menu.js';
import type { TrayMenuItem } from '../../../src/domain/tray-menu.js';

function touchpoint(
  name: (typeof TOUCHPOINTS)[number],
  patch: Partial<TouchpointStatus> = {},
): TouchpointStatus {
  return {
    name,
    enabled: true,
    state: 'idle',
    schedule: null,
    lastRun: null,
    nextRunAt: null,
    recentRuns: [],
    openErrors: 0,
    ...patch,
  };
}

function status(patch: Partial<AppStatus> = {}): AppStatus {
  return {
    health: 'ok',
    paused: false,
    running: false,
    configured: true,
    demo: false,
    touchpoints: TOUCHPOINTS.map((name) => touchpoint(name)),
    alerts: [],
    openErrors: 0,
    lastResult: 'Orders: 12 pushed, 0 failed at 10:05',
    version: '0.1.0',
    ...patch,
  };
}

function item(items: readonly TrayMenuItem[], id: string): TrayMenuItem {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

describe('trayState', () => {
  it.each([
    [{}, 'idle'],
    [{ running: true }, 'running'],
    [{ health: 'error' as const }, 'error'],
    [{ paused: true }, 'paused'],
    [{ paused: true, health: 'error' as const }, 'error'],
    [{ running: true, health: 'error' as const }, 'running'],
  ])('%o -> %s', (patch, expected) => {
    expect(trayState(status(patch))).toBe(expected);
  });

  it('shows an error when the engine could not start', () => {
    expect(trayState(null, 'ERP unreachable')).toBe('error');
    expect(trayState(null)).toBe('idle');
  });
});

describe('buildTrayMenu', () => {
  it('idle: every entry in order, sync enabled, icon and tooltip naming the last result', () => {
    const model = buildTrayMenu({ status: status(), openAtLogin: false });
    expect(model.icon).toBe('tray-idle');
    expect(model.tooltip).toBe('Infoplus ERP Sync: up to date\nLast: Orders: 12 pushed, 0 failed at 10:05');
    expect(model.items.map((i) => (i.kind === 'separator' ? '-' : i.label))).toEqual([
      'Sync now',
      'Sync one',
      'Pause schedules',
      '-',
      'Open dashboard',
      'Settings',
      'Logs',
      '-',
      'Start at login',
      'Quit',
    ]);
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: true, action: { type: 'sync-all' } });
    const sub = item(model.items, 'sync-one');
    if (sub.kind !== 'submenu') throw new Error('not a submenu');
    expect(sub.items).toHaveLength(7);
    expect(sub.items[3]).toMatchObject({
      label: 'Sales orders → Orders',
      enabled: true,
      action: { type: 'sync-touchpoint', touchpoint: 'orders' },
    });
  });

  it('running: sync disabled, running icon', () => {
    const model = buildTrayMenu({ status: status({ running: true }), openAtLogin: true });
    expect(model.icon).toBe('tray-running');
    expect(model.tooltip).toContain('syncing now');
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: false });
    expect(item(model.items, 'start-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
  });

  it('error: tooltip names the alert before the last result', () => {
    const model = buildTrayMenu({
      status: status({
        health: 'error',
        openErrors: 3,
        alerts: [
          {
            id: 'a',
            kind: 'auth-failed',
            message: 'Infoplus refused the API key',
            raisedAt: '2026-01-01T00:00:00Z',
          },
        ],
      }),
      openAtLogin: false,
    });
    expect(model.icon).toBe('tray-error');
    expect(model.tooltip).toBe(
      'Infoplus ERP Sync: needs attention (3 open errors)\nInfoplus refused the API key',
    );
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: true });
  });

  it('paused: offers Resume instead of Pause', () => {
    const model = buildTrayMenu({ status: status({ paused: true }), openAtLogin: false });
    expect(model.icon).toBe('tray-paused');
    expect(model.items.some((i) => i.id === 'pause')).toBe(false);
    expect(item(model.items, 'resume')).toMatchObject({
      label: 'Resume schedules',
      enabled: true,
      action: { type: 'resume' },
    });
  });

  it('disables single touchpoints that are off or already running', () => {
    const tps = TOUCHPOINTS.map((name) =>
      touchpoint(
        name,
        name === 'vendors' ? { enabled: false } : name === 'items' ? { state: 'running' } : {},
      ),
    );
    const sub = item(
      buildTrayMenu({ status: status({ touchpoints: tps }), openAtLogin: false }).items,
      'sync-one',
    );
    if (sub.kind !== 'submenu') throw new Error('not a submenu');
    expect(sub.items.map((i) => (i.kind === 'action' ? i.enabled : null)).slice(0, 3)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('not configured: no sync, tooltip says how to start', () => {
    const model = buildTrayMenu({
      status: status({ configured: false, lastResult: null }),
      openAtLogin: false,
    });
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: false });
    expect(model.tooltip).toBe('Infoplus ERP Sync: not set up yet\nOpen the dashboard to set it up');
  });

  it('not configured with a reason from the engine: the reason, not a "last result"', () => {
    const model = buildTrayMenu({
      status: status({ configured: false, health: 'error', lastResult: 'No mapping profile is chosen' }),
      openAtLogin: false,
    });
    expect(model.icon).toBe('tray-error');
    expect(model.tooltip).toBe('Infoplus ERP Sync: not set up yet\nNo mapping profile is chosen');
  });

  it('engine not started: windows still open, nothing else', () => {
    const model = buildTrayMenu({
      status: null,
      openAtLogin: false,
      startupError: 'Cannot open state.sqlite',
    });
    expect(model.tooltip).toBe('Infoplus ERP Sync: could not start\nCannot open state.sqlite');
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: false });
    expect(item(model.items, 'pause')).toMatchObject({ enabled: false });
    expect(item(model.items, 'open-dashboard')).toMatchObject({ enabled: true });
  });

  it('keeps the tooltip within the Windows limit', () => {
    const model = buildTrayMenu({ status: status({ lastResult: 'x'.repeat(500) }), openAtLogin: false });
    expect(model.tooltip.length).toBe(TOOLTIP_MAX);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });
});
