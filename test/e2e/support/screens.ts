import type { Page, TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { SCREENS_DIR } from './paths.js';

/** Saves a full-page screenshot to test-results/screens/<name>.png and attaches it to the test report. */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
