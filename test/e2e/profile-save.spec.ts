import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { expectLayoutHolds, openScreen } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

for (const width of [1280, 1024]) {
  test(`a profile with a wrong key column is not saved silently; Save anyway is offered (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(serve().uiUrl);
    await openScreen(page, 'Mappings');
    const editor = page.getByLabel('Profile (YAML)');
    const original = await editor.inputValue();
    expect(original).toContain('key: order_no');

    // The document is valid; only the ERP's query result lacks the column, which the check finds.
    await editor.fill(original.replace('key: order_no', 'key: order_number'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    const checks = page.getByRole('alert').filter({ hasText: 'Not saved yet: the check found problems' });
    await expect(checks).toBeVisible();
    await expect(checks).toContainText('touchpoints.orders');
    await expect(checks).toContainText('order_number');
    await expect(page.getByText('Profile saved', { exact: false })).toHaveCount(0);
    await expectLayoutHolds(page, `mappings check at ${width}`);
    await saveScreen(page, testInfo, `mappings-save-check-${width}`);

    // Nothing was written: a reload shows the profile in use, unchanged.
    await page.reload();
    await openScreen(page, 'Mappings');
    await expect(page.getByLabel('Profile (YAML)')).toHaveValue(original);

    // Keep editing leaves the text; Save anyway writes it and says so.
    await page.getByLabel('Profile (YAML)').fill(original.replace('key: order_no', 'key: order_number'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(checks).toBeVisible();
    await checks.getByRole('button', { name: 'Save anyway' }).click();
    await expect(page.getByText('Saved anyway, with the problems the check found.')).toBeVisible();
    await page.reload();
    await openScreen(page, 'Mappings');
    await expect(page.getByLabel('Profile (YAML)')).toHaveValue(/key: order_number/);

    // Putting the right column back passes the check and saves straight away.
    await page.getByLabel('Profile (YAML)').fill(original);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved; its queries ran on the ERP without problems.')).toBeVisible();
    await expect(checks).toHaveCount(0);
  });
}
