import { safeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/settings/file-backend.js';
import type { SecretName, SecretStore } from '../src/settings/secret-store.js';

const LABELS: Record<SecretName, string> = {
  erpPassword: 'ERP password',
  infoplusApiKey: 'Infoplus API key',
};

/** A secret could not be kept or read safely; `code` says which, the message says what to do. */
export class SecretStoreError extends Error {
  constructor(
    readonly code: 'secrets-unprotected' | 'secret-unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

interface Entry {
  encoding: 'safeStorage' | 'plain';
  data: string;
}
interface SecretsDoc {
  version: 1;
  secrets: Partial<Record<SecretName, Entry>>;
}

/** True when the OS really protects the data (DPAPI, Keychain, libsecret/kwallet). */
export function osEncryptionAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  // Without a keyring Linux Chromium "encrypts" with a fixed, public key: plain text in disguise.
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

/**
 * Secrets as safeStorage ciphertext in `<dir>/secrets.json` (never in the settings file). Refuses plain text
 * unless the admin set `allowPlaintextSecrets` in the settings.
 */
export function safeStorageSecretStore(opts: {
  dir: string;
  allowPlaintext: () => Promise<boolean>;
}): SecretStore {
  const file = join(opts.dir, 'secrets.json');

  const load = async (): Promise<SecretsDoc> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw error;
    }
    try {
      const doc = JSON.parse(text) as SecretsDoc;
      return doc?.secrets ? doc : { version: 1, secrets: {} };
    } catch {
      throw new SecretStoreError(
        'secret-unreadable',
        `${file} is damaged; enter the secrets again in Settings.`,
      );
    }
  };
  const save = (doc: SecretsDoc) => writeFileAtomic(file, `${JSON.stringify(doc, null, 2)}\n`, 0o600);

  const seal = async (name: SecretName, value: string): Promise<Entry> => {
    if (osEncryptionAvailable())
      return { encoding: 'safeStorage', data: safeStorage.encryptString(value).toString('base64') };
    if (await opts.allowPlaintext()) return { encoding: 'plain', data: value };
    throw new SecretStoreError(
      'secrets-unprotected',
      `The ${LABELS[name]} was not saved: this computer offers no protected storage for secrets ` +
        '(on Linux, install and unlock a keyring such as GNOME Keyring or KWallet). ' +
        'An administrator can allow keeping secrets in plain text by setting "allowPlaintextSecrets": true ' +
        `in ${join(opts.dir, 'settings.json')}.`,
    );
  };

  return {
    get encrypted() {
      return osEncryptionAvailable();
    },
    async get(name) {
      const entry = (await load()).secrets[name];
      if (!entry) return null;
      if (entry.encoding === 'plain') return entry.data;
      try {
        return safeStorage.decryptString(Buffer.from(entry.data, 'base64'));
      } catch {
        throw new SecretStoreError(
          'secret-unreadable',
          `The saved ${LABELS[name]} can no longer be decrypted (was the Windows user or the computer changed?). ` +
            'Enter it again in Settings.',
        );
      }
    },
    async set(name, value) {
      const doc = await load();
      doc.secrets[name] = await seal(name, value);
      await save(doc);
    },
    async delete(name) {
      const doc = await load();
      if (!doc.secrets[name]) return;
      delete doc.secrets[name];
      await save(doc);
    },
  };
}
