import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { startServe } from './support/serve.js';
import type { ServeProcess } from './support/serve.js';
import { join } from 'node:path';
import { createSampleErpFile, startSimulatorCli } from './support/manual-setup.js';
import type { SimulatorProcess } from './support/manual-setup.js';
import { apiCall } from './support/api.js';
import { card, countOf, expectLayoutHolds } from './support/ui.js';

// A fresh data folder and no --demo: the engine is not configured, so the wizard shows.
const serve = serveForThisFile({ demo: false });

test('token login: a wrong token is refused, the right one signs in and leaves the address bar', async ({
  page,
}, testInfo) => {
  await page.goto(`${serve().origin}/`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await saveScreen(page, testInfo, 'login');

  await page.getByLabel('Access token').fill('this-is-not-the-token-0123456789');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('refused that token');

  await page.getByLabel('Access token').fill(serve().token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();
  expect(page.url()).not.toContain(serve().token);
});

test('first run: the wizard checks its fields; demo data is a confirmed side choice with a way out', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();
  // The token moved from the address bar to this tab's sessionStorage.
  await expect(page).not.toHaveURL(/token=/);

  // Step 1 (ERP) refuses to continue with empty fields and says what to fill in.
  await expect(page.getByRole('listitem').filter({ hasText: '1. ERP database' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Enter the SQL Server host name')).toBeVisible();
  await page.getByLabel('Database type').selectOption('postgres');
  await expect(page.getByLabel('Connection URL')).toBeVisible();
  await page.getByLabel('Connection URL').fill('postgres://erp:secret@db/erp');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Leave the password out of the URL')).toBeVisible();
  await saveScreen(page, testInfo, 'wizard');

  // Demo data is a quiet choice, and asks first.
  await page.getByRole('button', { name: 'Look around with demo data first…' }).click();
  const confirm = page.getByRole('group', { name: 'Use demo data?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole('button', { name: 'Look around with demo data first…' }).click();
  await confirm.getByRole('button', { name: 'Start the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 90_000 });
  await expect(card(page, 'Sales orders → Orders')).toBeVisible();
  await expect(card(page, 'Shipments')).toBeVisible();
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now', exact: true })).toBeEnabled();
  await saveScreen(page, testInfo, 'dashboard-after-wizard');

  // The setup is real: a reload keeps the dashboard (configured), not the wizard.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // And there is a way out: Leave demo starts the setup over.
  await page.getByRole('button', { name: 'Leave demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();
});

test.describe('manual setup', () => {
  let manual: ServeProcess;
  let simulator: SimulatorProcess;
  let erpFile: string;
  test.beforeAll(async () => {
    manual = await startServe({ demo: false });
    erpFile = join(manual.dataDir, 'customer-erp.sqlite');
    await createSampleErpFile(erpFile, 5);
    simulator = await startSimulatorCli('e2e-wizard-key-0123');
  });
  test.afterAll(async () => {
    await simulator?.stop();
    await manual?.stop();
  });

  test('the wizard step by step (ERP, Infoplus, mapping, schedules) ends in a setup that syncs', async ({
    page,
  }, testInfo) => {
    await page.goto(manual.uiUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();

    // 1. ERP: a SQLite file, tested before saving.
    await page.getByLabel('Database type').selectOption('sqlite');
    await page.getByLabel('Database file').fill(erpFile);
    await page.getByRole('button', { name: 'Test ERP connection' }).click();
    await expect(page.getByText('ERP connection works.')).toBeVisible();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // 2. Infoplus: base URL + key; the lists come from Test connection.
    await expect(page.getByRole('listitem').filter({ hasText: '2. Infoplus' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    await page.getByRole('radio', { name: 'Custom address (proxy or simulator)' }).check();
    await page.getByRole('textbox', { name: 'Base URL' }).fill(simulator.baseUrl);
    await page.getByLabel('API key').fill(simulator.apiKey);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByText('Pick the line of business')).toBeVisible();
    await page.getByRole('button', { name: 'Test Infoplus connection' }).click();
    await expect(page.getByText('Infoplus connection works.')).toBeVisible();
    await page.getByLabel('Line of business').selectOption('1');
    await page.getByLabel('Warehouse').selectOption('1');
    await saveScreen(page, testInfo, 'wizard-infoplus');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // 3. Mapping: a field-by-field editor first (Infoplus field <- ERP column picked from the query's
    // result, required fields marked, one record mapped live from the unsaved text); the YAML is behind
    // "Advanced".
    await expect(page.getByRole('tab', { name: 'Fields' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Touchpoint')).toHaveValue('orders');
    const orderFields = page.getByRole('table', { name: 'Sales orders → Orders: fields' });
    await expect(orderFields.getByLabel('ERP column for customerOrderNo')).toHaveValue('order_no');
    // the pickers offer the columns the header query returns
    await expect(orderFields.getByLabel('ERP column for billToCity').locator('option')).toContainText([
      'order_no',
      'customer_po',
      'ship_to_city',
    ]);
    await expect(
      orderFields.getByRole('rowheader', { name: /^orderDate \*?\s*\(required\)$/ }),
    ).toBeVisible();
    await expect(orderFields.getByRole('rowheader', { name: /^customerPONo$/ })).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'Sales orders → Orders: each line (lineItems)' })
        .getByLabel('ERP column for sku'),
    ).toHaveValue('sku');
    const preview = page.getByLabel(/^Infoplus record mapped from /);
    await expect(preview).toContainText('"billToCity"');
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await expectLayoutHolds(page, `wizard mapping fields at ${width}`);
      await saveScreen(page, testInfo, `wizard-mapping-fields-${width}`);
    }
    // Unmapping a field: the live preview of the unsaved text drops it.
    await orderFields.getByLabel('ERP column for billToCity').selectOption('');
    await expect(preview).not.toContainText('"billToCity"');
    await orderFields.getByLabel('ERP column for billToCity').selectOption('bill_city');
    await expect(preview).toContainText('"billToCity"');
    // A required field left unmapped says what to fix, beside the field.
    await page.getByLabel('Touchpoint').selectOption('vendors');
    const vendorFields = page.getByRole('table', { name: 'Vendors: fields' });
    const vendorName = vendorFields.getByLabel('ERP column for name');
    const nameColumn = await vendorName.inputValue();
    expect(nameColumn).not.toBe('');
    await vendorName.selectOption('');
    await expect(vendorFields.getByText('Required: pick the ERP column that holds the name.')).toBeVisible();
    await expect(vendorName).toHaveAttribute('aria-invalid', 'true');
    await expectLayoutHolds(page, 'wizard mapping error at 1024');
    await vendorName.selectOption(nameColumn);
    await expect(vendorFields.getByText(/^Required:/)).toHaveCount(0);
    await expect(page.getByLabel(/^Infoplus record mapped from /)).toContainText('"name"');
    await expect(page.getByLabel('Mapping profile (YAML)')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Advanced (YAML)' }).click();
    const profile = page.getByLabel('Mapping profile (YAML)');
    await expect(profile).toHaveValue(/touchpoints:/);
    // The suggested profile points where steps 1 and 2 pointed, not at the sample's own defaults.
    expect(await profile.inputValue()).toContain(`url: ${erpFile}`);
    expect(await profile.inputValue()).toContain(`baseUrl: ${simulator.baseUrl}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // 4. Schedules. Nothing has run by itself so far: schedules start only at "Save and finish".
    await expect(page.getByRole('group', { name: 'Schedules' })).toBeVisible();
    const before = await apiCall<{ setUp: boolean; touchpoints: { nextRunAt: string | null }[] }>(
      manual,
      'getStatus',
    );
    expect(before.setUp).toBe(false);
    expect(before.touchpoints.map((t) => t.nextRunAt)).toEqual(before.touchpoints.map(() => null));
    expect(await apiCall<unknown[]>(manual, 'listRuns')).toEqual([]);
    await page.getByRole('button', { name: 'Save and finish' }).click();
    await expect(page.getByText(/^Setup complete/)).toBeVisible();
    const after = await apiCall<{ setUp: boolean; touchpoints: { nextRunAt: string | null }[] }>(
      manual,
      'getStatus',
    );
    expect(after.setUp).toBe(true);
    expect(after.touchpoints.some((t) => t.nextRunAt !== null)).toBe(true);

    // "Run first full sync" ends the wizard and pushes the customer's ERP into Infoplus.
    await page.getByRole('button', { name: 'Run first full sync' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Demo data', { exact: true })).toHaveCount(0);
    const orders = card(page, 'Sales orders → Orders');
    await expect.poll(() => countOf(orders, 'Created'), { timeout: 60_000 }).toBe(5);
    expect(await countOf(orders, 'Failed')).toBe(0);
  });
});
