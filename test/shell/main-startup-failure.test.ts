import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, fake } from './fake-electron.js';
import type { FakeTray } from './fake-electron.js';

// A damaged settings file: the real engine refuses to start, and the shell must say so instead of vanishing.
vi.mock('electron', () => import('./fake-electron.js'));
vi.mock('electron-store', () => import('./fake-electron-store.js'));

let dataDir: string;
const DAMAGED = '{ "version": 2, "schedules": ';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shell-fail-'));
  writeFileSync(join(dataDir, 'settings.json'), DAMAGED);
  fake.userData = dataDir;
  app.isPackaged = true;
  await import('../../electron/main.js');
  await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 30_000, interval: 50 });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('electron/main.ts when the engine cannot start', () => {
  it('stays in the tray with an error icon and the reason', () => {
    const tray = fake.trays[0] as FakeTray;
    expect(tray.image).toEqual({ path: expect.stringMatching(/tray-error\.png$/) });
    expect(tray.tooltip).toMatch(/^Infoplus ERP Sync: could not start\nThe settings file/);
    expect(tray.menu?.template.find((i) => i.id === 'sync-all')?.enabled).toBe(false);
  });

  it('answers the window with the reason instead of hanging', async () => {
    const invoke = fake.ipcHandlers.get('api:invoke') as unknown as (...a: unknown[]) => Promise<unknown>;
    const frame = {
      senderFrame: { url: 'file:///opt/infoplus-sync/dist/renderer/index.html', parent: null },
    };
    expect(await invoke(frame, 'getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'not-started', message: expect.stringContaining('left unchanged') },
    });
  });

  it('leaves the damaged settings file as it was', () => {
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(DAMAGED);
  });
});
