import { app, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { RENDERER_CSP } from '../src/app/shell.js';
import { isAppPageUrl } from './app-page.js';
import type { AppPage } from './app-page.js';

/** Hosts (and their subdomains) a link in the app may open in the browser: the tenant and the docs. */
export const EXTERNAL_HOSTS: readonly string[] = ['infopluswms.com', 'infopluscommerce.com'];

/** True for an https link to an Infoplus or documentation host, with no user name or password in it. */
export function isExternalAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Locks down every web contents: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, page: AppPage): void {
  // Fails closed: anything but a clear "this is our page" (a throw included) stops the navigation.
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    let home = false;
    try {
      home = isAppPageUrl(url, page);
    } catch {
      home = false;
    }
    if (!home) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Infoplus and its documentation may open in the user's browser; nothing ever opens inside the app.
    if (isExternalAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Session-wide rules: the renderer CSP as a header, no permission prompts, hardened web contents. */
export function setupSecurity(page: AppPage): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // file:// pages carry the same policy in their meta tag; the header covers the dev server.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page));
}
