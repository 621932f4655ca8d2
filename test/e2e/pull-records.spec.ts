import { expect, test } from '@playwright/test';
import { apiCall } from './support/api.js';
import { saveScreen } from './support/screens.js';
import { serveForThisFile } from './support/serve-per-file.js';
import { expectLayoutHolds, openScreen } from './support/ui.js';

const serve = serveForThisFile({ demo: true, serial: true });

/** Pushes the demo's records, lets the simulator's warehouse ship them, and pulls the shipments once. */
async function pullShipments(): Promise<string> {
  const s = serve();
  await apiCall(s, 'pause');
  await apiCall(s, 'runNow', { touchpoints: ['vendors', 'items', 'orders'] });
  await expect
    .poll(
      async () => (await apiCall<{ status: string }[]>(s, 'listRuns', { touchpoint: 'orders' }))[0]?.status,
      {
        timeout: 60_000,
      },
    )
    .toMatch(/succeeded|partial/);
  const shipped = await fetch(`${s.simulator!.origin}/__sim/warehouse/ship`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'API-Key': s.simulator!.apiKey },
    body: JSON.stringify({ partialShare: 0 }),
  });
  expect(shipped.ok).toBe(true);
  const { runIds } = await apiCall<{ runIds: string[] }>(s, 'runNow', { touchpoints: ['shipments'] });
  await expect
    .poll(
      async () =>
        (await apiCall<{ id: string; status: string }[]>(s, 'listRuns', { touchpoint: 'shipments' }))[0],
      { timeout: 60_000 },
    )
    .toMatchObject({ status: 'succeeded' });
  return runIds[0]!;
}

test('the drill-down of a shipments pull names the ERP order each shipment was written to', async ({
  page,
}, testInfo) => {
  await pullShipments();
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(serve().uiUrl);
    await openScreen(page, 'Run history');
    await page.getByLabel('Touchpoint').selectOption('shipments');
    const rows = page.getByRole('table').getByRole('row');
    await rows
      .nth(1)
      .getByRole('link', { name: /Records of Shipments/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /Records of run/ })).toBeVisible();
    const written = page.getByRole('table').getByRole('row').filter({ hasText: 'written' });
    await expect(written.first()).toContainText(/Written to ERP orders? \S+/);
    await expectLayoutHolds(page, `shipments drill-down at ${width}`);
    await saveScreen(page, testInfo, `pull-records-${width}`);
  }
});
