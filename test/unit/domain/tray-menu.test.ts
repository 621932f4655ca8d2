import { describe, expect, it } from 'vitest';
import type { AppStatus, TouchpointStatus } from '../../../src/contract/dto.js';
import { TOUCHPOINTS } from '../../../src/contract/touchpoints.js';
import { appVerdict } from '../../../src/contract/wording.js';
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
    verdict: { tone: 'ok', text: 'Up to date' },
    ...patch,
  };
}

/** A status whose verdict comes from the same wording the engine uses. */
function status(patch: Partial<AppStatus> = {}): AppStatus {
  const base: Omit<AppStatus, 'verdict'> = {
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
    blocker: null,
    setUp: true,
    ...patch,
  };
  const verdict = appVerdict({
    blocker: base.blocker,
    running: base.running,
    paused: base.paused,
    openErrors: base.openErrors,
    failingTouchpoints: [],
    alertCount: base.alerts.length,
  });
  return { verdict, ...base };
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
    expect(model.tooltip).toBe('Infoplus ERP Sync: Up to date\nLast: Orders: 12 pushed, 0 failed at 10:05');
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
    expect(model.tooltip).toContain('Syncing');
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: false });
    expect(item(model.items, 'start-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
  });

  it('a refused key: the same words as the header and every card, then what to do', () => {
    const model = buildTrayMenu({
      status: status({
        health: 'error',
        openErrors: 3,
        blocker: {
          kind: 'infoplus-key',
          short: 'Infoplus refused the API key',
          message: 'Enter a valid key in Settings.',
          fixIn: 'settings',
        },
      }),
      openAtLogin: false,
    });
    expect(model.icon).toBe('tray-error');
    expect(model.tooltip).toBe(
      'Infoplus ERP Sync: Infoplus refused the API key\nEnter a valid key in Settings.',
    );
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: true });
  });

  it('open errors without a blocker: counted with the right plural', () => {
    const one = buildTrayMenu({ status: status({ health: 'warning', openErrors: 1 }), openAtLogin: false });
    expect(one.tooltip.split('\n')[0]).toBe('Infoplus ERP Sync: 1 record not synced');
    const many = buildTrayMenu({ status: status({ health: 'warning', openErrors: 9 }), openAtLogin: false });
    expect(many.tooltip.split('\n')[0]).toBe('Infoplus ERP Sync: 9 records not synced');
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

  it('not set up: no sync, tooltip says how to start', () => {
    const model = buildTrayMenu({
      status: status({
        configured: false,
        health: 'error',
        lastResult: 'No mapping profile is chosen',
        setUp: false,
        blocker: {
          kind: 'not-set-up',
          short: 'Not set up yet',
          message: 'Finish the setup to start syncing.',
          fixIn: 'settings',
        },
      }),
      openAtLogin: false,
    });
    expect(item(model.items, 'sync-all')).toMatchObject({ enabled: false });
    expect(model.icon).toBe('tray-error');
    expect(model.tooltip).toBe('Infoplus ERP Sync: Not set up yet\nFinish the setup to start syncing.');
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
