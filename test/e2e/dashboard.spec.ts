import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { setSimulatorFaults } from './support/serve.js';
import { serveForThisFile } from './support/serve-per-file.js';
import {
  card,
  countOf,
  isFocused,
  markPage,
  openScreen,
  pauseSchedules,
  scrollsSideways,
  stillMarked,
} from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

test('Sync now (by keyboard) shows progress and updates the counts live', async ({ page }, testInfo) => {
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await pauseSchedules(page);
  const orders = card(page, 'Sales orders → Orders');
  await expect(orders.getByText('No runs yet.')).toBeVisible();
  await markPage(page);

  // A little latency so the run lasts long enough to be watched in flight.
  await setSimulatorFaults(serve(), { latencyMs: 100 });
  try {
    const syncNow = page.getByRole('button', { name: 'Sync now', exact: true });
    // Keyboard only: Tab until the button has focus, then Enter.
    for (let i = 0; i < 30 && !(await isFocused(syncNow)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(syncNow).toBeFocused();
    await page.keyboard.press('Enter');

    // In flight: the card's progress bar with "N of M" or "N sales orders so far", fed by run-progress events.
    const inFlight = orders
      .getByRole('status')
      .filter({ has: page.getByRole('progressbar', { name: 'Sales orders → Orders progress' }) });
    await expect(inFlight).toContainText(/\d+ (of \d+|sales orders? so far)/);
    await expect.poll(() => countOf(orders, 'Created'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(orders.getByText('Succeeded').first()).toBeVisible({ timeout: 60_000 });
  } finally {
    await setSimulatorFaults(serve(), { latencyMs: 0 });
  }
  expect(await countOf(orders, 'Failed')).toBe(0);
  expect(await countOf(card(page, 'Vendors'), 'Created')).toBeGreaterThan(0);
  expect(await stillMarked(page)).toBe(true);
  await expect(
    orders.getByRole('list', { name: 'Recent runs of Sales orders → Orders' }).getByRole('link'),
  ).toHaveCount(1);
  await saveScreen(page, testInfo, 'dashboard');
});

test('re-pull since… is guarded by a confirmation and moves the cursor of a pull touchpoint', async ({
  page,
}) => {
  await page.goto(serve().uiUrl);
  const shipments = card(page, 'Shipments');
  await shipments.getByRole('button', { name: 'Re-pull Shipments since…' }).click();
  await shipments.getByLabel('Re-pull Shipments changed since').fill('2026-01-01T00:00');
  await shipments.getByRole('button', { name: 'Re-pull…' }).click();
  await expect(shipments.getByText(/reads every record changed since/)).toBeVisible();
  await shipments.getByRole('button', { name: 'Confirm re-pull' }).click();
  await expect(shipments.getByText(/Cursor moved back to/)).toBeVisible();
  // The cursor in words ("Pulled up to 1 Jan 00:00"), never as a raw timestamp and id.
  await expect(shipments.getByText(/^Pulled up to \d{1,2} \w{3}/)).toBeVisible();
  await expect(shipments).not.toContainText(/\d{4}-\d{2}-\d{2}T\d/);
});

test('run history filters by touchpoint and status and drills down to the records of a run', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Run history');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await page.getByLabel('Touchpoint').selectOption('orders');
  await expect(rows).toHaveCount(2); // header + the one orders run
  await expect(rows.nth(1)).toContainText('Sales orders → Orders');
  await page.getByLabel('Status').selectOption('failed');
  await expect(page.getByText('No runs match these filters.')).toBeVisible();
  await page.getByLabel('Status').selectOption('succeeded');
  await expect(rows).toHaveCount(2);
  await saveScreen(page, testInfo, 'run-history');

  await rows
    .nth(1)
    .getByRole('link', { name: /Records of Sales orders/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Records of run/ })).toBeVisible();
  const records = page.getByRole('table').getByRole('row');
  await expect(records.nth(1)).toContainText('created');
  await page.getByLabel('Action').selectOption('failed');
  await expect(page.getByText(/^0 of \d+ records$/)).toBeVisible();
  await page.getByLabel('Action').selectOption('created');
  await expect(page.getByText(/^(\d+) of \1 records$/)).toBeVisible();
  await saveScreen(page, testInfo, 'run-records');
  await page.getByRole('link', { name: 'Back to run history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run history' })).toBeVisible();
});

test('readable at 125% scaling: no sideways scrolling, and every screen has its heading', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1.25,
  });
  const page = await context.newPage();
  // 125% of a 1280-pixel-wide laptop screen leaves 1024 CSS pixels.
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await saveScreen(page, testInfo, 'dashboard-125-percent');
  for (const [link, heading] of [
    ['Run history', 'Run history'],
    ['Error inbox', 'Error inbox'],
    ['Logs', 'Logs'],
    ['Settings', 'Settings'],
    ['Mappings', 'Mappings'],
    ['Reconcile', 'Reconcile ERP and Infoplus'],
  ] as const) {
    await openScreen(page, link, heading);
    expect(await scrollsSideways(page), link).toBe(false);
  }
  // the widest table of the app: the reconciliation counts per touchpoint
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('table', { name: 'Reconciliation per touchpoint' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await scrollsSideways(page), 'Reconcile with results').toBe(false);
  await saveScreen(page, testInfo, 'reconcile-125-percent');
  await context.close();
});
