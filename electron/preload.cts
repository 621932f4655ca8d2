// Sandboxed preloads run as one CommonJS file with a limited `require`: no imports of our own modules here.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';

interface EventMessage {
  event: string;
  payload: unknown;
}

/** The only thing the page sees: `window.infoplusSync`; the main process validates every call. */
const bridge = {
  invoke(method: string, args: unknown): Promise<unknown> {
    return ipcRenderer.invoke('api:invoke', method, args);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on('api:event', handler);
    return () => {
      ipcRenderer.removeListener('api:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('infoplusSync', bridge);
