import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../src/server/dispatcher.js';
import { fake, FakeWebContents, resetFake } from './fake-electron.js';
import { PAGE } from './fixtures.js';
import { fakeApi, fakeEvents } from '../unit/server/fakes.js';

vi.mock('electron', () => import('./fake-electron.js'));
const { setupIpc, isTrustedSender } = await import('../../electron/ipc.js');

type Invoke = (event: unknown, method: unknown, args: unknown) => Promise<unknown>;

function frame(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } } as never;
}

beforeEach(() => resetFake());

function wire() {
  const api = fakeApi();
  const events = fakeEvents();
  const good = new FakeWebContents();
  good.url = 'file:///opt/infoplus-sync/dist/renderer/index.html#/dashboard';
  const foreign = new FakeWebContents();
  foreign.url = 'https://evil.example/';
  const teardown = setupIpc({
    dispatch: createDispatcher(api),
    events,
    page: PAGE,
    targets: () => [good, foreign] as never,
  });
  const invoke = fake.ipcHandlers.get('api:invoke') as unknown as Invoke;
  return { api, events, good, foreign, invoke, teardown };
}

describe('IPC sender checks', () => {
  it('accepts the app page (any screen) and dispatches the call', async () => {
    const { api, invoke } = wire();
    const result = await invoke(
      frame('file:///opt/infoplus-sync/dist/renderer/index.html#/settings'),
      'runNow',
      {
        touchpoints: ['items'],
      },
    );
    expect(result).toEqual({ ok: true, value: { method: 'runNow', args: { touchpoints: ['items'] } } });
    expect(api.runNow).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['another local file', 'file:///tmp/evil/index.html'],
    ['a look-alike path', 'file:///opt/infoplus-sync/dist/renderer/index.html.evil'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a dev server when none is configured', 'http://127.0.0.1:5173/'],
  ])('rejects %s', async (_name, url) => {
    const { api, invoke } = wire();
    const result = await invoke(frame(url), 'runNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(api.runNow).not.toHaveBeenCalled();
  });

  it('rejects a sub-frame even inside the app page, and a vanished frame', async () => {
    const { invoke } = wire();
    const sub = frame('file:///opt/infoplus-sync/dist/renderer/index.html', { url: 'x' });
    expect(await invoke(sub, 'getStatus', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke({ senderFrame: null }, 'getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('accepts the Vite dev server origin only when one is configured', () => {
    const page = { ...PAGE, devServerUrl: 'http://127.0.0.1:5173' };
    expect(isTrustedSender(frame('http://127.0.0.1:5173/#/logs'), page)).toBe(true);
    expect(isTrustedSender(frame('http://127.0.0.1:5174/'), page)).toBe(false);
  });

  it('still validates methods and arguments for the trusted page', async () => {
    const { invoke } = wire();
    const ok = frame('file:///opt/infoplus-sync/dist/renderer/index.html');
    expect(await invoke(ok, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(await invoke(ok, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await invoke(ok, 'listRuns', { limit: 'ten' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', details: { path: 'limit' } },
    });
  });
});

describe('IPC events', () => {
  it('forwards engine events to the app window only, as {event, payload}', () => {
    const { events, good, foreign } = wire();
    const alert = { id: 'a', kind: 'auth-failed' as const, message: 'API key refused', raisedAt: '' };
    events.emit('alert', alert);
    expect(good.sent).toEqual([['api:event', { event: 'alert', payload: alert }]]);
    expect(foreign.sent).toEqual([]);
  });

  it('stops forwarding and handling after teardown', () => {
    const { events, good, teardown } = wire();
    teardown();
    events.emit('log', { time: '', level: 'info', module: 'x', msg: 'hello' });
    expect(good.sent).toEqual([]);
    expect(fake.ipcHandlers.has('api:invoke')).toBe(false);
  });
});
