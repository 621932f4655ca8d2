import { existsSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type ResolveHook = (
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => unknown,
) => unknown;
const hooks = nodeModule as unknown as {
  registerHooks?: (hooks: { resolve: ResolveHook }) => void;
  register?: (url: string) => void;
};

/**
 * Unpackaged (`npm start`): sends `better-sqlite3` to the Electron-ABI copy that scripts/electron-native.ts
 * builds, because node_modules holds the Node build used by the CLI and tests. Packaged apps are rebuilt by
 * electron-builder. Must run before anything imports the engine. Returns a hint when the copy is missing
 * (shown only if loading then fails: node_modules may have been rebuilt for Electron by hand).
 */
export function setupNativeModules(appPath: string, packaged: boolean): string | null {
  if (packaged) return null;
  const entry = join(appPath, 'dist', 'electron-native', 'node_modules', 'better-sqlite3', 'lib', 'index.js');
  if (!existsSync(entry)) {
    return 'The Electron build of better-sqlite3 is missing: run `npx tsx scripts/electron-native.ts`, then start again.';
  }
  const url = pathToFileURL(entry).href;
  if (hooks.registerHooks) {
    hooks.registerHooks({
      resolve: (specifier, context, next) =>
        specifier === 'better-sqlite3'
          ? { url, format: 'commonjs', shortCircuit: true }
          : next(specifier, context),
    });
  } else {
    const loader =
      'export async function resolve(s, c, next) { return s === "better-sqlite3" ? ' +
      `{ url: ${JSON.stringify(url)}, shortCircuit: true } : next(s, c); }`;
    hooks.register?.(`data:text/javascript,${encodeURIComponent(loader)}`);
  }
  return null;
}
