import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import type { ServeProcess } from './support/serve.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { card, openScreen, pauseSchedules } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

/** Deletes one vendor straight in the (simulated) Infoplus, as someone in the warehouse might; returns its vendorNo. */
async function deleteOneVendorInInfoplus(s: ServeProcess): Promise<string> {
  const sim = s.simulator!;
  const headers = { 'API-Key': sim.apiKey };
  const list = (await (await fetch(`${sim.baseUrl}/v3.0/vendor/search?limit=1`, { headers })).json()) as {
    id: number;
    vendorNo: number;
  }[];
  const vendor = list[0]!;
  const res = await fetch(`${sim.baseUrl}/v3.0/vendor/${vendor.id}`, { method: 'DELETE', headers });
  expect(res.ok, `deleting vendor ${vendor.id}: HTTP ${res.status}`).toBe(true);
  return String(vendor.vendorNo);
}

test('reconcile finds a vendor deleted in Infoplus, Repair queues it, and the next sync makes both sides agree', async ({
  page,
}, testInfo) => {
  await page.goto(serve().uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await pauseSchedules(page);
  const vendors = card(page, 'Vendors');
  await vendors.getByRole('button', { name: 'Sync Vendors now' }).click();
  await expect(vendors.getByText('Succeeded').first()).toBeVisible({ timeout: 60_000 });

  await openScreen(page, 'Reconcile', 'Reconcile ERP and Infoplus');
  await page.getByLabel('Touchpoint').selectOption('vendors');
  const repair = page.getByRole('button', { name: 'Repair what is safe' });
  await expect(repair).toBeDisabled();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('The ERP and Infoplus agree.')).toBeVisible();

  const vendorNo = await deleteOneVendorInInfoplus(serve());
  await page.getByRole('button', { name: 'Compare' }).click();
  const findings = page.getByRole('table', { name: 'Findings' });
  const row = findings.getByRole('row').filter({ hasText: vendorNo });
  await expect(row).toContainText('Gone from Infoplus');
  await expect(row).toContainText(/which Infoplus no longer has/);
  await saveScreen(page, testInfo, 'reconcile-findings');

  await expect(repair).toBeEnabled();
  await repair.click();
  await expect(row).toContainText('queued for the next run');
  // the queued record shows in the error inbox until it is sent
  await expect(page.getByRole('navigation', { name: 'Main' }).getByLabel(/\d+ open/)).toBeVisible();

  await openScreen(page, 'Dashboard');
  await vendors.getByRole('button', { name: 'Sync Vendors now' }).click();
  // sent again: its inbox entry resolves
  await expect(page.getByRole('navigation', { name: 'Main' }).getByLabel(/\d+ open/)).toHaveCount(0, {
    timeout: 60_000,
  });
  await openScreen(page, 'Reconcile', 'Reconcile ERP and Infoplus');
  await page.getByLabel('Touchpoint').selectOption('vendors');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('The ERP and Infoplus agree.')).toBeVisible();
  await saveScreen(page, testInfo, 'reconcile-agree');
});
