/**
 * The data folder holds the state database, settings, the secrets key and logs: readable by the app's own OS
 * user only (folder 0700, files 0600), also after a rewrite. Windows ignores these modes; its per-user
 * AppData folder already keeps other users out.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and parents) private to this user, and tightens it when it already existed. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // Not ours (a shared folder chosen by the admin): leave it as the admin set it.
  await chmod(dir, PRIVATE_DIR_MODE).catch(() => undefined);
}

/** ensurePrivateDir, synchronously (the state store and the log files open synchronously). */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    chmodSync(dir, PRIVATE_DIR_MODE);
  } catch {
    // see ensurePrivateDir
  }
}

/** Makes an existing file private (a file created by an older version with 0644). */
export function makePrivateSync(file: string): void {
  if (!existsSync(file)) return;
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Not ours: leave it.
  }
}

type Doc = Record<string, unknown>;
const isObj = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A settings document without the secrets a version-1 document kept inline (erp.password, infoplus.apiKey). */
export function withoutInlineSecrets(doc: unknown): { doc: unknown; had: boolean } {
  if (!isObj(doc)) return { doc, had: false };
  let had = false;
  const out: Doc = { ...doc };
  for (const [section, field] of [
    ['erp', 'password'],
    ['infoplus', 'apiKey'],
  ] as const) {
    const part = out[section];
    if (isObj(part) && field in part) {
      const { [field]: _secret, ...rest } = part;
      out[section] = rest;
      had = true;
    }
  }
  return { doc: out, had };
}

/**
 * Older versions copied settings.json (secrets and all, 0644) to `settings.json.<tag>-<time>.bak` before a
 * migration. Rewrites each such backup without the secrets, 0600. Returns the files it scrubbed.
 */
export async function scrubSettingsBackups(
  settingsFile: string,
  write: (file: string, text: string) => Promise<void>,
): Promise<string[]> {
  const dir = dirname(settingsFile);
  const prefix = `${basename(settingsFile)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const scrubbed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !(name.endsWith('.bak') || name.includes('.corrupt-'))) continue;
    const file = join(dir, name);
    await chmod(file, PRIVATE_FILE_MODE).catch(() => undefined);
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    const clean = withoutInlineSecrets(doc);
    if (!clean.had) continue;
    await write(file, `${JSON.stringify(clean.doc, null, 2)}\n`);
    scrubbed.push(file);
  }
  return scrubbed;
}
