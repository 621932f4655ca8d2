import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The boundary of the command: the app and the HTTP server are fakes that record the order of events.
const events: string[] = [];
let releaseServer: () => void = () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'serve-cmd-'));

vi.mock('../../../src/app/index.js', () => ({
  createApp: vi.fn(async () => ({
    dataDir: dir,
    demo: null,
    logging: { file: null, logger: () => ({ info() {}, warn() {}, error() {}, debug() {} }) },
    events: { on: () => () => undefined },
    api: { getStatus: async () => ({ configured: true }) },
    start: async () => undefined,
    cancelRuns: () => events.push('runs cancelled'),
    stop: async () => void events.push('app stopped'),
  })),
}));
vi.mock('../../../src/server/index.js', () => ({
  defaultStaticDir: () => dir,
  startServer: vi.fn(async () => ({
    url: 'http://127.0.0.1:1',
    uiUrl: 'http://127.0.0.1:1/#t',
    token: 't',
    // a browser still connected: closing waits for it
    close: () =>
      new Promise<void>((resolve) => {
        events.push('server closing');
        releaseServer = () => {
          events.push('server closed');
          resolve();
        };
      }),
  })),
}));

const { registerServeCommand } = await import('../../../src/cli/serve-command.js');

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('infoplus-sync serve', () => {
  it('cancels the runs at SIGTERM at once, before waiting for the server to close', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    registerServeCommand(program);
    const serving = program.parseAsync(['serve', '--config', join(dir, 'p.yaml')], { from: 'user' });
    await vi.waitFor(() => expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0));
    process.emit('SIGTERM');
    // no new create may start while the server waits for its clients
    expect(events).toEqual(['runs cancelled', 'server closing']);
    releaseServer();
    await serving;
    expect(events).toEqual(['runs cancelled', 'server closing', 'server closed', 'app stopped']);
  });
});
