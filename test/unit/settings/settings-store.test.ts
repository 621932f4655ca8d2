import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SettingsError,
  SettingsStore,
  fileSettingsBackend,
  headlessSecretStore,
  memorySecretStore,
  migrateSettings,
} from '../../../src/settings/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings migrations', () => {
  it('turns a v1 document into the current one and lifts secrets out of it', () => {
    const v1 = {
      erp: { driver: 'postgres', url: 'postgres://erp@db/erp', password: 'pg-secret' },
      infoplus: { domain: 'acme', apiVersion: 'v3.0', requestsPerSecond: 5, apiKey: 'key-123456' },
      syncIntervalMinutes: 10,
      profilePath: '/etc/profile.yaml',
    };
    const { doc, fromVersion, secrets } = migrateSettings(v1);
    expect(fromVersion).toBe(1);
    expect(secrets).toEqual({ erpPassword: 'pg-secret', infoplusApiKey: 'key-123456' });
    expect(JSON.stringify(doc)).not.toContain('pg-secret');
    expect(doc).toMatchObject({
      version: 2,
      schedules: {
        orders: { enabled: true, intervalMinutes: 10 },
        shipments: { enabled: true, intervalMinutes: 10 },
      },
      quietHours: null,
    });
  });

  it('refuses a document written by a newer version', () => {
    expect(() => migrateSettings({ version: 99 })).toThrow(/newer Infoplus ERP Sync/);
  });
});

describe('SettingsStore with the JSON file back end', () => {
  it('starts from defaults, saves atomically and reads back', async () => {
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(fileSettingsBackend(file), memorySecretStore());
    const s = await store.load();
    expect(s.version).toBe(2);
    await store.save({ ...s, quietHours: { start: '22:00', end: '06:00' } });
    const again = await new SettingsStore(fileSettingsBackend(file), memorySecretStore()).load();
    expect(again.quietHours).toEqual({ start: '22:00', end: '06:00' });
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('migrates a v1 file, keeps a backup, and moves the secrets into the secret store', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(
      file,
      JSON.stringify({ infoplus: { apiVersion: 'v3.0', requestsPerSecond: 5, apiKey: 'key-abcdef' } }),
    );
    const secrets = memorySecretStore();
    await new SettingsStore(fileSettingsBackend(file), secrets).load();
    expect(await secrets.get('infoplusApiKey')).toBe('key-abcdef');
    expect(await readFile(file, 'utf8')).not.toContain('key-abcdef');
    const backups = (await readdir(dir)).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    // Issue 13, M2: the backup keeps the old document, but never a secret in clear.
    const backup = await readFile(join(dir, backups[0] as string), 'utf8');
    expect(backup).toContain('requestsPerSecond');
    expect(backup).not.toContain('key-abcdef');
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, backups[0] as string))).mode & 0o777).toBe(0o600);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
  });

  it('scrubs the secrets out of backups an older version left in clear', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ version: 2 }));
    const old = join(dir, 'settings.json.v1-20250101T000000.bak');
    const v1 = {
      erp: { driver: 'mysql', password: 'canary-old-pw' },
      infoplus: { apiKey: 'canary-old-key' },
    };
    await writeFile(old, JSON.stringify(v1), { mode: 0o644 });
    await new SettingsStore(fileSettingsBackend(file), memorySecretStore()).load();
    const text = await readFile(old, 'utf8');
    expect(text).not.toContain('canary-old');
    expect(JSON.parse(text)).toEqual({ erp: { driver: 'mysql' }, infoplus: {} });
    if (process.platform !== 'win32') expect((await stat(old)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('keeps settings.json 0600 when it is rewritten', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ version: 2 }), { mode: 0o644 });
    const store = new SettingsStore(fileSettingsBackend(file), memorySecretStore());
    const s = await store.load();
    await store.save({ ...s, quietHours: { start: '22:00', end: '06:00' } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await store.save({ ...s, quietHours: null });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('migrates in memory only when it must not write (status)', async () => {
    const file = join(dir, 'settings.json');
    const text = JSON.stringify({
      infoplus: { apiVersion: 'v3.0', requestsPerSecond: 5, apiKey: 'key-xyz123' },
    });
    await writeFile(file, text);
    const secrets = memorySecretStore();
    const s = await new SettingsStore(fileSettingsBackend(file), secrets, false).load();
    expect(s.version).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((f) => f !== 'settings.json')).toEqual([]);
  });

  it('reports a corrupt file clearly and leaves it untouched', async () => {
    const file = join(dir, 'settings.json');
    const broken = '{ "version": 2, "quietHours": ';
    await writeFile(file, broken);
    const store = new SettingsStore(fileSettingsBackend(file), memorySecretStore());
    const error = await store.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(/not valid JSON.*left as it is.*a copy is at/);
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect((await readdir(dir)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('names the invalid field and keeps the file', async () => {
    const file = join(dir, 'settings.json');
    const text = JSON.stringify({ version: 2, schedules: { orders: { enabled: true, cron: '*/5 * *' } } });
    await writeFile(file, text);
    const error = await new SettingsStore(fileSettingsBackend(file), memorySecretStore())
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).field).toBe('schedules.orders.cron');
    expect((error as Error).message).toMatch(/schedules\.orders\.cron: "\*\/5 \* \*" has 3 fields; write 5/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('headless secret store', () => {
  it('encrypts at rest with a 0600 key file and prefers the environment', async () => {
    const store = headlessSecretStore({ dataDir: dir, env: {} });
    await store.set('infoplusApiKey', 'super-secret-key-42');
    expect(await store.get('infoplusApiKey')).toBe('super-secret-key-42');
    const onDisk = await readFile(join(dir, 'secrets.enc.json'), 'utf8');
    expect(onDisk).not.toContain('super-secret-key-42');
    if (process.platform !== 'win32') expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    const withEnv = headlessSecretStore({ dataDir: dir, env: { INFOPLUS_API_KEY: 'from-env' } });
    expect(await withEnv.get('infoplusApiKey')).toBe('from-env');
    await store.delete('infoplusApiKey');
    expect(await store.get('infoplusApiKey')).toBeNull();
    expect(await store.get('erpPassword')).toBeNull();
  });

  it('refuses a tampered value instead of returning garbage', async () => {
    const store = headlessSecretStore({ dataDir: dir, env: {} });
    await store.set('erpPassword', 'pw-123456');
    const file = join(dir, 'secrets.enc.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { secrets: { erpPassword: { data: string } } };
    doc.secrets.erpPassword.data = Buffer.from('tampered!').toString('base64');
    await writeFile(file, JSON.stringify(doc));
    await expect(store.get('erpPassword')).rejects.toThrow(/cannot be decrypted/);
  });
});
