import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memorySecretStore, SettingsStore } from '../../src/settings/index.js';
import Conf from 'conf';
import { electronStoreSettingsBackend } from '../../electron/settings-backend.js';
import type { OpenStore } from '../../electron/settings-backend.js';

// electron-store is `conf` plus Electron's default folder; node_modules code cannot see vi.mock('electron'),
// so the tests open its base class with the same options (the folder is always passed explicitly).
const openConf: OpenStore = async ({ name, cwd, clearInvalidConfig, configFileMode }) =>
  new Conf<Record<string, unknown>>({
    configName: name,
    cwd,
    clearInvalidConfig,
    configFileMode,
    projectName: 'infoplus-erp-sync',
  });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'estore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-store settings back end', () => {
  it("plugs into the engine's SettingsStore: defaults first, then what was saved", async () => {
    const backend = electronStoreSettingsBackend(dir, openConf);
    expect(await backend.read()).toBeUndefined();
    const store = new SettingsStore(backend, memorySecretStore());
    const defaults = await store.load();
    await store.save({ ...defaults, allowPlaintextSecrets: true });
    const file = join(dir, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      version: defaults.version,
      allowPlaintextSecrets: true,
    });
    const reopened = electronStoreSettingsBackend(dir, openConf);
    expect(await new SettingsStore(reopened, memorySecretStore()).load()).toEqual({
      ...defaults,
      allowPlaintextSecrets: true,
    });
    expect(await reopened.allowPlaintextSecrets()).toBe(true);
  });

  it('never wipes a settings file it cannot parse', async () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{ "version": 2, oops');
    const backend = electronStoreSettingsBackend(dir, openConf);
    await expect(backend.read()).rejects.toThrow(/left unchanged/);
    expect(readFileSync(file, 'utf8')).toBe('{ "version": 2, oops');
  });

  it('keeps a backup copy before a migration', async () => {
    const backend = electronStoreSettingsBackend(dir, openConf);
    await backend.write({ version: 1 });
    const copy = await backend.backup?.('v1', { version: 1 });
    expect(copy && existsSync(copy)).toBe(true);
  });

  // Issue 13, M2 / L2: the v1 document held both secrets; neither may land in a file in clear.
  it('migrates a v1 document without writing a secret in clear; every file is 0600', async () => {
    const file = join(dir, 'settings.json');
    const v1 = {
      erp: { driver: 'postgres', url: 'postgres://erp@db/erp', password: 'canary-pw-e1' },
      infoplus: { domain: 'acme', apiVersion: 'v3.0', requestsPerSecond: 5, apiKey: 'canary-key-e1' },
    };
    writeFileSync(file, JSON.stringify(v1), { mode: 0o644 });
    // A backup left by an older version, secrets and all.
    const old = join(dir, 'settings.json.v1-1700000000000.bak');
    writeFileSync(old, JSON.stringify(v1), { mode: 0o644 });
    const secrets = memorySecretStore();
    await new SettingsStore(electronStoreSettingsBackend(dir, openConf), secrets).load();
    expect(await secrets.get('erpPassword')).toBe('canary-pw-e1');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text, name).not.toContain('canary-');
      if (process.platform !== 'win32') expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(2);
  });
});
