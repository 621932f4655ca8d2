import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { setUpByApi } from './support/api.js';
import { createSampleErpFile, startSimulatorCli, type SimulatorProcess } from './support/manual-setup.js';
import { saveScreen } from './support/screens.js';
import { startServe, type ServeProcess } from './support/serve.js';
import { expectLayoutHolds, openScreen } from './support/ui.js';

// Issue 12, case 7: "an indeterminate bar with '112 records', no total or time left".
let serve: ServeProcess;
let simulator: SimulatorProcess;
const KEY = 'e2e-progress-key-0123';

test.beforeAll(async () => {
  serve = await startServe({ demo: false });
  const erpFile = join(serve.dataDir, 'customer-erp.sqlite');
  await createSampleErpFile(erpFile, 60);
  // Every answer 150 ms late, at the 10 requests/second setUpByApi saves: a run long enough to watch.
  simulator = await startSimulatorCli(KEY, ['--latency-ms', '150']);
  await setUpByApi(serve, { erpFile, baseUrl: simulator.baseUrl, apiKey: KEY });
});
test.afterAll(async () => {
  await simulator?.stop();
  await serve?.stop();
});
// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object even when none is used
test.afterEach(async ({}, testInfo) => {
  if (serve && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('serve-output', { body: serve.output(), contentType: 'text/plain' });
  }
});

test('a run in flight shows "N of M, about N s left" pinned at the top, at 1280 and 1024', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(serve.uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
  const strip = page.getByRole('region', { name: 'Running now' });
  // The total comes before the records are done, then the time left once a pace is measured.
  await expect(strip).toContainText(/: \d+ of \d+/);
  const withTime = strip.getByText(/^Sales orders → Orders: \d+ of 60, about \d+ (s|min) left$/);
  await expect(withTime).toBeVisible({ timeout: 90_000 });
  const [, done] = /(\d+) of 60/.exec((await withTime.textContent()) ?? '')!;
  expect(Number(done)).toBeLessThan(60);
  await expectLayoutHolds(page, 'progress at 1280');
  await saveScreen(page, testInfo, 'progress-1280');
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(strip).toContainText(/\d+ of 60/);
  await expectLayoutHolds(page, 'progress at 1024');
  await saveScreen(page, testInfo, 'progress-1024');

  // Pinned: scrolled down the long dashboard, it stays at the top of the window while the run goes on.
  await page.evaluate('window.scrollTo(0, 1200)');
  expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(200);
  const box = (await strip.count()) > 0 ? await strip.boundingBox() : null;
  if (box) expect(box.y).toBeLessThanOrEqual(1);
  // and on every screen, not only the dashboard
  await openScreen(page, 'Run history');
  if ((await strip.count()) > 0) await expect(strip).toBeVisible();
  // it goes once every run has finished
  await expect(strip).toHaveCount(0, { timeout: 90_000 });
});
