import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { apiCall } from './support/api.js';
import { createSampleErpFile, startSimulatorCli, type SimulatorProcess } from './support/manual-setup.js';
import { saveScreen } from './support/screens.js';
import { startServe, type ServeProcess } from './support/serve.js';
import { expectLayoutHolds } from './support/ui.js';

// Issue 12, case 5: "schedules start when step 3 is saved, a reload skips steps 4-5, step 4 shows 15 minutes
// for every touchpoint"; case 8: "the tenant field refuses a pasted acme.infopluswms.com".
test.describe.configure({ mode: 'serial' });

let serve: ServeProcess;
let simulator: SimulatorProcess;
let erpFile: string;

test.beforeAll(async () => {
  serve = await startServe({ demo: false });
  erpFile = join(serve.dataDir, 'customer-erp.sqlite');
  await createSampleErpFile(erpFile, 4);
  simulator = await startSimulatorCli('e2e-resume-key-0123');
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

const welcome = (page: Page) => page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' });
const atStep = (page: Page, name: string) =>
  expect(page.getByRole('listitem').filter({ hasText: name })).toHaveAttribute('aria-current', 'step');

/** Nothing is set up and nothing is scheduled or has run. */
async function nothingRuns(): Promise<void> {
  const status = await apiCall<{ setUp: boolean; touchpoints: { nextRunAt: string | null }[] }>(
    serve,
    'getStatus',
  );
  expect(status.setUp).toBe(false);
  expect(status.touchpoints.filter((t) => t.nextRunAt !== null)).toEqual([]);
  expect(await apiCall<unknown[]>(serve, 'listRuns')).toEqual([]);
}

test('the tenant field takes a pasted acme.infopluswms.com as the tenant acme', async ({
  page,
}, testInfo) => {
  await page.goto(serve.uiUrl);
  await expect(welcome(page)).toBeVisible();
  await page.getByLabel('Database type').selectOption('sqlite');
  await page.getByLabel('Database file').fill(erpFile);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await atStep(page, '2. Infoplus');
  await page.getByRole('radio', { name: 'Infoplus tenant domain' }).check();
  const tenant = page.getByRole('textbox', { name: 'Tenant domain' });
  await tenant.fill('acme.infopluswms.com');
  await page.getByLabel('API key').fill('pasted-key-0123456789');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // The step asks only for what is missing (the line of business list needs Test connection, which has no
  // Infoplus to reach here); the full host name people copy from the browser is no error.
  await expect(page.getByText('Pick the line of business')).toBeVisible();
  await expect(tenant).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Infoplus' })).not.toContainText(
    /domain is not valid|not a valid/i,
  );
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(tenant).not.toHaveAttribute('aria-invalid', 'true');
    await expectLayoutHolds(page, `tenant at ${width}`);
    await saveScreen(page, testInfo, `wizard-tenant-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await nothingRuns();
});

test('a reload during the wizard comes back to the wizard; schedules start only at Save and finish', async ({
  page,
}, testInfo) => {
  await page.goto(serve.uiUrl);
  await expect(welcome(page)).toBeVisible();
  await page.getByLabel('Database type').selectOption('sqlite');
  await page.getByLabel('Database file').fill(erpFile);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await atStep(page, '2. Infoplus');
  await page.getByRole('radio', { name: 'Custom address (proxy or simulator)' }).check();
  await page.getByRole('textbox', { name: 'Base URL' }).fill(simulator.baseUrl);
  await page.getByLabel('API key').fill(simulator.apiKey);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Pick the line of business')).toBeVisible();
  await page.getByRole('button', { name: 'Test Infoplus connection' }).click();
  await expect(page.getByText('Infoplus connection works.')).toBeVisible();
  await page.getByLabel('Line of business').selectOption('1');
  await page.getByLabel('Warehouse').selectOption('1');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await atStep(page, '3. Mapping');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Step 4 shows what will really run: each touchpoint its own schedule, not one interval for all.
  await atStep(page, '4. Schedules');
  await nothingRuns();
  const plans = await page
    .locator('fieldset.schedule-row')
    .evaluateAll((sets) =>
      sets.map((f) =>
        [...f.querySelectorAll('select, input:not([type=checkbox])')]
          .map((e) => (e as unknown as { value: string }).value)
          .join(' '),
      ),
    );
  expect(plans.length).toBeGreaterThan(1);
  // the profile's own plan (orders every 5 minutes, vendors every hour), not one interval for every touchpoint
  expect(new Set(plans).size).toBeGreaterThan(1);
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await expectLayoutHolds(page, `wizard schedules at ${width}`);
    await saveScreen(page, testInfo, `wizard-schedules-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // A reload here does not skip to the dashboard, and still nothing runs by itself.
  await page.reload();
  await expect(welcome(page)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await nothingRuns();
  // What was saved is kept: the steps are filled in.
  await expect(page.getByLabel('Database file')).toHaveValue(erpFile);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await atStep(page, '2. Infoplus');
  await expect(page.getByRole('textbox', { name: 'Base URL' })).toHaveValue(simulator.baseUrl);
});
