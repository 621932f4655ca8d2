import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { setSimulatorFaults } from './support/serve.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { card, countOf, expectLayoutHolds, openScreen, pauseSchedules } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

// Issue 12, case 3: '"Partly failed" for 0 succeeded / 50 failed'; case 4: 'retry timing is fiction:
// "retries by itself in 27 seconds", later "retries by itself 1 minute ago"'.
test('a run where every record failed says Failed, and the inbox retry time is the next real run', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await pauseSchedules(page);
  const vendors = card(page, 'Vendors');
  await setSimulatorFaults(serve(), { failRate: 1 });
  try {
    await vendors.getByRole('button', { name: 'Sync Vendors now' }).click();
    await expect(vendors.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
    await expect(vendors.getByText(/^(Succeeded|Failed|Partly failed)$/).first()).toBeVisible({
      timeout: 60_000,
    });
  } finally {
    await setSimulatorFaults(serve(), { failRate: 0 });
  }
  // 0 created, every one failed: "Failed", never "Partly failed" and never green.
  expect(await countOf(vendors, 'Created')).toBe(0);
  expect(await countOf(vendors, 'Failed')).toBeGreaterThan(0);
  await expect(vendors.getByText('Partly failed')).toHaveCount(0);
  await expect(vendors.getByText('Succeeded')).toHaveCount(0);
  await expect(vendors.getByText(/^Failed$/).first()).toBeVisible();

  // Paused: nothing retries by itself, so no retry time is promised.
  await openScreen(page, 'Error inbox');
  const causes = page.getByRole('list', { name: 'Causes' });
  await expect(causes.getByRole('heading').first()).toBeVisible();
  await expect(causes).not.toContainText(/with the run (in|\d+ \w+ ago)/);

  // With schedules running, the time is the Vendors schedule's next run at or after the backoff: in the
  // future, and it stays in the future (no "1 minute ago") while the record waits.
  await openScreen(page, 'Dashboard');
  await page.getByRole('button', { name: 'Resume schedules' }).click();
  await expect(page.getByRole('button', { name: 'Pause schedules' })).toBeVisible();
  await openScreen(page, 'Error inbox');
  await expect(causes).toContainText(/with the run in (about )?\d+ (seconds?|minutes?|hours?)/);
  await expect(causes).not.toContainText(/ ago\b/);
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await expectLayoutHolds(page, `retry time at ${width}`);
    await saveScreen(page, testInfo, `inbox-retry-time-${width}`);
  }
  await page.reload();
  await expect(causes).toContainText(/with the run in /);
  await expect(causes).not.toContainText(/ ago\b/);
});
