/**
 * Where mapping profiles may live: `<dataDir>/profiles/`. The API can name no other file, so a token holder
 * (or a script in the window) cannot read /etc/passwd through getProfile nor drop a file in a shell start-up
 * script through saveProfile. A file chosen on the command line (--config) is the admin's own choice.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from './app-error.js';

/** The largest profile read or written (a real one is a few dozen kB). */
export const MAX_PROFILE_BYTES = 1024 * 1024;

/** The folder the API reads and writes profiles in. */
export function profilesDir(dataDir: string): string {
  return join(resolve(dataDir), 'profiles');
}

/** The profile file saveProfile writes when none inside profilesDir is in use. */
export function defaultProfilePath(dataDir: string): string {
  return join(profilesDir(dataDir), 'profile.yaml');
}

async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The resolved path when `requested` is a .yaml/.yml/.json file directly in `<dataDir>/profiles/`, neither
 * it nor the folder a symbolic link; else an AppError saying where profiles go. Creates the folder (0700).
 */
export async function confinedProfilePath(dataDir: string, requested: string): Promise<string> {
  const dir = profilesDir(dataDir);
  const path = resolve(dir, requested);
  const refuse = (why: string): never => {
    throw new AppError(
      'invalid-settings',
      `profilePath: ${why}. Mapping profiles live in ${dir} (edit them in Mappings); to use a file ` +
        'elsewhere, start the app with --config FILE.',
      { field: 'profilePath' },
    );
  };
  if (dirname(path) !== dir) refuse('the file must be directly in the profiles folder');
  if (!/\.(ya?ml|json)$/i.test(basename(path))) refuse('the file name must end in .yaml, .yml or .json');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (await isSymlink(dir)) refuse('the profiles folder is a symbolic link');
  const real = await realpath(dir);
  if (real !== join(await realpath(resolve(dataDir)), 'profiles'))
    refuse('the profiles folder is not inside the data folder');
  if (await isSymlink(path)) refuse('the file is a symbolic link');
  return path;
}

/** True when `path` is a profile file the API may write (see confinedProfilePath). */
export async function isConfinedProfile(dataDir: string, path: string): Promise<boolean> {
  try {
    await confinedProfilePath(dataDir, path);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
