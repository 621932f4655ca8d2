import { join } from 'node:path';
import type { SecretName, SecretStore } from './secret-store.js';
import { secretsFile } from './secrets-file.js';

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

/** The operating system's protection for secrets (Electron's safeStorage in the shell). */
export interface OsCipher {
  /** True only when the OS really protects the data (DPAPI, Keychain, an unlocked keyring). */
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

interface Entry {
  encoding: 'safeStorage' | 'plain';
  data: string;
}

/**
 * Secrets as OS-sealed ciphertext in `<dir>/secrets.json` (never in the settings file). Refuses plain text
 * unless the admin set `allowPlaintextSecrets` in the settings.
 */
export function sealedSecretStore(opts: {
  dir: string;
  cipher: OsCipher;
  allowPlaintext: () => Promise<boolean>;
}): SecretStore {
  const file = join(opts.dir, 'secrets.json');
  const { cipher } = opts;

  // a file that cannot be read is reported as it is; one that is not JSON was damaged
  const sealedFile = secretsFile<Entry>(file, (error) =>
    error instanceof SyntaxError
      ? new SecretStoreError('secret-unreadable', `${file} is damaged; enter the secrets again in Settings.`)
      : error,
  );

  const seal = async (name: SecretName, value: string): Promise<Entry> => {
    if (cipher.available())
      return { encoding: 'safeStorage', data: cipher.encrypt(value).toString('base64') };
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
      return cipher.available();
    },
    async get(name) {
      const entry = await sealedFile.entry(name);
      if (!entry) return null;
      if (entry.encoding === 'plain') return entry.data;
      try {
        return cipher.decrypt(Buffer.from(entry.data, 'base64'));
      } catch {
        throw new SecretStoreError(
          'secret-unreadable',
          `The saved ${LABELS[name]} can no longer be decrypted (was the Windows user or the computer changed?). ` +
            'Enter it again in Settings.',
        );
      }
    },
    set: (name, value) =>
      sealedFile.update(async (secrets) => {
        secrets[name] = await seal(name, value);
      }),
    delete: (name) => sealedFile.remove(name),
  };
}
