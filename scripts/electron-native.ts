/**
 * Builds an Electron-ABI copy of better-sqlite3 into dist/electron-native/ for `npm start` (unpackaged).
 *
 * Why a copy: node_modules/better-sqlite3 is built for Node (the CLI, `serve` and the tests use it); Electron
 * has another ABI and cannot load that build. Rebuilding in place would break the Node side, so the shell
 * (electron/native-modules.ts) redirects `better-sqlite3` to this copy when running unpackaged. Packaged
 * apps do not need it: electron-builder rebuilds native modules itself (npmRebuild).
 * It downloads a prebuilt binary (or Electron headers to compile) once, at build time; never at run time.
 * Run: `npx tsx scripts/electron-native.ts` (a no-op when the copy is already current).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'electron-native');
const modules = ['better-sqlite3'];

const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;

const wanted = {
  electron: versionOf('electron'),
  platform: process.platform,
  arch: process.arch,
  ...Object.fromEntries(modules.map((m) => [m, versionOf(m)])),
};
const marker = join(target, 'built-for.json');
if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(wanted)) {
  process.stdout.write(`electron-native: up to date for Electron ${wanted.electron}\n`);
  process.exit(0);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, 'node_modules'), { recursive: true });
for (const name of modules) {
  const from = join(root, 'node_modules', name);
  // The Node build stays behind: the copy gets its own Electron build.
  cpSync(from, join(target, 'node_modules', name), {
    recursive: true,
    filter: (src) => !src.startsWith(join(from, 'build')),
  });
}
writeFileSync(
  join(target, 'package.json'),
  JSON.stringify({
    name: 'electron-native',
    private: true,
    dependencies: Object.fromEntries(modules.map((m) => [m, versionOf(m)])),
  }),
);

type Rebuild = (options: {
  buildPath: string;
  electronVersion: string;
  onlyModules: string[];
  force: boolean;
}) => Promise<void>;
const rebuildEntry = join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'main.js');
const { rebuild } = (await import(pathToFileURL(rebuildEntry).href)) as { rebuild: Rebuild };
process.stdout.write(`electron-native: building ${modules.join(', ')} for Electron ${wanted.electron}...\n`);
await rebuild({ buildPath: target, electronVersion: wanted.electron, onlyModules: modules, force: true });
writeFileSync(marker, JSON.stringify(wanted));
process.stdout.write(`electron-native: done (${target})\n`);
