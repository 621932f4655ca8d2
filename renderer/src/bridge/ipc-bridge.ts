import { API_METHODS, APP_EVENTS } from '../contract.js';
import type { AppApi, AppEventName, AppEvents, Result } from '../contract.js';
import { createSignal } from './listeners.js';
import { ApiCallError } from './types.js';
import type { Bridge } from './types.js';

/** What the Electron preload exposes on `window.infoplusSync` (channels api:invoke / api:event). */
export interface PreloadApi {
  invoke(method: string, args: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    infoplusSync?: PreloadApi;
  }
}

/** Bridge over Electron IPC through the preload; same surface as the HTTP bridge. */
export function createIpcBridge(preload: PreloadApi): Bridge {
  const unauthorized = createSignal<void>();
  async function call(method: string, args: unknown): Promise<unknown> {
    const result = await preload.invoke(method, args ?? {});
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  }
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (args: unknown) => call(method, args)]),
  ) as unknown as AppApi;
  return {
    ...api,
    kind: 'ipc',
    on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void) {
      if (!APP_EVENTS.includes(event)) throw new Error(`Unknown event ${event}`);
      return preload.on(event, listener as (payload: unknown) => void);
    },
    onConnection(listener) {
      // IPC lives as long as the window: always open.
      listener('open');
      return () => undefined;
    },
    onUnauthorized: (listener) => unauthorized.subscribe(listener),
    close: () => undefined,
  };
}
