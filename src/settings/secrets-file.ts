/** The JSON file both secret stores keep sealed values in: `{ version: 1, secrets: { name: entry } }`, mode 0600. */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './file-backend.js';

/** The secrets the app keeps (the ERP password and the Infoplus API key). */
export type SecretName = 'erpPassword' | 'infoplusApiKey';

/** The sealed entries by secret name. */
export type SealedSecrets<E> = Partial<Record<SecretName, E>>;

interface SecretsDoc<E> {
  version: 1;
  secrets: SealedSecrets<E>;
}

/** Reads and rewrites one secrets file; each store decides how an entry is sealed. */
export interface SecretsFile<E> {
  /** The sealed value of one secret, or undefined when none is stored. */
  entry(name: SecretName): Promise<E | undefined>;
  /** Loads the file, lets `change` edit the entries, then writes it back atomically. */
  update(change: (secrets: SealedSecrets<E>) => void | Promise<void>): Promise<void>;
  /** Removes one secret; the file is left alone when it held none. */
  remove(name: SecretName): Promise<void>;
}

/**
 * A secrets file at `path`. A missing file holds no secrets; any other read or parse failure is passed to
 * `unreadable`, whose result is thrown (each store words it for its own users).
 */
export function secretsFile<E>(path: string, unreadable: (error: unknown) => unknown): SecretsFile<E> {
  const load = async (): Promise<SecretsDoc<E>> => {
    try {
      const doc = JSON.parse(await readFile(path, 'utf8')) as SecretsDoc<E> | null;
      return doc?.secrets ? doc : { version: 1, secrets: {} };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw unreadable(error);
    }
  };
  const save = (doc: SecretsDoc<E>): Promise<void> =>
    writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`, 0o600);

  return {
    entry: async (name) => (await load()).secrets[name],
    async update(change) {
      const doc = await load();
      await change(doc.secrets);
      await save(doc);
    },
    async remove(name) {
      const doc = await load();
      if (!doc.secrets[name]) return;
      delete doc.secrets[name];
      await save(doc);
    },
  };
}
