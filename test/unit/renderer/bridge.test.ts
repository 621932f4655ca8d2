import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { API_METHODS, APP_EVENTS, TOUCHPOINTS } from '../../../src/contract/index.js';
import type { AppApi, AppEvents, AppEventName, AppStatus, Result } from '../../../src/contract/index.js';
import { createDispatcher, startServer } from '../../../src/server/index.js';
import type { RunningServer } from '../../../src/server/index.js';
import { createHttpBridge } from '../../../renderer/src/bridge/http-bridge.js';
import { createIpcBridge } from '../../../renderer/src/bridge/ipc-bridge.js';
import type { PreloadApi } from '../../../renderer/src/bridge/ipc-bridge.js';
import { ApiCallError } from '../../../renderer/src/bridge/types.js';
import type { Bridge } from '../../../renderer/src/bridge/types.js';

// The renderer's HTTP bridge uses the browser WebSocket; Node 20 has none, `ws` speaks the same API.
(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;

const status: AppStatus = {
  health: 'ok',
  paused: false,
  running: false,
  configured: true,
  demo: true,
  touchpoints: [],
  alerts: [],
  openErrors: 0,
  lastResult: null,
  version: 'test',
  verdict: { tone: 'ok', text: 'Up to date' },
  blocker: null,
  setUp: true,
};

/** A fake engine at the boundary: answers every method with a value naming the method and its args. */
function fakeApi(): AppApi {
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, async (args: unknown) => ({ method, args })]),
  ) as unknown as AppApi;
  api.getStatus = async () => status;
  api.saveSettings = async () => {
    throw Object.assign(new Error('infoplus.requestsPerSecond: at most 100'), {
      code: 'validation',
      field: 'infoplus.requestsPerSecond',
    });
  };
  return api;
}

/** An in-process event hub standing in for the engine's event bus. */
function eventHub() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit(event: string, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

function waitFor<T>(bridge: Bridge, event: AppEventName): Promise<T> {
  return new Promise((resolve) => {
    const off = bridge.on(event, (payload) => {
      off();
      resolve(payload as T);
    });
  });
}

function waitOpen(bridge: Bridge): Promise<void> {
  return new Promise((resolve) => {
    const off = bridge.onConnection((state) => {
      if (state === 'open') {
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
}

describe('renderer bridges', () => {
  const api = fakeApi();
  const hub = eventHub();
  let server: RunningServer;
  let http: Bridge;
  let ipc: Bridge;

  beforeAll(async () => {
    server = await startServer({ api, events: hub, port: 0, staticDir: '/nonexistent' });
    http = createHttpBridge(server.url, server.token);
    // The same shape as electron/preload.cts, backed by the dispatcher the main process uses.
    const dispatch = createDispatcher(api);
    const preload: PreloadApi = {
      invoke: (method, args) => dispatch(method, args) as Promise<Result<unknown>>,
      on: (event, listener) => hub.on(event as AppEventName, listener),
    };
    ipc = createIpcBridge(preload);
    await waitOpen(http);
  });

  afterAll(async () => {
    http?.close();
    await server?.close();
  });

  it('expose exactly the same methods, all of the contract', () => {
    const surface = (b: Bridge) =>
      Object.keys(b)
        .filter((k) => typeof (b as unknown as Record<string, unknown>)[k] === 'function')
        .sort();
    expect(surface(http)).toEqual(surface(ipc));
    for (const method of API_METHODS) expect(typeof http[method]).toBe('function');
    expect(surface(http)).toEqual([...API_METHODS, 'close', 'on', 'onConnection', 'onUnauthorized'].sort());
  });

  it('answer every method identically over HTTP and IPC', async () => {
    const args: Record<string, unknown> = {
      runNow: { touchpoints: ['orders'] },
      listRuns: { touchpoint: 'orders', limit: 5 },
      getRunRecords: { runId: 'r1' },
      retryInbox: { ids: ['a'] },
      skipInbox: { ids: ['a'] },
      checkProfileText: { text: 'x' },
      saveProfile: { text: 'x' },
      previewMapping: { touchpoint: 'items' },
      previewProfileText: { text: 'x', touchpoint: 'items' },
      resetCursor: { touchpoint: 'shipments', since: '2026-01-01T00:00:00Z' },
    };
    for (const method of API_METHODS) {
      if (method === 'saveSettings') continue;
      const call = (b: Bridge) => (b[method] as (a: unknown) => Promise<unknown>)(args[method] ?? {});
      const [viaHttp, viaIpc] = await Promise.all([call(http), call(ipc)]);
      expect(viaHttp, method).toEqual(viaIpc);
    }
  });

  it('throw the engine error with its code and field path on both transports', async () => {
    for (const bridge of [http, ipc]) {
      const error = await bridge
        .saveSettings({ infoplus: { apiVersion: 'v3.0', requestsPerSecond: 5 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiCallError);
      expect((error as ApiCallError).code).toBe('validation');
      expect((error as ApiCallError).details).toMatchObject({ field: 'infoplus.requestsPerSecond' });
    }
  });

  it('reject bad arguments before they reach the engine', async () => {
    const error = await http.previewMapping({ touchpoint: 'nope' as never }).catch((e: unknown) => e);
    expect((error as ApiCallError).code).toBe('invalid-arguments');
    expect((error as ApiCallError).details).toMatchObject({ path: 'touchpoint' });
  });

  it('deliver live events to both', async () => {
    const progress: AppEvents['run-progress'] = {
      runId: 'r1',
      touchpoint: TOUCHPOINTS[0],
      counts: { created: 3, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 },
      done: 3,
      total: 10,
    };
    const got = Promise.all([waitFor(http, 'run-progress'), waitFor(ipc, 'run-progress')]);
    hub.emit('run-progress', progress);
    expect(await got).toEqual([progress, progress]);
    expect(APP_EVENTS).toContain('run-progress');
  });

  it('report a refused token as unauthorized', async () => {
    const bad = createHttpBridge(server.url, 'x'.repeat(43));
    let told = false;
    bad.onUnauthorized(() => (told = true));
    const error = await bad.getStatus({}).catch((e: unknown) => e);
    bad.close();
    expect((error as ApiCallError).code).toBe('unauthorized');
    expect(told).toBe(true);
  });
});
