import { app, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { RENDERER_CSP } from '../src/server/security-headers.js';
import { isAppPageUrl } from './app-page.js';
import type { AppPage } from './app-page.js';

/** Locks down every web contents: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, page: AppPage): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppPageUrl(url, page)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Help links may open in the user's browser; nothing ever opens inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
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
