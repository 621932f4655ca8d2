/**
 * A fake `electron` module for the shell tests (the real binary is absent): records what the shell asks of
 * Electron and lets tests drive events. Use with `vi.mock('electron', () => import('./fake-electron.js'))`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

type Handler = (...args: never[]) => unknown;

/** Mutable knobs and recordings, reset by `resetFake()`. */
export const fake = {
  userData: tmpdir(),
  appPath: '/opt/infoplus-sync',
  encryptionAvailable: true,
  storageBackend: 'gnome_libsecret' as string,
  openAtLogin: false,
  loginArgs: [] as string[],
  exposed: {} as Record<string, unknown>,
  ipcHandlers: new Map<string, Handler>(),
  rendererListeners: new Map<string, Set<Handler>>(),
  invoked: [] as unknown[][],
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  quitCalls: 0,
  loginSettingsCalls: [] as unknown[],
  opened: [] as string[],
};

/** Puts the fake back to its defaults. */
export function resetFake(): void {
  fake.encryptionAvailable = true;
  fake.storageBackend = 'gnome_libsecret';
  fake.openAtLogin = false;
  fake.loginArgs = [];
  fake.exposed = {};
  fake.ipcHandlers.clear();
  fake.rendererListeners.clear();
  fake.invoked = [];
  fake.windows = [];
  fake.trays = [];
  fake.notifications = [];
  fake.quitCalls = 0;
  fake.loginSettingsCalls = [];
  fake.opened = [];
  app.removeAllListeners();
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  getPath = (_name: string) => fake.userData;
  getAppPath = () => fake.appPath;
  getVersion = () => '0.1.0';
  quit = () => {
    fake.quitCalls++;
  };
  exit = () => undefined;
  whenReady = () => Promise.resolve();
  requestSingleInstanceLock = () => true;
  setAppUserModelId = () => undefined;
  /** Like Windows: the entry only counts when asked with the same args it was written with. */
  getLoginItemSettings = (options: { args?: string[] } = {}) => ({
    openAtLogin: fake.openAtLogin && JSON.stringify(options.args ?? []) === JSON.stringify(fake.loginArgs),
    wasOpenedAtLogin: false,
  });
  setLoginItemSettings = (settings: { openAtLogin: boolean; args?: string[] }) => {
    fake.loginSettingsCalls.push(settings);
    fake.openAtLogin = settings.openAtLogin;
    fake.loginArgs = settings.args ?? [];
  };
}
export const app = new FakeApp();

export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    fake.ipcHandlers.set(channel, handler);
  },
  removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
  on: () => undefined,
};

export const ipcRenderer = {
  invoke: (...args: unknown[]) => {
    fake.invoked.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
  on: (channel: string, handler: Handler) => {
    let set = fake.rendererListeners.get(channel);
    if (!set) fake.rendererListeners.set(channel, (set = new Set()));
    set.add(handler);
  },
  removeListener: (channel: string, handler: Handler) => fake.rendererListeners.get(channel)?.delete(handler),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, value: unknown) => {
    fake.exposed[key] = value;
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => fake.encryptionAvailable,
  getSelectedStorageBackend: () => fake.storageBackend,
  // Reversible but not plain: enough to see that nothing readable reaches the disk.
  encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
  decryptString: (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('enc:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4), 'hex').toString();
  },
};

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  sent: unknown[][] = [];
  scripts: string[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = (...args: unknown[]) => this.sent.push(args);
  getURL = () => this.url;
  isDestroyed = () => this.destroyed;
  executeJavaScript = (code: string) => {
    this.scripts.push(code);
    return Promise.resolve();
  };
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.openHandler = handler;
  };
}

export class FakeBrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  loaded: { file?: string; url?: string; options?: unknown } | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
  }
  loadFile = (file: string, options?: unknown) => {
    this.loaded = { file, options };
    return Promise.resolve();
  };
  loadURL = (url: string) => {
    this.loaded = { url };
    return Promise.resolve();
  };
  show = () => {
    this.visible = true;
  };
  hide = () => {
    this.visible = false;
  };
  focus = () => undefined;
  isMinimized = () => false;
  restore = () => undefined;
  isDestroyed = () => this.destroyed;
  /** What the user clicking the window's close button does. */
  userClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}
export const BrowserWindow = FakeBrowserWindow;

export class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: { template: MenuTemplate } | null = null;
  constructor(image: unknown) {
    super();
    this.image = image;
    fake.trays.push(this);
  }
  setImage = (image: unknown) => {
    this.image = image;
  };
  setToolTip = (text: string) => {
    this.tooltip = text;
  };
  setContextMenu = (menu: { template: MenuTemplate }) => {
    this.menu = menu;
  };
}
export const Tray = FakeTray;

/** Electron's MenuItemConstructorOptions, as much as the tests read. */
export type MenuTemplate = {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuTemplate;
}[];
export const Menu = { buildFromTemplate: (template: MenuTemplate) => ({ template }) };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    fake.notifications.push(this);
  }
  static isSupported = () => true;
  show = () => {
    this.shown = true;
  };
}
export const Notification = FakeNotification;

export const session = {
  defaultSession: {
    permissionHandler: null as Handler | null,
    headersHandler: null as Handler | null,
    setPermissionRequestHandler(handler: Handler) {
      this.permissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived: (handler: Handler) => {
        session.defaultSession.headersHandler = handler;
      },
    },
  },
};

export const shell = {
  openExternal: (url: string) => {
    fake.opened.push(url);
    return Promise.resolve();
  },
  openPath: () => Promise.resolve(''),
};
export const dialog = { showErrorBox: () => undefined };

export default {
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  session,
  shell,
  dialog,
};
