import { chmod, copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SettingsError, type SettingsBackend } from './backend.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE, scrubSettingsBackups } from './private-files.js';

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/**
 * Writes text atomically: a temp file in the same folder, flushed, then renamed over the target. Private
 * (0600) unless told otherwise, whatever the umask and whatever mode the file it replaces had.
 */
export async function writeFileAtomic(file: string, text: string, mode = PRIVATE_FILE_MODE): Promise<void> {
  await ensurePrivateDir(dirname(file));
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A JSON file back end for headless use. A file that is not JSON is never overwritten: load fails, a copy is kept. */
export function fileSettingsBackend(file: string): SettingsBackend {
  return {
    location: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SettingsError(`Cannot read the settings file ${file}: ${(error as Error).message}`);
      }
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        const copy = `${file}.corrupt-${stamp()}`;
        await copyFile(file, copy).catch(() => undefined);
        await chmod(copy, PRIVATE_FILE_MODE).catch(() => undefined);
        throw new SettingsError(
          `The settings file ${file} is not valid JSON (${(error as Error).message}). ` +
            `It was left as it is and will not be overwritten; a copy is at ${copy}. ` +
            'Fix the file, or move it away to start with fresh settings.',
        );
      }
    },
    async write(data) {
      await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
    },
    async backup(tag, doc) {
      const copy = `${file}.${tag}-${stamp()}.bak`;
      try {
        await writeFileAtomic(copy, `${JSON.stringify(doc, null, 2)}\n`);
        return copy;
      } catch {
        return null;
      }
    },
    scrubBackups: () => scrubSettingsBackups(file, (f, text) => writeFileAtomic(f, text)),
  };
}
