import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');

/** E2E: Debian's Chromium against the real `infoplus-sync serve`, one worker (each spec starts its own agent). */
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '**/*.spec.ts',
  globalSetup: join(import.meta.dirname, 'support', 'global-setup.ts'),
  outputDir: join(repo, 'test-results', 'playwright'),
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: join(repo, 'test-results', 'playwright-report'), open: 'never' }],
  ],
  use: {
    headless: true,
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
