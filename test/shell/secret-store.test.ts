import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));
const { safeStorageSecretStore, SecretStoreError } = await import('../../electron/secret-store.js');

let dir: string;
beforeEach(() => {
  resetFake();
  dir = mkdtempSync(join(tmpdir(), 'secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const store = (allow = false) => safeStorageSecretStore({ dir, allowPlaintext: async () => allow });
const fileText = () => readFileSync(join(dir, 'secrets.json'), 'utf8');

describe('safeStorage secret store', () => {
  it('keeps secrets as ciphertext in secrets.json and reads them back', async () => {
    const secrets = store();
    expect(secrets.encrypted).toBe(true);
    await secrets.set('infoplusApiKey', 'live-key-123');
    await secrets.set('erpPassword', 'hunter2');
    expect(fileText()).not.toContain('live-key-123');
    expect(fileText()).not.toContain('hunter2');
    expect(await secrets.get('infoplusApiKey')).toBe('live-key-123');
    expect(await store().get('erpPassword')).toBe('hunter2');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secrets.json')).mode & 0o077).toBe(0);
  });

  it('refuses to keep a secret when encryption is unavailable, saying what to do', async () => {
    fake.encryptionAvailable = false;
    const secrets = store(false);
    expect(secrets.encrypted).toBe(false);
    const attempt = secrets.set('infoplusApiKey', 'live-key-123');
    await expect(attempt).rejects.toBeInstanceOf(SecretStoreError);
    await expect(secrets.set('infoplusApiKey', 'live-key-123')).rejects.toMatchObject({
      code: 'secrets-unprotected',
      message: expect.stringContaining('allowPlaintextSecrets'),
    });
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
  });

  it('treats the Linux basic_text backend (a fixed key) as no encryption', async () => {
    fake.storageBackend = 'basic_text';
    Object.defineProperty(process, 'platform', { value: 'linux', configurable: true });
    await expect(store(false).set('erpPassword', 'pw')).rejects.toMatchObject({
      code: 'secrets-unprotected',
    });
  });

  it('keeps a plain-text secret only with the explicit admin permission', async () => {
    fake.encryptionAvailable = false;
    const secrets = store(true);
    await secrets.set('erpPassword', 'hunter2');
    expect(await secrets.get('erpPassword')).toBe('hunter2');
    expect(JSON.parse(fileText())).toEqual({
      version: 1,
      secrets: { erpPassword: { encoding: 'plain', data: 'hunter2' } },
    });
  });

  it('says to re-enter a secret that can no longer be decrypted', async () => {
    await store().set('infoplusApiKey', 'k');
    const doc = JSON.parse(fileText());
    doc.secrets.infoplusApiKey.data = Buffer.from('garbage').toString('base64');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify(doc));
    await expect(store().get('infoplusApiKey')).rejects.toMatchObject({
      code: 'secret-unreadable',
      message: expect.stringContaining('Enter it again in Settings'),
    });
  });

  it('deletes a secret and answers null for one never set', async () => {
    const secrets = store();
    await secrets.set('erpPassword', 'x');
    await secrets.delete('erpPassword');
    expect(await secrets.get('erpPassword')).toBeNull();
    expect(await secrets.get('infoplusApiKey')).toBeNull();
  });
});
