import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { card, expectLayoutHolds, openScreen } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

test('Test connection reports success and failure for Infoplus and the ERP', async ({ page }) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');

  // The saved API key is never shown, only that one is saved.
  const apiKey = page.getByLabel('API key');
  await expect(apiKey).toHaveValue('');
  await expect(apiKey).toHaveAttribute('placeholder', 'saved');

  await page.getByRole('button', { name: 'Test Infoplus connection' }).click();
  await expect(page.getByText('Infoplus connection works.')).toBeVisible();
  await expect(
    page.getByLabel('Line of business').locator('option', { hasText: 'Demo Company' }),
  ).toHaveCount(1);
  await expect(page.getByLabel('Warehouse').locator('option', { hasText: 'Main Warehouse' })).toHaveCount(1);

  await apiKey.fill('wrong-key-for-this-test');
  await page.getByRole('button', { name: 'Test Infoplus connection' }).click();
  const infoplusFailure = page.getByRole('alert').filter({ hasText: 'Infoplus connection' });
  await expect(infoplusFailure).toBeVisible();
  await expect(infoplusFailure).toContainText(/API key/i);
  await expect(infoplusFailure).not.toContainText('wrong-key-for-this-test');
  await apiKey.fill('');

  await page.getByRole('button', { name: 'Test ERP connection' }).click();
  await expect(page.getByText('ERP connection works.')).toBeVisible();
  const file = page.getByLabel('Database file');
  const good = await file.inputValue();
  await file.fill('/nonexistent-folder/for-this-test/erp.sqlite');
  await page.getByRole('button', { name: 'Test ERP connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ERP connection' })).toBeVisible();
  await file.fill(good);
});

test('schedules read cron in words, refuse a bad one next to the field, and Save keeps the change', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');
  const orders = page.getByRole('group', { name: 'Sales orders → Orders' });
  await orders.getByLabel('Schedule type of Sales orders → Orders').selectOption('cron');
  const cron = page.getByLabel('Cron expression for Sales orders → Orders');
  await cron.fill('61 * * * *');
  await expect(orders.getByRole('alert')).toContainText('minute field must be between 0 and 59');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  // The first invalid field is scrolled to and focused, wherever it is on the page.
  await expect(cron).toBeFocused();
  await expect(cron).toBeInViewport();

  await cron.fill('*/7 * * * *');
  await expect(orders.getByText('Every 7 minutes')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Run Sales orders → Orders on a schedule' }).check();
  await saveScreen(page, testInfo, 'settings');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // Saved for real: a fresh page load shows it, and the dashboard reads the new schedule.
  await page.reload();
  await openScreen(page, 'Settings');
  await expect(page.getByLabel('Cron expression for Sales orders → Orders')).toHaveValue('*/7 * * * *');
  await openScreen(page, 'Dashboard');
  await expect(card(page, 'Sales orders → Orders').getByText('Every 7 minutes')).toBeVisible();
});

test('mappings: the touchpoint section, Preview beside Infoplus JSON, and a dry run', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Mappings');
  await page.getByLabel('Touchpoint').selectOption('orders');
  await expect(
    page.getByRole('heading', { name: 'Sales orders → Orders: SQL and field mapping' }),
  ).toBeVisible();
  await expect(page.getByLabel('Profile section of Sales orders → Orders')).toContainText(/select/i);

  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: 'Preview of Sales orders → Orders' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ERP row' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Infoplus JSON' }).first()).toBeVisible();
  await expect(page.getByLabel(/^Infoplus JSON of /).first()).toContainText('customerOrderNo');

  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  const report = page.getByRole('region', { name: 'Dry run report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByRole('row', { name: /Sales orders → Orders/ })).toBeVisible();
  await saveScreen(page, testInfo, 'mappings');

  // A broken profile is refused with the problem named by its path.
  const editor = page.getByLabel('Profile (YAML)');
  const original = await editor.inputValue();
  await editor.fill(original.replace(/^version:.*$/m, 'version: 99'));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'version' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toHaveValue(original);
});

test('Check Infoplus probes the tenant read-only and lists the item ids it has', async ({ page }) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');
  await page.getByRole('button', { name: 'Check Infoplus' }).click();
  const section = page.getByRole('region', { name: 'Check Infoplus' });
  await expect(section.getByText('Nothing was written to Infoplus')).toBeVisible();
  // The demo simulator runs the strict readings: only gte/lte, limit=251 capped, an empty error body.
  await expect(section.getByText('only gte')).toBeVisible();
  await expect(section.getByText('At what precision does Infoplus return modifyDate?')).toBeVisible();
  await expect(section.getByText(/^HTTP 403$/)).toBeVisible();
  await expect(section.getByText('GEN General merchandise')).toBeVisible();
  await expect(section.getByText('Standard receiving')).toBeVisible();
});

test('Save checks first: a key that fails its test is not "Settings saved." unless Save anyway', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');
  await page.getByLabel('API key').fill('wrong-key-for-the-save-check');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const checks = page.getByRole('alert').filter({ hasText: 'Not saved yet: the check found problems' });
  await expect(checks).toBeVisible();
  await expect(checks.getByRole('listitem')).toContainText(/^Infoplus connection: .*API key/i);
  await expect(checks).not.toContainText('wrong-key-for-the-save-check');
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await expectLayoutHolds(page, `save check at ${width}`);
    await saveScreen(page, testInfo, `settings-save-check-${width}`);
  }

  await checks.getByRole('button', { name: 'Keep editing' }).click();
  await expect(checks).toHaveCount(0);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(checks).toBeVisible();
  await checks.getByRole('button', { name: 'Save anyway' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
});
