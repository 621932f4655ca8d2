import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { startServe } from './support/serve.js';
import type { ServeProcess } from './support/serve.js';
import { card } from './support/ui.js';

let serve: ServeProcess;
test.beforeAll(async () => {
  // A fresh data folder and no --demo: the engine is not configured, so the wizard shows.
  serve = await startServe({ demo: false });
});
// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object even when none is used
test.afterEach(async ({}, testInfo) => {
  if (serve && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('serve-output', { body: serve.output(), contentType: 'text/plain' });
  }
});
test.afterAll(async () => {
  await serve?.stop();
});

test('token login: a wrong token is refused, the right one signs in and leaves the address bar', async ({
  page,
}, testInfo) => {
  await page.goto(`${serve.origin}/`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await saveScreen(page, testInfo, 'login');

  await page.getByLabel('Access token').fill('this-is-not-the-token-0123456789');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('refused that token');

  await page.getByLabel('Access token').fill(serve.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Infoplus ERP Sync' })).toBeVisible();
  expect(page.url()).not.toContain(serve.token);
});

test('first run: the wizard checks its fields, then "Try it with demo data" ends on a working dashboard', async ({
  page,
}, testInfo) => {
  await page.goto(serve.uiUrl);
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

  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 90_000 });
  await expect(card(page, 'Sales orders → Orders')).toBeVisible();
  await expect(card(page, 'Shipments')).toBeVisible();
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now', exact: true })).toBeEnabled();
  await saveScreen(page, testInfo, 'dashboard-after-wizard');

  // The setup is real: a reload keeps the dashboard (configured), not the wizard.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
