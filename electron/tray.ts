import { app, Menu, nativeImage, Tray } from 'electron';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { AppApi } from '../src/contract/api.js';
import type { AppStatus } from '../src/contract/dto.js';
import type { AppEventSource } from '../src/contract/events.js';
import { buildTrayMenu } from '../src/domain/tray-menu.js';
import type { TrayAction, TrayMenuItem } from '../src/domain/tray-menu.js';
import type { WindowManager } from './windows.js';

/** Turns the pure menu model into Electron's template; every click goes through `onAction`. */
export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator', id: item.id };
      case 'submenu':
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          submenu: toMenuTemplate(item.items, onAction),
        };
      case 'checkbox':
        return {
          id: item.id,
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          click: () => onAction(item.action),
        };
      case 'action':
        return { id: item.id, label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
    }
  });
}

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
  const tray = new Tray(image('tray-idle'));
  let status: AppStatus | null = null;

  const render = () => {
    const openAtLogin = loginItems && app.getLoginItemSettings().openAtLogin;
    const model = buildTrayMenu({
      status,
      openAtLogin,
      startAtLoginAvailable: loginItems,
      startupError: deps.startupError,
    });
    tray.setImage(image(model.icon));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(model.items, (a) => void act(a))));
  };

  const act = async (action: TrayAction): Promise<void> => {
    const { api } = deps;
    try {
      if (action.type === 'open') return deps.windows.show(action.view);
      if (action.type === 'quit') return app.quit();
      if (action.type === 'toggle-start-at-login') {
        app.setLoginItemSettings({
          openAtLogin: !app.getLoginItemSettings().openAtLogin,
          args: ['--hidden'],
        });
        return render();
      }
      if (!api) return;
      if (action.type === 'sync-all') await api.runNow({});
      else if (action.type === 'sync-touchpoint') await api.runNow({ touchpoints: [action.touchpoint] });
      else status = action.type === 'pause' ? await api.pause({}) : await api.resume({});
      render();
    } catch (error) {
      deps.onError(error instanceof Error ? error.message : String(error));
    }
  };

  const refresh = async () => {
    if (deps.api) status = await deps.api.getStatus({}).catch(() => status);
    render();
  };

  tray.on('click', () => deps.windows.show('dashboard'));
  deps.events?.on('status', (next) => {
    status = next;
    render();
  });
  // In case the engine sends run events without a fresh status.
  deps.events?.on('run-finished', () => void refresh());
  render();
  void refresh();
  return { tray, refresh };
}
