import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from './fake-electron.js';
import type { FakeTray, MenuTemplate } from './fake-electron.js';
import { appStatus, flush, PAGE } from './fixtures.js';
import { fakeApi, fakeEvents } from '../unit/server/fakes.js';

vi.mock('electron', () => import('./fake-electron.js'));
const { setupTray } = await import('../../electron/tray.js');

function entry(template: MenuTemplate, id: string) {
  const found = template.find((i) => i.id === id);
  if (!found) throw new Error(`menu has no ${id}: ${template.map((i) => i.id).join(', ')}`);
  return found;
}

function start(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    getStatus: async () => appStatus(),
    pause: async () => appStatus({ paused: true }),
    resume: async () => appStatus(),
    runNow: async () => ({ runIds: ['r1'] }),
    ...overrides,
  });
  const events = fakeEvents();
  const windows = { show: vi.fn(), contents: () => [], allowClose: vi.fn() };
  const errors: string[] = [];
  setupTray({
    api,
    events,
    windows,
    iconPath: PAGE.trayIcon,
    startupError: null,
    onError: (m) => errors.push(m),
  });
  const tray = fake.trays[0] as FakeTray;
  const menu = () => tray.menu?.template ?? [];
  return { api, events, windows, tray, menu, errors };
}

const platform = process.platform;
beforeEach(() => resetFake());
afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));

describe('tray per state', () => {
  it('idle: green icon, tooltip names the last result, sync enabled', () => {
    const { events, tray, menu } = start();
    events.emit('status', appStatus());
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-idle.png' });
    expect(tray.tooltip).toBe('Infoplus ERP Sync: Up to date\nLast: Orders: 4 created at 10:05');
    expect(menu().map((i) => i.label ?? '-')).toEqual([
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
    expect(entry(menu(), 'sync-all').enabled).toBe(true);
    expect(entry(menu(), 'sync-one').submenu?.map((i) => i.label)).toHaveLength(7);
  });

  it('running: running icon and no second Sync now', () => {
    const { events, tray, menu } = start();
    events.emit('status', appStatus({ running: true }));
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-running.png' });
    expect(entry(menu(), 'sync-all').enabled).toBe(false);
    expect(entry(menu(), 'sync-one').enabled).toBe(false);
  });

  it('error: error icon and the alert in the tooltip', () => {
    const { events, tray } = start();
    events.emit(
      'status',
      appStatus({
        health: 'error',
        openErrors: 2,
        verdict: { tone: 'warning', text: '2 records not synced' },
        alerts: [{ id: 'a', kind: 'missed-run', message: 'Orders did not run at 10:00', raisedAt: '' }],
      }),
    );
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-error.png' });
    expect(tray.tooltip).toBe('Infoplus ERP Sync: 2 records not synced\nOrders did not run at 10:00');
  });

  it('paused: paused icon and Resume instead of Pause', () => {
    const { events, tray, menu } = start();
    events.emit('status', appStatus({ paused: true }));
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-paused.png' });
    expect(menu().some((i) => i.id === 'pause')).toBe(false);
    expect(entry(menu(), 'resume').label).toBe('Resume schedules');
  });

  it('engine failed to start: error icon, the reason in the tooltip, windows still reachable', () => {
    setupTray({
      api: null,
      events: null,
      windows: { show: vi.fn(), contents: () => [], allowClose: vi.fn() },
      iconPath: PAGE.trayIcon,
      startupError: 'Settings (settings.json): schedules.orders.cron: invalid',
      onError: () => undefined,
    });
    const tray = fake.trays[0] as FakeTray;
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-error.png' });
    expect(tray.tooltip).toContain('could not start');
    expect(entry(tray.menu?.template ?? [], 'sync-all').enabled).toBe(false);
    expect(entry(tray.menu?.template ?? [], 'open-settings').enabled).toBe(true);
  });
});

describe('tray clicks', () => {
  it('Sync now runs everything; Sync one runs one touchpoint', async () => {
    const { events, api, menu } = start();
    events.emit('status', appStatus());
    entry(menu(), 'sync-all').click?.();
    await flush();
    expect(api.runNow).toHaveBeenLastCalledWith({});
    entry(entry(menu(), 'sync-one').submenu ?? [], 'sync-orders').click?.();
    await flush();
    expect(api.runNow).toHaveBeenLastCalledWith({ touchpoints: ['orders'] });
  });

  it('Pause and Resume call the API and flip the menu at once', async () => {
    const { events, api, menu, tray } = start();
    events.emit('status', appStatus());
    entry(menu(), 'pause').click?.();
    await flush();
    expect(api.pause).toHaveBeenCalledWith({});
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-paused.png' });
    entry(menu(), 'resume').click?.();
    await flush();
    expect(api.resume).toHaveBeenCalledWith({});
    expect(entry(menu(), 'pause').label).toBe('Pause schedules');
  });

  it('Open dashboard, Settings and Logs open the window on that screen; left click opens the dashboard', () => {
    const { windows, menu, tray } = start();
    entry(menu(), 'open-dashboard').click?.();
    entry(menu(), 'open-settings').click?.();
    entry(menu(), 'open-logs').click?.();
    tray.emit('click');
    expect(windows.show.mock.calls.map((c) => c[0])).toEqual(['dashboard', 'settings', 'logs', 'dashboard']);
  });

  it('Quit quits the app', () => {
    const { menu } = start();
    entry(menu(), 'quit').click?.();
    expect(fake.quitCalls).toBe(1);
  });

  it('Start at login toggles the login item on Windows and is checked afterwards', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const { menu } = start();
    expect(entry(menu(), 'start-at-login')).toMatchObject({
      type: 'checkbox',
      checked: false,
      enabled: true,
    });
    entry(menu(), 'start-at-login').click?.();
    await flush();
    expect(fake.loginSettingsCalls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    expect(entry(menu(), 'start-at-login').checked).toBe(true);
    entry(menu(), 'start-at-login').click?.();
    await flush();
    expect(fake.loginSettingsCalls[1]).toEqual({ openAtLogin: false, args: ['--hidden'] });
    expect(entry(menu(), 'start-at-login').checked).toBe(false);
  });

  it('Start at login is greyed out on Linux, where Electron has no login items', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    const { menu } = start();
    expect(entry(menu(), 'start-at-login').enabled).toBe(false);
  });

  it('tells the user when a click fails', async () => {
    const { events, menu, errors } = start({
      runNow: () => Promise.reject(new Error('A run of orders is already in progress')),
    });
    events.emit('status', appStatus());
    entry(menu(), 'sync-all').click?.();
    await flush();
    expect(errors).toEqual(['A run of orders is already in progress']);
  });

  it('refreshes from the engine after a run finishes', async () => {
    const { events, tray } = start({ getStatus: async () => appStatus({ health: 'error' }) });
    events.emit('status', appStatus());
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-idle.png' });
    events.emit('run-finished', appStatus().touchpoints[0]?.lastRun ?? ({} as never));
    await flush();
    expect(tray.image).toEqual({ path: '/opt/infoplus-sync/build/tray/tray-error.png' });
  });
});
