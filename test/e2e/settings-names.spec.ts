import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { expectLayoutHolds, openScreen } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

for (const width of [1280, 1024]) {
  test(`Settings names the saved line of business and warehouse, and shows URLs whole (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(serve().uiUrl);
    await openScreen(page, 'Settings');

    // Without pressing Test connection: the saved ids read as the tenant's names.
    const lob = page.getByLabel('Line of business');
    const warehouse = page.getByLabel('Warehouse');
    await expect(lob.locator('option:checked')).toHaveText(/Demo Company/);
    await expect(warehouse.locator('option:checked')).toHaveText(/Main Warehouse/);
    await expect(lob.locator('option:checked')).not.toHaveText(/^#/);

    // A URL field takes the form's whole row, not one ~290 px grid column.
    const baseUrl = page.getByLabel('Base URL');
    {
      const url = (await baseUrl.boundingBox())!;
      const form = (await page.locator('fieldset', { has: baseUrl }).boundingBox())!;
      expect(url.width).toBeGreaterThan(form.width * 0.8);
      expect(
        await baseUrl.evaluate((el) => {
          const input = el as unknown as { scrollWidth: number; clientWidth: number };
          return input.scrollWidth <= input.clientWidth;
        }),
      ).toBe(true);
    }
    await expectLayoutHolds(page, `settings at ${width}`);
    await saveScreen(page, testInfo, `settings-names-${width}`);
  });
}

test('a Postgres connection URL is shown on a whole row', async ({ page }) => {
  await page.goto(serve().uiUrl);
  await openScreen(page, 'Settings');
  await page.getByLabel('Database type').selectOption('postgres');
  const url = page.getByLabel('Connection URL');
  await url.fill('postgres://sync_reader@erp-server.example.internal:5432/erp_production_database');
  const box = (await url.boundingBox())!;
  const form = (await page.locator('fieldset', { has: url }).boundingBox())!;
  expect(box.width).toBeGreaterThan(form.width * 0.8);
  await expectLayoutHolds(page, 'settings with a long URL');
});
