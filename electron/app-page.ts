import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the shell finds its pieces, and which page is "ours". */
export interface AppPage {
  /** dist/renderer/index.html inside the app folder (or asar). */
  readonly rendererFile: string;
  /** Vite dev server origin when developing unpackaged (ELECTRON_RENDERER_URL), else null. */
  readonly devServerUrl: string | null;
  readonly preload: string;
  readonly appIcon: string;
  trayIcon(name: string): string;
}

/** Paths from the app folder (`app.getAppPath()`: the repo, or resources/app.asar when packaged). */
export function appPage(appPath: string, packaged: boolean, env: NodeJS.ProcessEnv = process.env): AppPage {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return {
    rendererFile: join(appPath, 'dist', 'renderer', 'index.html'),
    devServerUrl: !packaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : null,
    preload: join(here, 'preload.cjs'),
    appIcon: join(appPath, 'build', 'icon.png'),
    trayIcon: (name) => join(appPath, 'build', 'tray', `${name}.png`),
  };
}

/** True when `url` is the app's own renderer page (any hash/query), never another file or site. */
export function isAppPageUrl(url: string, page: Pick<AppPage, 'rendererFile' | 'devServerUrl'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (page.devServerUrl && parsed.origin === new URL(page.devServerUrl).origin) return true;
  if (parsed.protocol !== 'file:') return false;
  const expected = pathToFileURL(page.rendererFile);
  const norm = (u: URL) => {
    const path = `${u.host}${decodeURIComponent(u.pathname)}`;
    return process.platform === 'win32' ? path.toLowerCase() : path;
  };
  try {
    return norm(parsed) === norm(expected);
  } catch {
    // A malformed escape (%E0%A4%A) is not our page.
    return false;
  }
}
