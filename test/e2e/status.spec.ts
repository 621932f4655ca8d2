import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { apiCall, setUpByApi } from './support/api.js';
import { createSampleErpFile, startSimulatorCli } from './support/manual-setup.js';
import type { SimulatorProcess } from './support/manual-setup.js';
import { saveScreen } from './support/screens.js';
import { startServe } from './support/serve.js';
import type { ServeProcess } from './support/serve.js';
import { card, clippedTables, countOf, expectLayoutHolds, openScreen } from './support/ui.js';

// One truthful status: the header, the dashboard, every card and reconcile read the engine's one verdict.
test.describe.configure({ mode: 'serial' });

let serve: ServeProcess;
let simulator: SimulatorProcess;
let erpFile: string;
const KEY = 'e2e-status-key-0123';
const PUSH_CARDS = ['Vendors', 'Items', 'Purchase orders → ASNs', 'Sales orders → Orders'];
const ALL_CARDS = [...PUSH_CARDS, 'Shipments', 'Item receipts', 'Inventory adjustments'];

test.beforeAll(async () => {
  serve = await startServe({ demo: false });
  erpFile = join(serve.dataDir, 'customer-erp.sqlite');
  await createSampleErpFile(erpFile, 6);
  simulator = await startSimulatorCli(KEY);
  await setUpByApi(serve, { erpFile, baseUrl: simulator.baseUrl, apiKey: KEY });
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

/** Screenshots at 1280 and 1024 wide, with the layout checked at both. */
async function atBothWidths(page: Page, testInfo: Parameters<typeof saveScreen>[1], name: string) {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await expectLayoutHolds(page, `${name} at ${width}`);
    await saveScreen(page, testInfo, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('asking for orders syncs the items they need first: no order fails for a missing item', async ({
  page,
}, testInfo) => {
  await page.goto(serve.uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveTitle('Dashboard - Infoplus ERP Sync');
  const orders = card(page, 'Sales orders → Orders');
  const items = card(page, 'Items');
  await expect(items.getByText('No runs yet.')).toBeVisible();

  // Only the orders card's own Sync: items must land in Infoplus before the orders that name them.
  await orders.getByRole('button', { name: 'Sync Sales orders → Orders now' }).click();
  await expect.poll(() => countOf(orders, 'Created'), { timeout: 60_000 }).toBe(6);
  expect(await countOf(orders, 'Failed')).toBe(0);
  expect(await countOf(items, 'Created')).toBeGreaterThan(0);
  await expect(orders.getByText('Up to date')).toBeVisible();
  // The schedules are paused: the header says so, once.
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Overall health: Paused');
  await atBothWidths(page, testInfo, 'status-dashboard');
});

test('reconcile does not say "agree" while ERP records are not in Infoplus', async ({ page }, testInfo) => {
  await page.goto(serve.uiUrl);
  await openScreen(page, 'Reconcile', 'Reconcile ERP and Infoplus');
  await expect(page).toHaveTitle('Reconcile - Infoplus ERP Sync');
  await page.getByLabel('Touchpoint').selectOption('asns');
  await page.getByRole('button', { name: 'Compare' }).click();
  // Purchase orders were never synced: every one of them is listed as not there yet.
  const note = page.getByText('The ERP and Infoplus do not agree yet:');
  await expect(note).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(/^Purchase orders → ASNs: \d+ purchase orders? of \d+ not in Infoplus/),
  ).toBeVisible();
  await expect(page.getByText('The ERP and Infoplus agree.')).toHaveCount(0);
  await atBothWidths(page, testInfo, 'status-reconcile');

  // The orders that were synced do agree.
  await page.getByLabel('Touchpoint').selectOption('orders');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('The ERP and Infoplus agree.')).toBeVisible({ timeout: 60_000 });
});

/** A new sales order in the customer's ERP whose line names a SKU the ERP has no item for. */
function addOrderWithUnknownSku(file: string, orderNo: string, sku: string): void {
  const db = new Database(file);
  try {
    const sample = db.prepare('SELECT updated_at FROM sales_orders ORDER BY order_id LIMIT 1').get() as {
      updated_at: string;
    };
    // The same text form the sample ERP uses, one minute from now, so the watermark query picks it up.
    const soon = new Date(Date.now() + 60_000).toISOString();
    const at = String(sample.updated_at).includes('T') ? soon : soon.replace('T', ' ').replace('Z', '');
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO sales_orders (order_no, customer_id, customer_po, order_date, ship_via, ship_to_name,
           ship_to_street, ship_to_city, ship_to_state, ship_to_zip, ship_to_country, notes, total, status,
           created_at, updated_at)
         SELECT ?, customer_id, customer_po, order_date, ship_via, ship_to_name, ship_to_street, ship_to_city,
           ship_to_state, ship_to_zip, ship_to_country, notes, total, 'Open', ?, ?
         FROM sales_orders ORDER BY order_id LIMIT 1`,
      )
      .run(orderNo, at, at);
    db.prepare(
      'INSERT INTO sales_order_lines (order_id, line_no, sku, qty, unit_price) VALUES (?, 1, ?, 1, 1)',
    ).run(lastInsertRowid, sku);
  } finally {
    db.close();
  }
}

test("the inbox names the real cause: an order naming a SKU the ERP has no item for is the ERP user's to fix", async ({
  page,
}, testInfo) => {
  addOrderWithUnknownSku(erpFile, 'SO-TYPO-1', 'SKU-TYPO');
  await page.goto(serve.uiUrl);
  const orders = card(page, 'Sales orders → Orders');
  await orders.getByRole('button', { name: 'Sync Sales orders → Orders now' }).click();
  await expect.poll(() => countOf(orders, 'Failed'), { timeout: 60_000 }).toBe(1);
  await expect(orders.getByText('1 sales order not synced')).toBeVisible();

  await openScreen(page, 'Error inbox');
  const causes = page.getByRole('list', { name: 'Causes' });
  const cause = causes.getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(cause).toHaveCount(1);
  await expect(cause.getByRole('heading')).toHaveText('1 sales order names 1 SKU the ERP has no item for');
  await expect(cause).toContainText('Someone who edits the record in the ERP');
  await expect(cause).toContainText('SKU-TYPO');
  // Syncing items cannot fix it, so it is not offered.
  await expect(cause.getByRole('button', { name: 'Sync items' })).toHaveCount(0);
  await atBothWidths(page, testInfo, 'status-inbox-cause');
  await cause.getByRole('button', { name: 'Skip all 1' }).click();
  await expect(page.getByText('No errors match these filters.')).toBeVisible();
});

test('a refused API key fails every card, in the same words as the header, with one banner', async ({
  page,
}, testInfo) => {
  await apiCall(serve, 'saveSettings', { secrets: { infoplusApiKey: 'not-the-right-key-000' } });
  await page.goto(serve.uiUrl);
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Infoplus refused the API key' });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner.getByRole('link', { name: 'Open Settings' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Infoplus refused the API key');
  // Push cards whose records were unchanged made no call, yet they cannot sync either: none of them is green.
  for (const name of ALL_CARDS) {
    await expect(card(page, name).getByText('Infoplus refused the API key', { exact: true })).toBeVisible();
    await expect(card(page, name).getByText('Up to date')).toHaveCount(0);
  }
  // Never "Failing" beside "No open errors".
  await expect(page.getByText('No open errors')).toHaveCount(0);
  await atBothWidths(page, testInfo, 'status-key-refused');

  await apiCall(serve, 'saveSettings', { secrets: { infoplusApiKey: KEY } });
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
});

test('an unreachable ERP is a banner, not the setup wizard: every screen stays reachable', async ({
  page,
}, testInfo) => {
  // The admin saves a wrong port.
  await apiCall(serve, 'saveSettings', {
    erp: { driver: 'postgres', url: 'postgres://postgres@127.0.0.1:5999/erp' },
  });
  await page.goto(serve.uiUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Infoplus ERP Sync' })).toHaveCount(0);
  const banner = page.getByRole('alert').filter({ hasText: "Can't reach the database" });
  await expect(banner).toContainText("Can't reach the database at 127.0.0.1:5999 - is it running?");
  await expect(banner).not.toContainText('ECONNREFUSED');
  await expect(page.getByRole('banner').getByRole('status')).toContainText("Can't reach the database");
  for (const name of ALL_CARDS) {
    await expect(card(page, name).getByText("Can't reach the database", { exact: true })).toBeVisible();
  }
  await atBothWidths(page, testInfo, 'status-unreachable');
  // Sync now says the same plain sentence once: no raw driver error, no machine code.
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Sync could not start' });
  await expect(refused).toContainText("Can't reach the database at 127.0.0.1:5999 - is it running?");
  await expect(refused).not.toContainText(/ECONNREFUSED|not-configured/);

  for (const [link, heading] of [
    ['Run history', 'Run history'],
    ['Error inbox', 'Error inbox'],
    ['Logs', 'Logs'],
    ['Mappings', 'Mappings'],
  ] as const) {
    await openScreen(page, link, heading);
    await expect(page).toHaveTitle(`${link} - Infoplus ERP Sync`);
    await expect(banner).toBeVisible();
    await page.setViewportSize({ width: 1024, height: 900 });
    // Run history fits at 1024 px without a sideways-scrolling table.
    if (link === 'Run history') expect(await clippedTables(page)).toEqual([]);
    await atBothWidths(page, testInfo, `status-unreachable-${link.toLowerCase().replace(/ /g, '-')}`);
  }
  await banner.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await atBothWidths(page, testInfo, 'status-unreachable-settings');

  // Putting the right database back clears the banner without a restart.
  await apiCall(serve, 'saveSettings', { erp: { driver: 'sqlite', url: erpFile } });
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
});
