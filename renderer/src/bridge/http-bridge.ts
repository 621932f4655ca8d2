import { API_METHODS, APP_EVENTS } from '../contract.js';
import type { ApiError, AppApi, ApiMethod, Result } from '../contract.js';
import { createListeners, createSignal } from './listeners.js';
import { ApiCallError } from './types.js';
import type { Bridge, ConnectionState } from './types.js';

const MAX_BACKOFF_MS = 10_000;

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Bridge to `infoplus-sync serve`: POST /api/call/<method> for calls, a WebSocket for live events. */
export function createHttpBridge(baseUrl: string, token: string): Bridge {
  const base = baseUrl.replace(/\/+$/, '');
  const listeners = createListeners();
  const connection = createSignal<ConnectionState>();
  const unauthorized = createSignal<void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    connection.emit(next);
  };

  async function call(method: ApiMethod, args: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw new ApiCallError({
        code: 'network',
        message: `Cannot reach the sync service at ${base}. Check that infoplus-sync is still running.`,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.status === 401) {
      unauthorized.emit();
      const error = isResult(body) && !body.ok ? body.error : undefined;
      throw new ApiCallError({
        code: 'unauthorized',
        message: error?.message ?? 'The sync service refused the access token. Sign in again.',
      });
    }
    if (!isResult(body)) {
      throw new ApiCallError({
        code: 'bad-response',
        message: `The sync service answered ${method} with HTTP ${response.status} and no result.`,
      });
    }
    if (!body.ok) throw new ApiCallError(body.error as ApiError);
    return body.value;
  }

  function connect(): void {
    if (closed) return;
    setState('connecting');
    const wsUrl = `${base.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
    };
    ws.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const { event, payload } = (data ?? {}) as { event?: unknown; payload?: unknown };
      if (typeof event === 'string' && (APP_EVENTS as readonly string[]).includes(event)) {
        listeners.emit(event, payload);
      }
    };
    // A failed connection also closes; onclose does the retrying.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return setState('closed');
      setState('closed');
      // Reconnect with capped exponential backoff so a restarted agent is picked up by itself.
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt++);
      retryTimer = setTimeout(connect, delay);
    };
  }
  connect();

  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (args: unknown) => call(method, args)]),
  ) as unknown as AppApi;

  return {
    ...api,
    kind: 'http',
    on: listeners.on,
    onConnection(listener) {
      listener(state);
      return connection.subscribe(listener);
    },
    onUnauthorized: (listener) => unauthorized.subscribe(listener),
    close() {
      closed = true;
      clearTimeout(retryTimer);
      const open = socket;
      socket = null;
      try {
        open?.close();
      } catch {
        // Some WebSocket implementations throw when closed while still connecting; it is closed either way.
      }
      setState('closed');
    },
  };
}
