import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { setSimulatorFaults } from './support/serve.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { card, countOf, openScreen, pauseSchedules } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

test('an Infoplus failure lands in the error inbox with details, and Retry clears it', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await pauseSchedules(page);

  // Infoplus answers every request with a server error while Vendors syncs.
  await setSimulatorFaults(serve(), { failRate: 1 });
  const vendors = card(page, 'Vendors');
  let failed = 0;
  try {
    await vendors.getByRole('button', { name: 'Sync Vendors now' }).click();
    // Wait for the run to end (its outcome shows on the card), then take its failure count.
    await expect(vendors.getByText(/^(Failed|Partly failed)$/).first()).toBeVisible({ timeout: 60_000 });
    await expect(vendors.getByRole('progressbar')).toHaveCount(0);
    failed = await countOf(vendors, 'Failed');
  } finally {
    await setSimulatorFaults(serve(), { failRate: 0 });
  }
  expect(failed).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: /open errors? in the inbox/ })).toBeVisible();

  await openScreen(page, 'Error inbox');
  await page.getByLabel('Touchpoint').selectOption('vendors');
  // Grouped by cause: one card for all of them, who must act from the real cause, one count.
  const causes = page
    .getByRole('list', { name: 'Causes' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  await expect(causes).toHaveCount(1);
  await expect(causes.first().getByRole('heading')).toHaveText(
    /^\d+ vendors? wait for Infoplus to answer again$|^1 vendor: /,
  );
  await expect(causes.first()).toContainText('Nobody: it is sent again by itself');
  await expect(causes.first().getByRole('button', { name: /^Retry all \d+$/ })).toBeVisible();
  await saveScreen(page, testInfo, 'error-inbox-by-cause');
  // Each record's raw detail is folded away until asked for.
  await page.getByText(/^Each record \(\d+\)$/).click();
  const errors = page.getByRole('list', { name: 'Errors' }).getByRole('listitem');
  // Every failed record of the run is in the inbox.
  await expect.poll(() => errors.count()).toBeGreaterThanOrEqual(failed);
  await expect(errors.first()).toContainText('Vendors');

  // The category filter narrows to what Infoplus' failure is filed under, and away from unrelated ones.
  await page.getByLabel('Category').selectOption('mapping');
  await expect(page.getByText('No errors match these filters.')).toBeVisible();
  await page.getByLabel('Category').selectOption('');
  await page.getByText(/^Each record \(\d+\)$/).click();
  await expect.poll(() => errors.count()).toBeGreaterThanOrEqual(failed);
  const openKeys = await errors.locator('.inbox-main > div:first-child > strong').allInnerTexts();

  const first = errors.first();
  await first.getByRole('button', { name: /^Details of / }).click();
  await expect(first.getByText('Who must fix it')).toBeVisible();
  await expect(first.getByText('How to fix it')).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Infoplus said' })).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Payload' })).toBeVisible();
  await saveScreen(page, testInfo, 'error-inbox');

  // Bulk: select all, Retry selected; with Infoplus healthy again the inbox empties.
  await page.getByLabel('Select all').check();
  const retry = page.getByRole('button', { name: `Retry selected (${openKeys.length})` });
  await expect(retry).toBeEnabled();
  await retry.click();
  await expect(page.getByText(/sent for retry/)).toBeVisible();
  await expect(page.getByText('No errors match these filters.')).toBeVisible({ timeout: 90_000 });

  await page.getByLabel('Status').selectOption('resolved');
  await page.getByText(/^Each record \(\d+\)$/).click();
  for (const key of openKeys) await expect(errors.filter({ hasText: key })).toHaveCount(1);
  await saveScreen(page, testInfo, 'error-inbox-resolved');
});

test('logs: level filter and search narrow the lines, export downloads the jsonl', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Logs');
  const log = page.getByRole('log', { name: 'Log lines' });
  const lines = log.locator('.log-line');
  await expect(lines.first()).toBeVisible();
  await expect(log.getByText('INFO', { exact: true }).first()).toBeVisible();

  await page.getByLabel('Minimum level').selectOption('warn');
  await expect(log.getByText('INFO', { exact: true })).toHaveCount(0);
  await expect(lines.first()).toBeVisible();
  const levels = await log.locator('.log-level').allInnerTexts();
  expect(levels.length).toBeGreaterThan(0);
  for (const level of levels) expect(['WARN', 'ERROR']).toContain(level);
  await saveScreen(page, testInfo, 'logs');

  await page.getByLabel('Minimum level').selectOption('');
  await page.getByLabel('Search logs').fill('no-such-text-in-any-log-line');
  await expect(page.getByText('No log lines match.')).toBeVisible();
  await page.getByLabel('Search logs').fill('');
  await expect(lines.first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export logs' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.jsonl$/);
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  const first = text.split('\n').find((l) => l.trim());
  expect(first && JSON.parse(first)).toBeTruthy();
});
