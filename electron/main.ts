/** The desktop shell: a list of setupX() calls around the engine that src/app composes. */
import { app, dialog } from 'electron';
import type { App } from '../src/app/index.js';
import { fail } from '../src/contract/result.js';
import { createDispatcher } from '../src/app/shell.js';
import type { Dispatch } from '../src/app/shell.js';
import { appPage } from './app-page.js';
import type { AppPage } from './app-page.js';
import { setupIpc } from './ipc.js';
import { setupNativeModules } from './native-modules.js';
import { setupNotifications, showNotification } from './notifications.js';
import { safeStorageSecretStore } from './secret-store.js';
import { setupSecurity } from './security.js';
import { electronStoreSettingsBackend } from './settings-backend.js';
import { setupTray } from './tray.js';
import { createWindowManager } from './windows.js';
import type { WindowManager } from './windows.js';

/** Must equal `appId` in electron-builder.yml: Windows ties notifications to it. */
const APP_ID = 'com.infoplus.erpsync';
type Core = App;
/** How long Quit waits for a run in flight to checkpoint before the process ends anyway. */
const STOP_TIMEOUT_MS = 20_000;

function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

async function setupCore(dataDir: string): Promise<{ core: Core | null; error: string | null }> {
  const settingsBackend = electronStoreSettingsBackend(dataDir);
  const secretStore = safeStorageSecretStore({
    dir: dataDir,
    allowPlaintext: () => settingsBackend.allowPlaintextSecrets(),
  });
  const nativeHint = setupNativeModules(app.getAppPath(), app.isPackaged);
  try {
    // Imported only now: the engine loads native modules, which must resolve after setupNativeModules.
    const { createApp } = await import('../src/app/index.js');
    return { core: await createApp({ dataDir, secretStore, settingsBackend }), error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const wrongAbi = nativeHint && /NODE_MODULE_VERSION|different Node\.js version/.test(message);
    return { core: null, error: wrongAbi ? `${nativeHint} (${message})` : message };
  }
}

function setupDispatch(core: Core | null, startupError: string | null): Dispatch {
  if (core) return createDispatcher(core.api, { logger: core.logging.logger('ipc') });
  return async () =>
    fail('not-started', `The sync engine did not start: ${startupError ?? 'unknown reason'}`);
}

function setupLifecycle(core: Core | null, windows: WindowManager): void {
  app.on('second-instance', () => windows.show('dashboard'));
  app.on('window-all-closed', () => undefined); // stay in the tray
  let stopped = !core;
  app.on('before-quit', (event) => {
    windows.allowClose();
    if (stopped || !core) return;
    // Let a run in flight finish its record and checkpoint before the process ends.
    event.preventDefault();
    stopped = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
    void Promise.race([core.stop(), timeout]).finally(() => app.quit());
  });
}

function startedHidden(): boolean {
  return process.argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAtLogin === true;
}

async function main(): Promise<void> {
  if (!setupSingleInstance()) return;
  app.setAppUserModelId(APP_ID);
  await app.whenReady();
  const page: AppPage = appPage(app.getAppPath(), app.isPackaged);
  setupSecurity(page);
  const windows = createWindowManager(page);
  const { core, error } = await setupCore(app.getPath('userData'));
  setupLifecycle(core, windows);
  setupIpc({
    dispatch: setupDispatch(core, error),
    events: core?.events ?? null,
    page,
    targets: windows.contents,
  });
  const onError = (message: string) =>
    showNotification({ title: 'Infoplus ERP Sync', body: message, view: 'dashboard' }, windows, page.appIcon);
  setupTray({
    api: core?.api ?? null,
    events: core?.events ?? null,
    windows,
    iconPath: page.trayIcon,
    startupError: error,
    onError,
  });
  if (core) setupNotifications(core.events, windows, page.appIcon);
  if (core) await core.start().catch((e: unknown) => onError(`Schedules did not start: ${String(e)}`));
  if (!startedHidden() || !core) windows.show('dashboard');
}

main().catch((error: unknown) => {
  dialog.showErrorBox(
    'Infoplus ERP Sync could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
});
