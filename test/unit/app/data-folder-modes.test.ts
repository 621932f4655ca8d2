// Issue 13, M2 and L2: the data folder is private to the app's user, and `status` writes nothing.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'data-modes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder modes', () => {
  it('tightens a 0755 data folder to 0700 and keeps state, settings and secrets 0600', async () => {
    const dataDir = join(dir, 'agent');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    const app = await createApp({ dataDir, env: {}, schedulerPort: new FakeSchedulerPort(new Date()) });
    try {
      await app.api.saveSettings({
        quietHours: { start: '22:00', end: '06:00' },
        secrets: { infoplusApiKey: 'canary-mode-key' },
      });
      await app.api.saveSettings({ quietHours: null });
    } finally {
      await app.stop();
    }
    expect(await mode(dataDir)).toBe(0o700);
    for (const name of ['state.sqlite', 'settings.json', 'secrets.enc.json', 'secret.key'])
      expect(await mode(join(dataDir, name)), name).toBe(0o600);
    expect(await mode(join(dataDir, 'logs'))).toBe(0o700);
  });

  it('status (a probe) migrates an old settings file in memory and writes nothing', async () => {
    const dataDir = join(dir, 'probe');
    await mkdir(dataDir);
    const v1 = JSON.stringify({
      erp: { driver: 'sqlite', url: 'erp.sqlite', password: 'canary-probe-pw' },
      infoplus: { domain: 'acme', apiVersion: 'v3.0', requestsPerSecond: 5, apiKey: 'canary-probe-key' },
    });
    await writeFile(join(dataDir, 'settings.json'), v1);
    const app = await createApp({
      dataDir,
      env: {},
      probe: true,
      schedulerPort: new FakeSchedulerPort(new Date()),
    });
    try {
      expect((await app.api.getSettings({})).infoplus?.hasApiKey).toBe(true);
    } finally {
      await app.stop();
    }
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(v1);
    const files = await readdir(dataDir);
    expect(files.filter((f) => f.endsWith('.bak') || f.startsWith('secret'))).toEqual([]);
    for (const f of files.filter((f) => f !== 'settings.json' && f !== 'logs')) {
      if (!f.startsWith('state.sqlite')) continue;
      expect(await readFile(join(dataDir, f), 'latin1')).not.toContain('canary-probe');
    }
  });
});
