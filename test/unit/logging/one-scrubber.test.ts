// Issue 13, L1: one scrubber for every text that can hold a secret, applied where it is stored too.
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, memorySecretStore, memorySettingsBackend } from '../../../src/app/index.js';
import { errorForStatus, type AttemptContext } from '../../../src/infoplus/answer-errors.js';
import { scrubSecrets } from '../../../src/logging/redact.js';
import { openStateStore } from '../../../src/store/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';

const KEY = 'canary-echoed-key-9d1e';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'one-scrubber-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = (message: string, infoplusMessages: string[] = []) => ({
  touchpoint: 'items' as const,
  recordKey: 'SKU-1',
  category: 'infoplus-validation' as const,
  message,
  infoplusMessages,
  fixBy: 'erp-user' as const,
  hint: 'fix it',
  at: new Date().toISOString(),
  nextRetryAt: null,
});

describe('one scrubber', () => {
  it('scrubs known values (also JSON- and URL-encoded), URL passwords, key=value pairs and bearer tokens', () => {
    const text =
      `key ${KEY} json "${JSON.stringify('pw"x\\y').slice(1, -1)}" url ${encodeURIComponent('a b&c/d')} ` +
      'mysql://root:hunter2@db/erp password=s3cret; api-key: abc123 Authorization: Bearer zzz.yyy';
    const out = scrubSecrets(text, [KEY, 'pw"x\\y', 'a b&c/d']);
    for (const leaked of [KEY, 'pw\\"x', 'a%20b', 'hunter2', 's3cret', 'abc123', 'zzz.yyy'])
      expect(out).not.toContain(leaked);
    expect(out).toContain('mysql://root:[redacted]@db/erp');
  });

  it('scrubs the key out of Infoplus field errors that echo it', () => {
    const ctx: AttemptContext = {
      method: 'POST',
      path: '/v3.0/item',
      resource: 'item',
      operation: 'create',
      host: 'acme.infopluswms.com',
      scrub: (t) => scrubSecrets(t, [KEY]),
    };
    const error = errorForStatus(ctx, 400, { errors: [`sku: value ${KEY} is not allowed`] }, {});
    expect(JSON.stringify(error.fieldErrors)).toContain('sku');
    expect(JSON.stringify(error.fieldErrors)).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('scrubs inbox messages before they are stored', () => {
    const store = openStateStore(join(dir, 'store'), { scrub: (t) => scrubSecrets(t, [KEY]) });
    try {
      store.inbox.recordFailure(
        failure(`Infoplus rejected ${KEY} via postgres://sync:pw-in-url@db/erp`, [`field: ${KEY}`]),
      );
    } finally {
      store.close();
    }
    const db = new Database(join(dir, 'store', 'state.sqlite'), { readonly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM inbox').all());
    db.close();
    expect(rows).toContain('SKU-1');
    expect(rows).not.toContain(KEY);
    expect(rows).not.toContain('pw-in-url');
  });

  it('scrubs run errors and per-record messages before they are stored', () => {
    const store = openStateStore(join(dir, 'runs'), { scrub: (t) => scrubSecrets(t, [KEY]) });
    const run = {
      id: 'run-1',
      touchpoint: 'items' as const,
      trigger: 'manual' as const,
      dryRun: false,
      status: 'failed' as const,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 1, pulled: 0 },
      error: `refused key ${KEY}`,
    };
    try {
      store.runs.start(run);
      store.runs.update({ ...run, error: `still ${KEY}` });
      store.runs.addRecords([
        {
          runId: 'run-1',
          touchpoint: 'items',
          recordKey: 'SKU-1',
          action: 'failed',
          message: `echo ${KEY}`,
          at: run.startedAt,
        },
      ]);
    } finally {
      store.close();
    }
    const db = new Database(join(dir, 'runs', 'state.sqlite'), { readonly: true });
    const rows = JSON.stringify([
      db.prepare('SELECT * FROM runs').all(),
      db.prepare('SELECT * FROM run_records').all(),
    ]);
    db.close();
    expect(rows).toContain('SKU-1');
    expect(rows).not.toContain(KEY);
  });

  it('listInbox scrubs rows stored before the secret was known', async () => {
    const dataDir = join(dir, 'app');
    const old = openStateStore(dataDir, { scrub: (t) => t });
    old.inbox.recordFailure(failure(`echoed ${KEY}`, [`sku: ${KEY}`]));
    old.close();
    const app = await createApp({
      dataDir,
      env: {},
      secretStore: memorySecretStore({ infoplusApiKey: KEY }),
      settingsBackend: memorySettingsBackend({
        version: 2,
        infoplus: {
          baseUrl: 'http://127.0.0.1:9/infoplus-wms/api',
          apiVersion: 'v3.0',
          requestsPerSecond: 5,
        },
      }),
      schedulerPort: new FakeSchedulerPort(new Date()),
    });
    try {
      const items = await app.api.listInbox({});
      expect(items).toHaveLength(1);
      expect(JSON.stringify(items)).not.toContain(KEY);
    } finally {
      await app.stop();
    }
  });
});
