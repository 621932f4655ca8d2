import { BrowserWindow } from 'electron';
import type { WebContents, WebPreferences } from 'electron';
import type { TrayView } from '../src/app/shell.js';
import type { AppPage } from './app-page.js';

/** The renderer runs isolated and sandboxed; it reaches the engine only through the preload bridge. */
export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}

/** The one dashboard window: created on demand, hidden (not destroyed) on close so the app stays in the tray. */
export interface WindowManager {
  show(view: TrayView): void;
  contents(): WebContents[];
  /** After this, closing really closes (the app is quitting). */
  allowClose(): void;
}

/** Creates the window manager. */
export function createWindowManager(page: AppPage): WindowManager {
  let win: BrowserWindow | null = null;
  let closing = false;

  const create = (view: TrayView) => {
    const created = new BrowserWindow({
      width: 1200,
      height: 820,
      minWidth: 760,
      minHeight: 520,
      show: false,
      title: 'Infoplus ERP Sync',
      icon: page.appIcon,
      autoHideMenuBar: true,
      webPreferences: webPreferences(page.preload),
    });
    created.on('close', (event) => {
      if (closing) return;
      event.preventDefault();
      created.hide();
    });
    created.on('closed', () => {
      if (win === created) win = null;
    });
    created.once('ready-to-show', () => created.show());
    if (page.devServerUrl) void created.loadURL(`${page.devServerUrl}#/${view}`);
    else void created.loadFile(page.rendererFile, { hash: `/${view}` });
    win = created;
  };

  return {
    show(view) {
      if (!win || win.isDestroyed()) return create(view);
      // Hash routing: switch screens in place, keeping the page's state.
      void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/${view}`)}`);
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    contents: () => (win && !win.isDestroyed() ? [win.webContents] : []),
    allowClose() {
      closing = true;
    },
  };
}
