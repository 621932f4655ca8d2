import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogging } from '../../../src/logging/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logging-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEY = 'k3y-Very$ecret"9';
const PASSWORD = 'pg-pass-778899';

describe('logging', () => {
  it('never writes a secret to the file, wherever it appears', async () => {
    const logging = createLogging({ dir });
    logging.registerSecret(KEY);
    logging.registerSecret(PASSWORD);
    const log = logging.logger('infoplus');
    log.info({ apiKey: KEY }, 'field named apiKey');
    log.info({ request: { headers: { 'API-Key': KEY } } }, 'header');
    log.warn({ config: { password: PASSWORD, url: `postgres://erp:${PASSWORD}@db/erp` } }, 'connection');
    log.error({ err: new Error(`request failed with key ${KEY}`) }, `message mentions ${KEY}`);
    log.info(
      { deep: { a: { b: { c: { token: KEY } } } }, note: encodeURIComponent(KEY) },
      'deep and encoded',
    );
    logging.close();
    const text = (await readdir(dir)).length > 0 ? await readFile(join(dir, 'sync.log'), 'utf8') : '';
    expect(text.split('\n').filter(Boolean)).toHaveLength(5);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(JSON.stringify(KEY).slice(1, -1));
    expect(text).not.toContain(encodeURIComponent(KEY));
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('[redacted]');
    expect(logging.exportLogs().jsonl).not.toContain(PASSWORD);
  });

  it('rotates by size and keeps the configured number of files', async () => {
    const logging = createLogging({ dir, maxBytes: 2_000, maxFiles: 2 });
    const log = logging.logger('engine');
    for (let i = 0; i < 100; i++) log.info({ i }, `line ${i} ${'x'.repeat(50)}`);
    logging.close();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['sync.log', 'sync.log.1', 'sync.log.2']);
    const current = await readFile(join(dir, 'sync.log'), 'utf8');
    expect(current).toContain('line 99 ');
    const exported = logging.exportLogs().jsonl.trim().split('\n');
    expect(exported.at(-1)).toContain('line 99 ');
    expect(exported.length).toBeLessThan(100);
  });

  it('serves recent entries by level and search, with module names, and notifies listeners', () => {
    const logging = createLogging({ dir: null, level: 'debug' });
    const seen: string[] = [];
    const off = logging.onEntry((e) => seen.push(`${e.level}:${e.module}:${e.msg}`));
    logging.logger('scheduler').debug({}, 'tick');
    logging.logger('engine').warn({ touchpoint: 'orders', recordKey: 'SO-1' }, 'record parked');
    logging.logger('engine').error({ touchpoint: 'items' }, 'run failed');
    off();
    logging.logger('engine').info({}, 'after unsubscribe');
    expect(seen).toEqual(['debug:scheduler:tick', 'warn:engine:record parked', 'error:engine:run failed']);
    expect(logging.getLogs({ level: 'warn' }).map((e) => e.msg)).toEqual(['record parked', 'run failed']);
    const found = logging.getLogs({ search: 'so-1' });
    expect(found).toHaveLength(1);
    expect(found[0]?.context).toMatchObject({ touchpoint: 'orders', recordKey: 'SO-1' });
    expect(logging.getLogs({ limit: 1 }).map((e) => e.msg)).toEqual(['after unsubscribe']);
  });
});
