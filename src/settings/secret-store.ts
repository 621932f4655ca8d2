/**
 * Secrets (ERP password, Infoplus API key): never in the settings document.
 *
 * Headless threat model, honestly: the encrypted file keeps secrets out of the settings file, out of
 * backups or support bundles that copy settings and logs, and away from casual eyes. The AES key lives in a
 * machine-local key file (mode 0600) next to it, so anyone who can read the data folder as the same OS
 * user (or an administrator) can decrypt. For stronger protection put the secrets in the service's
 * environment (INFOPLUS_API_KEY / ERP_PASSWORD), or use the desktop app, whose store uses the OS keychain
 * (DPAPI on Windows) through Electron's safeStorage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './file-backend.js';
import { secretsFile, type SecretName } from './secrets-file.js';

// Declared beside the file format (the lower module) so the two files do not import each other.
export type { SecretName };

/** Where secrets are kept; the shell supplies a safeStorage one. */
export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  /** True when values are encrypted at rest. */
  readonly encrypted: boolean;
}

/** Environment variables that supply each secret headless; they win over stored values. */
export const SECRET_ENV: Readonly<Record<SecretName, string>> = {
  erpPassword: 'ERP_PASSWORD',
  infoplusApiKey: 'INFOPLUS_API_KEY',
};

/** A store held in memory only (tests, one-shot CLI runs). */
export function memorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const values = new Map<SecretName, string>(Object.entries(initial) as [SecretName, string][]);
  return {
    encrypted: false,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}

/**
 * Reads through to `base` but keeps every change in memory: a read-only probe (`status`) that migrates an old
 * settings document in memory must not write the lifted secrets anywhere.
 */
export function readThroughSecretStore(base: SecretStore): SecretStore {
  const changed = new Map<SecretName, string | null>();
  return {
    encrypted: base.encrypted,
    get: async (name) => (changed.has(name) ? (changed.get(name) ?? null) : base.get(name)),
    set: async (name, value) => {
      changed.set(name, value);
    },
    delete: async (name) => {
      changed.set(name, null);
    },
  };
}

interface SealedValue {
  iv: string;
  tag: string;
  data: string;
}

/** Options of the headless store. */
export interface HeadlessSecretStoreOptions {
  readonly dataDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Key file location; default `<dataDir>/secret.key`. */
  readonly keyFile?: string;
}

/** Headless store: environment variables first, then an AES-256-GCM file keyed by a local 0600 key file. */
export function headlessSecretStore(opts: HeadlessSecretStoreOptions): SecretStore {
  const env = opts.env ?? process.env;
  const file = join(opts.dataDir, 'secrets.enc.json');
  const sealedFile = secretsFile<SealedValue>(
    file,
    (error) =>
      new Error(`The secrets file ${file} cannot be read; enter the secrets again in Settings`, {
        cause: error,
      }),
  );
  const keyFile = opts.keyFile ?? join(opts.dataDir, 'secret.key');

  async function key(create: boolean): Promise<Buffer | null> {
    try {
      const hex = (await readFile(keyFile, 'utf8')).trim();
      const buf = Buffer.from(hex, 'hex');
      if (buf.length !== 32) throw new Error(`the key file ${keyFile} is damaged (expected 64 hex digits)`);
      return buf;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!create) return null;
      await mkdir(opts.dataDir, { recursive: true });
      const fresh = randomBytes(32);
      await writeFileAtomic(keyFile, fresh.toString('hex'), 0o600);
      await chmod(keyFile, 0o600).catch(() => undefined);
      return fresh;
    }
  }

  return {
    encrypted: true,
    async get(name) {
      const fromEnv = env[SECRET_ENV[name]];
      if (fromEnv) return fromEnv;
      const sealed = await sealedFile.entry(name);
      if (!sealed) return null;
      const k = await key(false);
      if (!k) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(sealed.iv, 'base64'));
        decipher.setAAD(Buffer.from(name));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([
          decipher.update(Buffer.from(sealed.data, 'base64')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new Error(
          `The stored ${name} cannot be decrypted (key file changed?); enter it again in Settings`,
        );
      }
    },
    async set(name, value) {
      const k = (await key(true)) as Buffer;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      cipher.setAAD(Buffer.from(name));
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      const sealed = {
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      await sealedFile.update((secrets) => {
        secrets[name] = sealed;
      });
    },
    delete: (name) => sealedFile.remove(name),
  };
}
