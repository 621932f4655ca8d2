import { safeStorage } from 'electron';
import type { SecretStore } from '../src/app/shell.js';
import { sealedSecretStore } from '../src/app/shell.js';

export { SecretStoreError } from '../src/app/shell.js';

/** True when the OS really protects the data (DPAPI, Keychain, libsecret/kwallet). */
export function osEncryptionAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  // Without a keyring Linux Chromium "encrypts" with a fixed, public key: plain text in disguise.
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

/** Secrets sealed with safeStorage (DPAPI on Windows) in `<dir>/secrets.json`; plain text only if allowed. */
export function safeStorageSecretStore(opts: {
  dir: string;
  allowPlaintext: () => Promise<boolean>;
}): SecretStore {
  return sealedSecretStore({
    ...opts,
    cipher: {
      available: osEncryptionAvailable,
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (sealed) => safeStorage.decryptString(sealed),
    },
  });
}
