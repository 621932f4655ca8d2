import { join } from 'node:path';
import { SettingsError } from '../src/app/shell.js';
import { writeFileAtomic } from '../src/app/shell.js';
import { makePrivateSync, PRIVATE_FILE_MODE, scrubSettingsBackups } from '../src/app/shell.js';
import type { SettingsBackend } from '../src/app/shell.js';

/** The part of electron-store (a `conf` subclass) this back end uses. */
export interface KeyValueFile {
  store: Record<string, unknown>;
  readonly path: string;
  get(key: string): unknown;
}

/** Opens the store file; injectable so tests can use electron-store's base class without Electron. */
export type OpenStore = (options: {
  name: string;
  cwd: string;
  clearInvalidConfig: false;
  /** The file holds connection details: readable by this user only, also after each rewrite. */
  configFileMode: number;
}) => Promise<KeyValueFile>;

const openElectronStore: OpenStore = async (options) => {
  const { default: ElectronStore } = await import('electron-store');
  return new ElectronStore(options);
};

/**
 * The engine's settings document in electron-store (`<dir>/settings.json`). Schema and migrations are the
 * engine's (src/settings); this only stores the document, and never wipes one it cannot parse.
 */
export function electronStoreSettingsBackend(
  dir: string,
  openStore: OpenStore = openElectronStore,
): SettingsBackend & { allowPlaintextSecrets(): Promise<boolean> } {
  let store: KeyValueFile | null = null;
  const open = async (): Promise<KeyValueFile> => {
    try {
      store ??= await openStore({
        name: 'settings',
        cwd: dir,
        clearInvalidConfig: false,
        configFileMode: PRIVATE_FILE_MODE,
      });
      makePrivateSync(store.path);
    } catch (error) {
      throw new SettingsError(
        `The settings file in ${dir} cannot be read (${(error as Error).message}). It was left unchanged; ` +
          'fix it or move it away to start with fresh settings.',
      );
    }
    return store;
  };
  return {
    location: join(dir, 'settings.json'),
    async read() {
      const data = (await open()).store;
      return Object.keys(data).length === 0 ? undefined : structuredClone(data);
    },
    async write(data) {
      (await open()).store = data as Record<string, unknown>;
    },
    async backup(tag, doc) {
      const source = (await open()).path;
      const copy = `${source}.${tag}-${Date.now()}.bak`;
      await writeFileAtomic(copy, `${JSON.stringify(doc, null, 2)}\n`);
      return copy;
    },
    async scrubBackups() {
      return scrubSettingsBackups((await open()).path, (file, text) => writeFileAtomic(file, text));
    },
    async allowPlaintextSecrets() {
      return (await open()).get('allowPlaintextSecrets') === true;
    },
  };
}
