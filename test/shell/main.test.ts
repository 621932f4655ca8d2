import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../src/contract/dto.js';
import { app, fake } from './fake-electron.js';
import type { FakeBrowserWindow, FakeTray } from './fake-electron.js';
import { flush } from './fixtures.js';

// The shell against the REAL engine (createApp): only Electron itself is faked. electron-store is swapped
// for its base class `conf` because node_modules code cannot see vi.mock('electron').
vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('electron-store', () => import('./fake-electron-store.js'));

let dataDir: string;
type Invoke = (event: unknown, method: unknown, args: unknown) => Promise<{ ok: boolean; value?: unknown }>;
const appFrame = {
  senderFrame: { url: 'file:///opt/infoplus-sync/dist/renderer/index.html#/', parent: null },
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shell-main-'));
  fake.userData = dataDir;
  // Packaged: native modules are already right for the runtime (here: Node), no dist/electron-native hook.
  app.isPackaged = true;
  await import('../../electron/main.js');
  await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 30_000, interval: 50 });
});

afterAll(async () => {
  let prevented = false;
  app.emit('before-quit', { preventDefault: () => (prevented = true) });
  expect(prevented).toBe(true); // waits for the engine to stop
  await vi.waitFor(() => expect(fake.quitCalls).toBeGreaterThan(0), { timeout: 30_000 });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('electron/main.ts with the real engine', () => {
  it('shows the tray with a truthful first state: not set up yet', async () => {
    const tray = fake.trays[0] as FakeTray;
    await vi.waitFor(() => expect(tray.tooltip).toMatch(/^Infoplus ERP Sync: Not set up yet\n\S/));
    // The engine rates "not configured" as health error: nothing is syncing, and the icon says so.
    expect(tray.image).toEqual({ path: expect.stringMatching(/tray-error\.png$/) });
    expect(tray.menu?.template.find((i) => i.id === 'sync-all')?.enabled).toBe(false);
    expect(tray.menu?.template.map((i) => i.id)).toContain('sync-all');
  });

  it('opens the dashboard window from the built renderer with the sandboxed preload', () => {
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.loaded?.file).toMatch(/dist[\\/]renderer[\\/]index\.html$/);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it('answers IPC calls from the app page with the engine status', async () => {
    const invoke = fake.ipcHandlers.get('api:invoke') as unknown as Invoke;
    const result = await invoke(appFrame, 'getStatus', {});
    expect(result.ok).toBe(true);
    expect((result.value as AppStatus).touchpoints).toHaveLength(7);
    const foreign = await invoke(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      'getStatus',
      {},
    );
    expect(foreign.ok).toBe(false);
  });

  it('pauses from the tray and the icon follows', async () => {
    const tray = fake.trays[0] as FakeTray;
    tray.menu?.template.find((i) => i.id === 'pause')?.click?.();
    await vi.waitFor(() =>
      expect(tray.image).toMatchObject({ path: expect.stringMatching(/tray-(paused|error)\.png$/) }),
    );
    await flush();
    expect(tray.menu?.template.some((i) => i.id === 'resume')).toBe(true);
  });

  it('keeps running in the tray when the window is closed', () => {
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.userClose()).toBe(false);
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });
});
