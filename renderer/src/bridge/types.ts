import type { ApiError, AppApi, AppEventSource } from '../contract.js';

/** Whether live events are flowing (WebSocket open / IPC available). */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The engine as the UI sees it: every API method plus live events, whatever the transport. */
export type Bridge = AppApi &
  AppEventSource & {
    readonly kind: 'http' | 'ipc';
    /** Live-event connection changes; called at once with the current state. */
    onConnection(listener: (state: ConnectionState) => void): () => void;
    /** Called when the engine refuses the token (HTTP 401). */
    onUnauthorized(listener: () => void): () => void;
    close(): void;
  };

/** A failed API call: the engine's ApiError as a throwable with the same code, message and details. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** A message a person can read, from anything thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
