import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ARGS, API_METHODS } from '../../../src/contract/api.js';
import { APP_EVENTS } from '../../../src/contract/events.js';
import { createDispatcher } from '../../../src/server/dispatcher.js';
import { startServer } from '../../../src/server/http-server.js';
import { fakeApi, fakeEvents } from './fakes.js';

/** Runs the real preload against a recording ipcRenderer and returns what it exposed and which channel it used. */
function preloadSurface() {
  const source = readFileSync(new URL('../../../electron/preload.cts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, esModuleInterop: true },
  });
  const exposed: Record<string, Record<string, unknown>> = {};
  const channels: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value),
    },
    ipcRenderer: {
      invoke: (channel: string, method: string) => {
        channels.push(channel);
        return Promise.resolve(method);
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const module = { exports: {} };
  runInNewContext(js.outputText, { require: () => electron, module, exports: module.exports });
  return { exposed, channels };
}

describe('bridge surface (IPC and HTTP expose the same methods)', () => {
  it('every API method passes the dispatcher allowlist; nothing else does', async () => {
    const dispatch = createDispatcher(fakeApi());
    for (const method of API_METHODS) {
      const result = await dispatch(method, {});
      expect(result.ok || result.error.code !== 'unknown-method', method).toBe(true);
    }
    expect(await dispatch('notAMethod', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('every API method is reachable over HTTP, and an unknown one is 404', async () => {
    const server = await startServer({ api: fakeApi(), events: fakeEvents(), staticDir: '/nonexistent' });
    try {
      const statuses: Record<string, number> = {};
      for (const method of [...API_METHODS, 'notAMethod']) {
        const response = await fetch(`${server.url}/api/call/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        statuses[method] = response.status;
      }
      expect(Object.entries(statuses).filter(([, s]) => s !== 200)).toEqual([['notAMethod', 404]]);
    } finally {
      await server.close();
    }
  });

  it('the preload exposes a generic invoke/on over api:invoke, so IPC reaches exactly the dispatcher allowlist', async () => {
    const { exposed, channels } = preloadSurface();
    expect(Object.keys(exposed)).toEqual(['infoplusSync']);
    const bridge = exposed.infoplusSync as { invoke(m: string, a: unknown): Promise<unknown> };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    for (const method of API_METHODS) expect(await bridge.invoke(method, {})).toBe(method);
    expect(new Set(channels)).toEqual(new Set(['api:invoke']));
  });

  it('matches the reviewed surface (update the snapshot when the API changes on purpose)', () => {
    const surface = {
      methods: [...API_METHODS].sort(),
      events: [...APP_EVENTS],
      preload: Object.keys(preloadSurface().exposed.infoplusSync ?? {}).sort(),
      args: Object.fromEntries(
        [...API_METHODS]
          .sort()
          .map((m) => [m, z.toJSONSchema(API_ARGS[m], { io: 'input', unrepresentable: 'any' })]),
      ),
    };
    expect(surface).toMatchSnapshot();
  });
});
