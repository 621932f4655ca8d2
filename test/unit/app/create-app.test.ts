// createApp against the real demo: the sample ERP in SQLite and the in-process Infoplus simulator.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEventName, AppEvents } from '../../../src/contract/events.js';
import { createApp, memorySecretStore, type App } from '../../../src/app/index.js';
import { verifyDemo } from '../../../src/app/demo-verify.js';
import { openErp } from '../../../src/erp/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';

let dir: string;
let app: App;
const port = new FakeSchedulerPort(new Date());
const seen: { event: AppEventName; payload: unknown }[] = [];

function next<E extends AppEventName>(event: E, match: (p: AppEvents[E]) => boolean): Promise<AppEvents[E]> {
  return new Promise((resolve) => {
    const off = app.events.on(event, (p) => {
      if (!match(p)) return;
      off();
      resolve(p);
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'create-app-'));
  app = await createApp({
    dataDir: dir,
    env: {},
    secretStore: memorySecretStore(),
    schedulerPort: port,
    demoPersist: false,
    demoOrders: 12,
  });
  for (const e of [
    'status',
    'run-started',
    'run-progress',
    'run-finished',
    'log',
    'inbox-changed',
    'alert',
  ] as const) {
    app.events.on(e, (payload) => seen.push({ event: e, payload }));
  }
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('createApp on the demo', () => {
  it('starts unconfigured and offers the sample profile as a starting point', async () => {
    const status = await app.api.getStatus({});
    expect(status.configured).toBe(false);
    expect(status.health).toBe('error');
    expect(status.lastResult).toMatch(/mapping profile/i);
    const profile = await app.api.getProfile({});
    expect(profile.path).toBeNull();
    expect(profile.text).toContain('touchpoints:');
    await expect(app.api.runNow({})).rejects.toMatchObject({ code: 'not-configured' });
  });

  it('sets up the demo with useDemo', async () => {
    const status = await app.api.useDemo({});
    expect(status).toMatchObject({ demo: true, configured: true });
    expect(status.touchpoints.find((t) => t.name === 'orders')).toMatchObject({
      enabled: true,
      schedule: '*/5 * * * *',
    });
    expect(status.touchpoints.find((t) => t.name === 'orders')?.nextRunAt).not.toBeNull();
    const settings = await app.api.getSettings({});
    expect(settings.infoplus).toMatchObject({ hasApiKey: true, lobId: 1, warehouseId: 1 });
    expect(settings.erp).toMatchObject({ driver: 'sqlite', hasPassword: false });
    expect(JSON.stringify(settings)).not.toContain('sim-demo-key');
  });

  it('tests both connections, reporting success and failure', async () => {
    const erp = await app.api.testErpConnection({});
    expect(erp.ok).toBe(true);
    expect(erp.serverInfo).toMatch(/sqlite/i);
    const badErp = await app.api.testErpConnection({
      erp: { driver: 'sqlite', url: join(dir, 'missing.sqlite') },
    });
    expect(badErp.ok).toBe(false);
    expect(badErp.message).toMatch(/missing\.sqlite/);
    const ip = await app.api.testInfoplusConnection({});
    expect(ip.ok).toBe(true);
    expect(ip.linesOfBusiness).toEqual([{ id: 1, name: 'Demo Company' }]);
    expect(ip.warehouses).toEqual([
      { id: 1, name: 'Main Warehouse' },
      { id: 2, name: 'East Warehouse' },
    ]);
    const badKey = await app.api.testInfoplusConnection({ apiKey: 'wrong-key-123' });
    expect(badKey.ok).toBe(false);
    expect(badKey.message).not.toContain('wrong-key-123');
  });

  it('previews a mapping and dry-runs without writing', async () => {
    const preview = await app.api.previewMapping({ touchpoint: 'orders', limit: 2 });
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]?.infoplus).toMatchObject({ customerOrderNo: expect.stringMatching(/^SO-/) });
    const report = await app.api.dryRun({ touchpoints: ['items', 'orders'] });
    expect(report.touchpoints.map((t) => t.touchpoint)).toEqual(['items', 'orders']);
    expect(report.touchpoints.find((t) => t.touchpoint === 'orders')?.records).toBe(12);
    expect(app.demo?.simulator.state.count('order')).toBe(0);
  });

  it('runs now in the background, parks a bad record in the inbox, and lets it be retried and skipped', async () => {
    const erp = await openErp(app.demo!.erpConfig);
    await erp.execute(
      `UPDATE sales_order_lines SET sku = 'NO-SUCH-SKU' WHERE order_id = (SELECT MIN(order_id) FROM sales_orders)`,
    );
    await erp.close();
    const ordersDone = next('run-finished', (r) => r.touchpoint === 'orders');
    const { runIds } = await app.api.runNow({ touchpoints: ['vendors', 'items', 'asns', 'orders'] });
    expect(runIds.length).toBeGreaterThanOrEqual(1);
    const orders = await ordersDone;
    expect(orders.counts).toMatchObject({ created: 11, failed: 1 });
    expect(orders.status).toBe('partial');

    const runs = await app.api.listRuns({});
    expect(runs.map((r) => r.touchpoint).sort()).toEqual(['asns', 'items', 'orders', 'vendors']);
    expect(runs.map((r) => r.id)).toContain(runIds[0]);
    const records = await app.api.getRunRecords({ runId: orders.id });
    expect(records.filter((r) => r.action === 'failed')).toHaveLength(1);
    await expect(app.api.getRunRecords({ runId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });

    const inbox = await app.api.listInbox({ touchpoint: 'orders' });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.touchpoint).toBe('orders');
    expect(['open', 'retrying']).toContain(inbox[0]?.status);
    expect((await app.api.getStatus({})).openErrors).toBe(1);
    expect(seen.some((s) => s.event === 'inbox-changed')).toBe(true);

    const retryDone = next('run-finished', (r) => r.touchpoint === 'orders');
    expect(await app.api.retryInbox({ ids: [inbox[0]!.id] })).toEqual({ retried: 1 });
    const retry = await retryDone;
    expect(retry.counts.failed).toBe(1);

    expect(await app.api.skipInbox({ ids: [inbox[0]!.id] })).toEqual({ skipped: 1 });
    expect(await app.api.listInbox({ status: 'skipped' })).toHaveLength(1);
    expect((await app.api.getStatus({})).openErrors).toBe(0);
    for (const e of ['run-started', 'run-finished', 'status', 'log'] as const) {
      expect(seen.some((s) => s.event === e)).toBe(true);
    }
  });

  it('shows the request rate to Infoplus (the demo simulator runs at its fixed rate)', async () => {
    const status = await app.api.getStatus({});
    expect(status.rate).toMatchObject({ mode: 'fixed', requestsPerSecond: 100, live: true });
    expect(status.rate?.latencyMs).not.toBeNull();
  });

  it('pulls, shows the cursor, and moves it back on "re-pull since"', async () => {
    app.demo!.simulator.warehouse.shipOrders({ partialShare: 0 });
    const done = next('run-finished', (r) => r.touchpoint === 'shipments');
    await app.api.runNow({ touchpoints: ['shipments'] });
    const shipped = await done;
    expect(shipped.counts.pulled).toBeGreaterThan(0);
    // The drill-down names the ERP order each shipment was written to, not only the Infoplus id.
    const written = (await app.api.getRunRecords({ runId: shipped.id })).filter(
      (r) => r.action === 'written',
    );
    expect(written.length).toBeGreaterThan(0);
    for (const r of written) expect(r.message).toMatch(/^Written to ERP orders? \S+/);
    const erpOrders = await openErp(app.demo!.erpConfig);
    try {
      const known = new Set<string>();
      for await (const row of erpOrders.stream('SELECT order_no FROM sales_orders', {}, { name: 'test' }))
        known.add(String((row as { order_no: unknown }).order_no));
      const named = written[0]!.message!.replace(/^Written to ERP orders? /, '').split(', ');
      for (const n of named) expect(known).toContain(n);
    } finally {
      await erpOrders.close();
    }
    const before = (await app.api.getStatus({})).touchpoints.find((t) => t.name === 'shipments');
    expect(before?.cursor).toBeTruthy();
    const since = new Date(Date.now() - 24 * 3600_000).toISOString();
    const after = await app.api.resetCursor({ touchpoint: 'shipments', since });
    expect(after.touchpoints.find((t) => t.name === 'shipments')?.cursor).not.toEqual(before?.cursor);
    await expect(app.api.resetCursor({ touchpoint: 'orders', since })).rejects.toMatchObject({
      code: 'invalid-touchpoint',
    });
  });

  it('the demo verification notices what does not agree', async () => {
    const erp = await openErp(app.demo!.erpConfig);
    try {
      const checks = await verifyDemo(erp, app.demo!.simulator);
      const byTp = Object.fromEntries(checks.map((c) => [c.touchpoint, c]));
      // The order with the unknown SKU never reached Infoplus.
      expect(byTp.orders).toMatchObject({
        ok: false,
        message: expect.stringMatching(/1 missing in Infoplus \(SO-/),
      });
      expect(byTp.shipments?.ok).toBe(true);
      expect(byTp.vendors?.ok).toBe(true);
      await erp.execute(
        'DELETE FROM erp_shipments WHERE infoplus_shipment_id = (SELECT MIN(infoplus_shipment_id) FROM erp_shipments)',
      );
      const after = await verifyDemo(erp, app.demo!.simulator);
      expect(after.find((c) => c.touchpoint === 'shipments')).toMatchObject({
        ok: false,
        message: expect.stringMatching(/1 not written back/),
      });
    } finally {
      await erp.close();
    }
  });

  it('pauses and resumes schedules', async () => {
    const paused = await app.api.pause({});
    expect(paused.paused).toBe(true);
    expect(paused.touchpoints.every((t) => t.nextRunAt === null)).toBe(true);
    const resumed = await app.api.resume({});
    expect(resumed.paused).toBe(false);
    expect(resumed.touchpoints.find((t) => t.name === 'orders')?.nextRunAt).not.toBeNull();
  });

  it('saves valid settings, refuses invalid ones, and keeps secrets out of every answer and log', async () => {
    const saved = await app.api.saveSettings({
      schedules: { orders: { enabled: true, intervalMinutes: 7 } },
      quietHours: { start: '22:00', end: '06:00' },
      secrets: { erpPassword: 'erp-pass-4711' },
    });
    expect(saved.schedules.orders).toEqual({ enabled: true, intervalMinutes: 7 });
    expect(saved.quietHours).toEqual({ start: '22:00', end: '06:00' });
    expect((await app.api.getStatus({})).touchpoints.find((t) => t.name === 'orders')?.schedule).toBe(
      'every 7 minutes',
    );
    await expect(
      app.api.saveSettings({ schedules: { items: { enabled: true, cron: 'every day' } } }),
    ).rejects.toMatchObject({ code: 'invalid-settings', details: { field: 'schedules.items.cron' } });
    expect((await app.api.getSettings({})).schedules.items).toEqual({ enabled: true, intervalMinutes: 30 });
    const stored = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(stored).toContain('"intervalMinutes": 7');
    expect(stored).not.toContain('erp-pass-4711');
    expect(JSON.stringify(await app.api.getSettings({}))).not.toContain('erp-pass-4711');
    app.logging.logger('test').info({ password: 'erp-pass-4711' }, 'the password is erp-pass-4711');
    expect((await app.api.exportLogs({})).jsonl).not.toContain('erp-pass-4711');
  });

  it('edits the profile: refuses invalid text (keeping a draft), saves valid text', async () => {
    const doc = await app.api.getProfile({});
    expect(doc.path).toBe(join(dir, 'demo-profile.yaml'));
    expect(doc.problems).toEqual([]);
    const broken = doc.text.replace('key: order_no', 'key: 42\n    bogus: true');
    await expect(app.api.saveProfile({ text: broken })).rejects.toMatchObject({
      code: 'invalid-profile',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ path: expect.stringContaining('orders') }),
        ]),
      },
    });
    expect(await readFile(doc.path!, 'utf8')).toBe(doc.text);
    expect(await readFile(join(dir, 'profile-draft.yaml'), 'utf8')).toBe(broken);
    const renamed = doc.text.replace(/^name: .*$/m, 'name: Renamed demo');
    const saved = await app.api.saveProfile({ text: renamed });
    expect(saved.text).toContain('Renamed demo');
    expect((await app.api.getStatus({})).configured).toBe(true);
  });

  it('checks unsaved profile text without saving it: a wrong key column is an error, a good profile passes', async () => {
    const doc = await app.api.getProfile({});
    const wrongKey = doc.text.replace('key: order_no', 'key: order_number');
    const found = await app.api.checkProfileText({ text: wrongKey });
    expect(found.ok).toBe(false);
    expect(found.problems).toContainEqual(
      expect.objectContaining({
        path: 'touchpoints.orders.key',
        severity: 'error',
        message: expect.stringContaining('order_number'),
      }),
    );
    expect(await readFile(doc.path!, 'utf8')).toBe(doc.text);
    const invalid = await app.api.checkProfileText({
      text: doc.text.replace(/^version:.*$/m, 'version: 99'),
    });
    expect(invalid.ok).toBe(false);
    expect(invalid.problems[0]).toMatchObject({ path: 'version', severity: 'error' });
    const good = await app.api.checkProfileText({ text: doc.text });
    expect(good).toMatchObject({ ok: true, problems: [] });
    expect(good.notes.join('\n')).toMatch(/orders: queries ran/);
  });

  it('maps one record by unsaved profile text: columns to pick, required fields, problems with their path', async () => {
    const doc = await app.api.getProfile({});
    const preview = await app.api.previewProfileText({ text: doc.text, touchpoint: 'orders' });
    expect(preview.problems).toEqual([]);
    expect(preview.columns).toEqual(expect.arrayContaining(['order_no', 'order_date', 'customer_no']));
    expect(preview.lineColumns).toEqual(expect.arrayContaining(['sku']));
    expect(preview.fields).toContainEqual(expect.objectContaining({ name: 'orderDate', required: true }));
    expect(preview.fields).toContainEqual(
      expect.objectContaining({ name: 'lobId', required: true, fromDefaults: true }),
    );
    expect(preview.linesField).toBe('lineItems');
    expect(preview.lineFields).toContainEqual(expect.objectContaining({ name: 'sku', required: true }));
    expect(preview.record?.infoplus).toMatchObject({ customerOrderNo: preview.record?.recordKey });

    // an edit not saved: the preview follows the text, the profile in use does not change
    const edited = doc.text.replace(/billToCity: bill_city/, 'billToCity: ship_to_city');
    expect(edited).not.toBe(doc.text);
    const after = await app.api.previewProfileText({ text: edited, touchpoint: 'orders' });
    expect(after.record?.erp['ship_to_city']).toBeTruthy();
    expect((after.record?.infoplus as { billToCity?: unknown }).billToCity).toBe(
      after.record?.erp['ship_to_city'],
    );
    expect(await readFile(doc.path!, 'utf8')).toBe(doc.text);

    // a column the query does not return: an error that names the field and the column
    const wrong = doc.text.replace(/billToStreet: bill_street$/m, 'billToStreet: bill_road');
    expect(wrong).not.toBe(doc.text);
    const bad = await app.api.previewProfileText({ text: wrong, touchpoint: 'orders' });
    expect(bad.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/billToStreet.*bill_road/),
      }),
    );
    const invalid = await app.api.previewProfileText({
      text: doc.text.replace(/^version:.*$/m, 'version: 99'),
      touchpoint: 'orders',
    });
    expect(invalid.problems[0]).toMatchObject({ path: 'version', severity: 'error' });
    expect(invalid.record).toBeNull();
  });

  it('fires scheduled runs on time through the scheduler port', async () => {
    const orders = (await app.api.getStatus({})).touchpoints.find((t) => t.name === 'orders');
    expect(orders?.schedule).toBe('every 7 minutes');
    const due = new Date(orders!.nextRunAt!);
    const done = next('run-finished', (r) => r.touchpoint === 'orders' && r.trigger === 'schedule');
    port.set(due);
    expect((await done).status).toBe('succeeded');
    const after = await app.api.getStatus({});
    expect(after.touchpoints.find((t) => t.name === 'orders')?.nextRunAt).toBe(
      new Date(due.getTime() + 7 * 60_000).toISOString(),
    );
    expect(after.alerts).toEqual([]);
  });

  it('holds scheduled runs in quiet hours but lets a manual run through with a warning', async () => {
    const hhmm = (d: Date): string =>
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const now = port.now();
    const end = new Date(now.getTime() + 60 * 60_000);
    await app.api.saveSettings({ quietHours: { start: hhmm(now), end: hhmm(end) } });
    const orders = (await app.api.getStatus({})).touchpoints.find((t) => t.name === 'orders');
    const quietEnd = new Date(end);
    quietEnd.setSeconds(0, 0);
    expect(orders?.nextRunAt).toBe(quietEnd.toISOString());
    const done = next('run-finished', (r) => r.touchpoint === 'vendors');
    await app.api.runNow({ touchpoints: ['vendors'] });
    expect((await done).status).toBe('succeeded');
    expect((await app.api.getLogs({ level: 'warn', search: 'quiet hours' })).length).toBeGreaterThan(0);
    await app.api.saveSettings({ quietHours: null });
  });

  it('serves recent logs with level and search filters, and exports them', async () => {
    const info = await app.api.getLogs({ level: 'info', search: 'run finished' });
    expect(info.length).toBeGreaterThan(0);
    expect(info.every((e) => e.level !== 'debug' && e.module === 'engine')).toBe(true);
    const exported = await app.api.exportLogs({});
    expect(exported.fileName).toMatch(/^infoplus-sync-logs-.*\.jsonl$/);
    const lines = exported.jsonl.trim().split('\n');
    expect(() => lines.map((l) => JSON.parse(l) as unknown)).not.toThrow();
    expect(existsSync(join(dir, 'logs', 'sync.log'))).toBe(true);
  });
});

describe('createApp with unusable settings', () => {
  it('rejects with a clear error and leaves the settings file alone', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'create-app-bad-'));
    try {
      await writeFile(
        join(bad, 'settings.json'),
        '{"version": 2, "quietHours": {"start": "25:00", "end": "06:00"}}',
      );
      await expect(createApp({ dataDir: bad, env: {}, secretStore: memorySecretStore() })).rejects.toThrow(
        /quietHours\.start: use HH:MM/,
      );
      expect(await readFile(join(bad, 'settings.json'), 'utf8')).toContain('25:00');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
