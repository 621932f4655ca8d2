// An ERP that is unreachable when the agent starts: an alert, then recovery on the next run without a restart.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, memorySecretStore, type App } from '../../../src/app/index.js';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp } from '../../../src/erp/sample/create-sample-erp.js';
import { sampleProfileText } from '../../../src/erp/sample/sample-profile.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';

let dir: string;
let sim: InfoplusSimulator;
let app: App | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-'));
  sim = await startSimulator({ apiKey: 'recovery-key-1234' });
});

afterAll(async () => {
  await app?.stop();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ERP unreachable at start-up', () => {
  it('raises connection-lost, then connects and runs once the ERP is back', async () => {
    const profile = join(dir, 'profile.yaml');
    await writeFile(
      profile,
      sampleProfileText('sqlite', { erpUrl: 'erp.sqlite', infoplusBaseUrl: sim.baseUrl }),
    );
    app = await createApp({
      dataDir: join(dir, 'data'),
      configFile: profile,
      env: { INFOPLUS_API_KEY: 'recovery-key-1234' },
      secretStore: memorySecretStore(),
      schedulerPort: new FakeSchedulerPort(new Date()),
    });
    const down = await app.api.getStatus({});
    expect(down.configured).toBe(false);
    expect(down.health).toBe('error');
    // A set-up app whose ERP fails is not "not set up": one blocker, every card failing, no duplicate alert.
    expect(down.setUp).toBe(true);
    expect(down.blocker).toMatchObject({ kind: 'erp-refused', fixIn: 'settings' });
    expect(down.blocker?.message).toMatch(/erp\.sqlite/);
    expect(down.alerts).toEqual([]);
    expect(down.verdict).toEqual({ tone: 'error', text: down.blocker?.short });
    for (const card of down.touchpoints.filter((t) => t.enabled)) {
      expect(card.state, card.name).toBe('error');
      expect(card.verdict.tone, card.name).toBe('error');
    }

    const erp = await openErp({ driver: 'sqlite', url: join(dir, 'erp.sqlite'), createIfMissing: true });
    await createSampleErp(erp, { orders: 3 });
    await erp.close();

    const finished = new Promise<string>((resolve) =>
      app!.events.on('run-finished', (r) => resolve(r.status)),
    );
    const { runIds } = await app.api.runNow({ touchpoints: ['vendors'] });
    expect(runIds).toHaveLength(1);
    expect(await finished).toBe('succeeded');
    const up = await app.api.getStatus({});
    expect(up.configured).toBe(true);
    expect(up.alerts).toEqual([]);
  });

  it('raises auth-failed on a rejected key and clears it when a working key is saved', async () => {
    await app?.stop();
    const profile = join(dir, 'profile.yaml');
    app = await createApp({
      dataDir: join(dir, 'data-auth'),
      configFile: profile,
      env: {},
      secretStore: memorySecretStore({ infoplusApiKey: 'revoked-key-0000' }),
      schedulerPort: new FakeSchedulerPort(new Date()),
    });
    const [run] = await app.runs.runAndWait({ touchpoints: ['vendors'] });
    expect(run?.status).toBe('failed');
    // the stop reason is a field of the summary, not a message to match
    expect(run?.stoppedBy).toBe('auth');
    const refused = await app.api.getStatus({});
    expect(refused.blocker).toMatchObject({ kind: 'infoplus-key', short: 'Infoplus refused the API key' });
    expect(refused.health).toBe('error');
    // Every push card fails with the key, also those whose records were unchanged and made no call.
    const cards = refused.touchpoints.filter((t) => t.enabled);
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards)
      expect(card.verdict, card.name).toEqual({ tone: 'error', text: refused.blocker?.short });
    expect(JSON.stringify(refused)).not.toContain('revoked-key-0000');

    await app.api.saveSettings({ secrets: { infoplusApiKey: 'recovery-key-1234' } });
    const saved = await app.api.getStatus({});
    expect(saved.alerts).toEqual([]);
    expect(saved.blocker).toBeNull();
    const [again] = await app.runs.runAndWait({ touchpoints: ['vendors'] });
    expect(again?.status).toBe('succeeded');
    expect(again?.stoppedBy).toBeUndefined();
  });

  it('an ERP nobody answers at is "can\'t reach the database at host:port", not "not set up"', async () => {
    await app?.stop();
    const profile = join(dir, 'profile-pg.yaml');
    await writeFile(
      profile,
      sampleProfileText('postgres', {
        erpUrl: 'postgres://postgres@127.0.0.1:5999/nowhere',
        infoplusBaseUrl: sim.baseUrl,
      }),
    );
    app = await createApp({
      dataDir: join(dir, 'data-unreachable'),
      configFile: profile,
      env: { INFOPLUS_API_KEY: 'recovery-key-1234' },
      secretStore: memorySecretStore(),
      schedulerPort: new FakeSchedulerPort(new Date()),
    });
    const status = await app.api.getStatus({});
    expect(status.setUp).toBe(true);
    expect(status.blocker).toMatchObject({ kind: 'erp-unreachable', short: "Can't reach the database" });
    expect(status.blocker?.message).toMatch(
      /^Can't reach the database at 127\.0\.0\.1:5999 - is it running\?/,
    );
    expect(status.lastResult).toBe(status.blocker?.message);
    expect(status.lastResult).not.toMatch(/ECONNREFUSED/);
  });
});
