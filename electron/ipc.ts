import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_EVENTS } from '../src/contract/events.js';
import type { AppEventSource } from '../src/contract/events.js';
import { fail } from '../src/contract/result.js';
import type { Dispatch } from '../src/app/shell.js';
import { isAppPageUrl } from './app-page.js';
import type { AppPage } from './app-page.js';

/** Channel names shared with preload.cts (which cannot import them: sandboxed preloads load one file). */
export const INVOKE_CHANNEL = 'api:invoke';
export const EVENT_CHANNEL = 'api:event';

/** True when an IPC call comes from the top frame of our own renderer page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, page: AppPage): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppPageUrl(frame.url, page);
}

/** Wires `api:invoke` to the shared dispatcher and forwards engine events to our windows. Returns a teardown. */
export function setupIpc(deps: {
  dispatch: Dispatch;
  events: AppEventSource | null;
  page: AppPage;
  targets: () => WebContents[];
}): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event, deps.page)) {
      return fail('forbidden', 'Only the Infoplus ERP Sync window may call the sync engine.');
    }
    if (typeof method !== 'string') return fail('unknown-method', 'The method name must be a string.');
    return deps.dispatch(method, args);
  });
  const unsubscribe = APP_EVENTS.map((name) =>
    deps.events?.on(name, (payload) => {
      for (const contents of deps.targets()) {
        if (!contents.isDestroyed() && isAppPageUrl(contents.getURL(), deps.page)) {
          contents.send(EVENT_CHANNEL, { event: name, payload });
        }
      }
    }),
  );
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    for (const off of unsubscribe) off?.();
  };
}
