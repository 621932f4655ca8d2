import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fake, FakeWebContents, resetFake, session } from './fake-electron.js';
import type { FakeBrowserWindow } from './fake-electron.js';
import { PAGE } from './fixtures.js';

vi.mock('electron', () => import('./fake-electron.js'));
const { createWindowManager } = await import('../../electron/windows.js');
const { hardenWebContents, setupSecurity } = await import('../../electron/security.js');
const { RENDERER_CSP } = await import('../../src/server/security-headers.js');

beforeEach(() => resetFake());

describe('dashboard window', () => {
  it('is isolated and sandboxed, with the preload as the only bridge', () => {
    createWindowManager(PAGE).show('dashboard');
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: PAGE.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('opens the built renderer on the asked screen, then switches screens in place', () => {
    const windows = createWindowManager(PAGE);
    windows.show('settings');
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.loaded).toEqual({ file: PAGE.rendererFile, options: { hash: '/settings' } });
    windows.show('logs');
    expect(fake.windows).toHaveLength(1);
    expect(win.webContents.scripts).toEqual(['location.hash = "#/logs"']);
    expect(win.visible).toBe(true);
  });

  it('hides instead of closing, so the app stays in the tray, until the app quits', () => {
    const windows = createWindowManager(PAGE);
    windows.show('dashboard');
    const win = fake.windows[0] as FakeBrowserWindow;
    win.show();
    expect(win.userClose()).toBe(false);
    expect(win.visible).toBe(false);
    expect(windows.contents()).toHaveLength(1);
    windows.allowClose();
    expect(win.userClose()).toBe(true);
    expect(windows.contents()).toHaveLength(0);
  });
});

describe('navigation and new windows', () => {
  function hardened() {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, PAGE);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { contents, navigate };
  }

  it('blocks navigating away from the app page', () => {
    const { navigate } = hardened();
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///opt/infoplus-sync/dist/renderer/index.html#/runs')).toBe(false);
  });

  // Issue 13, L3: a malformed escape made the check throw, and the navigation went ahead.
  it('blocks a navigation whose URL cannot be decoded (fails closed)', () => {
    const { navigate } = hardened();
    expect(navigate('will-navigate', 'file:///opt/infoplus-sync/dist/renderer/%E0%A4%A')).toBe(true);
    expect(navigate('will-redirect', 'file:///opt/infoplus-sync/dist/renderer/index.html%')).toBe(true);
  });

  it('denies every new window; only Infoplus and its docs open in the browser', () => {
    const { contents } = hardened();
    for (const url of [
      'https://developer.infopluscommerce.com/',
      'https://acme.infopluswms.com/infoplus-wms/',
      'https://evil.example/',
      'https://infopluswms.com.evil.example/',
      'https://user:pw@acme.infopluswms.com/',
      'file:///etc/passwd',
      'http://acme.infopluswms.com/',
      'not a url',
    ]) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.opened).toEqual([
      'https://developer.infopluscommerce.com/',
      'https://acme.infopluswms.com/infoplus-wms/',
    ]);
  });

  it('blocks webviews', () => {
    const { navigate } = hardened();
    expect(navigate('will-attach-webview', '')).toBe(true);
  });

  it('hardens every web contents created, denies permissions and sends the renderer CSP', () => {
    setupSecurity(PAGE);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler).not.toBeNull();
    const granted: boolean[] = [];
    session.defaultSession.permissionHandler?.(
      {} as never,
      'media' as never,
      ((g: boolean) => granted.push(g)) as never,
    );
    expect(granted).toEqual([false]);
    let headers: unknown;
    session.defaultSession.headersHandler?.(
      { responseHeaders: { 'X-Test': ['1'] } } as never,
      ((answer: { responseHeaders: unknown }) => (headers = answer.responseHeaders)) as never,
    );
    expect(headers).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': [RENDERER_CSP] });
  });
});
