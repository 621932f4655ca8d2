import { expect, test } from '@playwright/test';
import { serveForThisFile } from './support/serve-per-file.js';
import { openScreen } from './support/ui.js';

// The SQL Server fields of Settings against the real endpoint (MSSQL_URL): server, port, database, login,
// password and the two TLS choices as an admin types them; a refused login says what to check.
const MSSQL_URL = process.env['MSSQL_URL'];
const serve = serveForThisFile({ demo: true, serial: true });

test('SQL Server fields: Test ERP connection works, and a wrong password names the login and the fix', async ({
  page,
}) => {
  test.skip(!MSSQL_URL && process.env['CI'] !== 'true', 'MSSQL_URL is not set');
  const u = new URL(MSSQL_URL ?? '');
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');
  await page.getByLabel('Database type').selectOption('sqlserver');
  await page.getByLabel('Server', { exact: true }).fill(u.hostname);
  await page.getByLabel('Port', { exact: true }).fill(u.port || '1433');
  await page.getByLabel('Database', { exact: true }).fill(decodeURIComponent(u.pathname.slice(1)));
  await page.getByLabel('Login name').fill(decodeURIComponent(u.username));
  const password = page.getByLabel('Password', { exact: true });
  await password.fill(decodeURIComponent(u.password));
  await expect(
    page.getByText('SQL Server Express and a default install use a self-signed certificate'),
  ).toBeVisible();
  // the endpoint offers no TLS; a customer's server keeps "Encrypt the connection" on
  await page.getByRole('checkbox', { name: 'Encrypt the connection' }).uncheck();

  await page.getByRole('button', { name: 'Test ERP connection' }).click();
  await expect(page.getByText('ERP connection works.')).toBeVisible();

  await password.fill('not-the-password-1');
  await page.getByRole('button', { name: 'Test ERP connection' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'ERP connection' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(`SQL Server login "${decodeURIComponent(u.username)}" was refused`);
  await expect(failure).not.toContainText('not-the-password-1');
});
