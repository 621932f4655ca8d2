// Issue 13, L4: the packaged app flips the Electron fuses that would let anyone on the machine run arbitrary
// code as the app (run-as-node, NODE_OPTIONS, --inspect) or swap its code (asar integrity, asar only).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(
  readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('Electron fuses in electron-builder.yml', () => {
  it('switches off run-as-node, NODE_OPTIONS and --inspect, and locks the app to its checked asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names only options electron-builder passes on to @electron/fuses', () => {
    const require = createRequire(import.meta.url);
    const dts = readFileSync(require.resolve('app-builder-lib/out/configuration.d.ts'), 'utf8');
    const known = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(dts)?.[1] ?? '';
    for (const option of Object.keys(config.electronFuses as object))
      expect(known, option).toMatch(new RegExp(`\\b${option}\\?:`));
    // electron-builder flips the fuses with @electron/fuses; it must be installed (no download at build time).
    expect(() => require.resolve('@electron/fuses')).not.toThrow();
  });
});
