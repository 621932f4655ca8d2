import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as electron from './fake-electron.js';

const { fake } = electron;
const required: string[] = [];

/**
 * Runs electron/preload.cts the way a sandboxed preload runs: compiled to one CommonJS file, with a `require`
 * that only knows 'electron' (anything else fails, as it would in the sandbox).
 */
beforeAll(() => {
  const source = readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron')
      throw new Error(`Cannot find module '${name}' (sandboxed preloads only have 'electron')`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(outputText, { require: sandboxRequire, module, exports: module.exports });
});

type Bridge = {
  invoke(method: string, args: unknown): Promise<unknown>;
  on(event: string, l: (p: unknown) => void): () => void;
};

describe('preload', () => {
  it('needs nothing but electron, so it runs in a sandbox', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes only window.infoplusSync with exactly invoke and on', () => {
    expect(Object.keys(fake.exposed)).toEqual(['infoplusSync']);
    expect(Object.keys(fake.exposed.infoplusSync as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke goes to the api:invoke channel with method and args', async () => {
    const bridge = fake.exposed.infoplusSync as Bridge;
    await bridge.invoke('getStatus', {});
    expect(fake.invoked).toEqual([['api:invoke', 'getStatus', {}]]);
  });

  it('on hears only its own event and stops after unsubscribe', () => {
    const bridge = fake.exposed.infoplusSync as Bridge;
    const heard: unknown[] = [];
    const off = bridge.on('status', (payload) => heard.push(payload));
    const deliver = (message: unknown) => {
      for (const handler of fake.rendererListeners.get('api:event') ?? []) {
        (handler as (e: unknown, m: unknown) => void)({}, message);
      }
    };
    deliver({ event: 'status', payload: 1 });
    deliver({ event: 'log', payload: 2 });
    off();
    deliver({ event: 'status', payload: 3 });
    expect(heard).toEqual([1]);
    expect(fake.rendererListeners.get('api:event')?.size).toBe(0);
  });
});
