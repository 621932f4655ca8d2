import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SCREENS_DIR } from './paths.js';

/** Builds the agent and the renderer when they are missing, so `npx playwright test` works on its own. */
export default function globalSetup(): void {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error(
      'Chromium is missing: install it with `apt-get install -y chromium` (never `npx playwright install`).',
    );
  }
  mkdirSync(SCREENS_DIR, { recursive: true });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (!existsSync(join(REPO, 'dist', 'src', 'cli.js'))) {
    execFileSync(npx, ['tsc', '-b', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  }
  if (!existsSync(join(REPO, 'dist', 'renderer', 'index.html'))) {
    execFileSync(npx, ['vite', 'build', '--config', 'renderer/vite.config.ts'], {
      cwd: REPO,
      stdio: 'inherit',
    });
  }
}
