import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { setupNativeModules } from '../../electron/native-modules.js';

const appDir = mkdtempSync(join(tmpdir(), 'native-'));
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

describe('setupNativeModules (npm start, unpackaged)', () => {
  it('does nothing in a packaged app', () => {
    expect(setupNativeModules(appDir, true)).toBeNull();
  });

  it('says how to build the Electron copy when it is missing', () => {
    expect(setupNativeModules(appDir, false)).toMatch(/scripts\/electron-native\.ts/);
  });

  it('sends `better-sqlite3` imports to the Electron copy', () => {
    // A stand-in for the Electron build; the real module is never touched. Run in a child process because
    // the resolve hook is process-wide.
    const lib = join(appDir, 'dist', 'electron-native', 'node_modules', 'better-sqlite3', 'lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'index.js'), 'module.exports = { builtFor: "electron" };');
    const moduleUrl = new URL('../../electron/native-modules.ts', import.meta.url).href;
    const script = join(appDir, 'child.mts');
    writeFileSync(
      script,
      `const { setupNativeModules } = await import(${JSON.stringify(moduleUrl)});\n` +
        `const problem = setupNativeModules(${JSON.stringify(appDir)}, false);\n` +
        `const { default: db } = await import('better-sqlite3');\n` +
        'process.stdout.write(JSON.stringify({ problem, builtFor: db.builtFor ?? null }));\n',
    );
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ problem: null, builtFor: 'electron' });
  });
});
