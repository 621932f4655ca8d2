import type { AppStatus, TouchpointStatus } from '../../src/contract/dto.js';
import { TOUCHPOINTS } from '../../src/contract/touchpoints.js';
import type { AppPage } from '../../electron/app-page.js';

/** An engine status with every touchpoint enabled and idle; patch what a test is about. */
export function appStatus(patch: Partial<AppStatus> = {}): AppStatus {
  const touchpoints: TouchpointStatus[] = TOUCHPOINTS.map((name) => ({
    name,
    enabled: true,
    state: 'idle',
    schedule: '*/5 * * * *',
    lastRun: null,
    nextRunAt: null,
    recentRuns: [],
    openErrors: 0,
    verdict: { tone: 'ok', text: 'Up to date' },
  }));
  return {
    health: 'ok',
    paused: false,
    running: false,
    configured: true,
    demo: false,
    touchpoints,
    alerts: [],
    openErrors: 0,
    lastResult: 'Orders: 4 created at 10:05',
    version: '0.1.0',
    verdict: { tone: 'ok', text: 'Up to date' },
    blocker: null,
    setUp: true,
    ...patch,
  };
}

/** The app page as the shell would compute it for an install in /opt/infoplus-sync. */
export const PAGE: AppPage = {
  rendererFile: '/opt/infoplus-sync/dist/renderer/index.html',
  devServerUrl: null,
  preload: '/opt/infoplus-sync/dist/electron/preload.cjs',
  appIcon: '/opt/infoplus-sync/build/icon.png',
  trayIcon: (name) => `/opt/infoplus-sync/build/tray/${name}.png`,
};

/** Lets queued promise callbacks (a click's async handler) run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
