import { app, Menu, nativeImage, Tray } from 'electron';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { AppApi } from '../src/contract/api.js';
import type { AppStatus } from '../src/contract/dto.js';
import type { AppEventSource } from '../src/contract/events.js';
import { buildTrayMenu, toMenuTemplate } from '../src/app/shell.js';
import type { TrayAction } from '../src/app/shell.js';
import type { WindowManager } from './windows.js';

/** What the tray needs; `api`/`events` are null when the engine failed to start. */
export interface TrayDeps {
  readonly api: AppApi | null;
  readonly events: AppEventSource | null;
  readonly windows: WindowManager;
  readonly iconPath: (name: string) => string;
  readonly startupError: string | null;
  readonly onError: (message: string) => void;
}

/** Creates the tray icon and keeps it in step with the engine status. */
export function setupTray(deps: TrayDeps): { tray: Tray; refresh(): Promise<void> } {
  const images = new Map<string, NativeImage>();
  const image = (name: string) => {
    let found = images.get(name);
    if (!found) images.set(name, (found = nativeImage.createFromPath(deps.iconPath(name))));
    return found;
  };
  const loginItems = process.platform === 'win32' || process.platform === 'darwin';
  // Windows compares the Run entry with these args: read with the same ones, or it always says "off".
  const login = { args: ['--hidden'] };
  const tray = new Tray(image('tray-idle'));
  let status: AppStatus | null = null;
  // Every status change bumps the version, so a slow getStatus answer never overwrites a newer status.
  let version = 0;
  const setStatus = (next: AppStatus) => {
    version++;
    status = next;
    render();
  };

  const render = () => {
    const openAtLogin = loginItems && app.getLoginItemSettings(login).openAtLogin;
    const model = buildTrayMenu({
      status,
      openAtLogin,
      startAtLoginAvailable: loginItems,
      startupError: deps.startupError,
    });
    tray.setImage(image(model.icon));
    tray.setToolTip(model.tooltip);
    const template = toMenuTemplate(model.items, (a) => void act(a)) as MenuItemConstructorOptions[];
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };

  const act = async (action: TrayAction): Promise<void> => {
    const { api } = deps;
    try {
      if (action.type === 'open') return deps.windows.show(action.view);
      if (action.type === 'quit') return app.quit();
      if (action.type === 'toggle-start-at-login') {
        app.setLoginItemSettings({ ...login, openAtLogin: !app.getLoginItemSettings(login).openAtLogin });
        return render();
      }
      if (!api) return;
      if (action.type === 'sync-all') await api.runNow({});
      else if (action.type === 'sync-touchpoint') await api.runNow({ touchpoints: [action.touchpoint] });
      else setStatus(action.type === 'pause' ? await api.pause({}) : await api.resume({}));
    } catch (error) {
      deps.onError(error instanceof Error ? error.message : String(error));
    }
  };

  const refresh = async () => {
    const asked = ++version;
    const next = await deps.api?.getStatus({}).catch(() => null);
    if (next && asked === version) setStatus(next);
  };

  tray.on('click', () => deps.windows.show('dashboard'));
  deps.events?.on('status', setStatus);
  // In case the engine sends run events without a fresh status.
  deps.events?.on('run-finished', () => void refresh());
  render();
  void refresh();
  return { tray, refresh };
}
