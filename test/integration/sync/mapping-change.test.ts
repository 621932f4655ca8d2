// A changed mapping reaches records already synced (issue 11 point 1): the next push compares every record by
// content whatever the change detection (watermark too), updates only those whose payload changed, costs no
// Infoplus write for the rest, and retries records parked for a rule the profile decides. `full` re-reads on demand.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ErpConnection } from '../../../src/erp/types.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';

describe('sync engine: a changed mapping is compared, not ignored', () => {
  const tmp = tempDir('sync-mapping-change-');
  let erp: ErpConnection;
  let rig: Rig;
  let base: string;

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 3, dataDir: join(tmp.dir, 'state') });
    base = sampleProfileText('sqlite', { erpUrl: 'unused', infoplusBaseUrl: rig.sim.baseUrl });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  /** The sample profile as a plain document, to edit. */
  type Doc = {
    lookups: Record<string, { values: Record<string, unknown> }>;
    touchpoints: Record<string, { fields: Record<string, Record<string, unknown>> }>;
  };
  /** An engine over the rig's state and connections, with the sample profile changed by `edit`. */
  const engineWith = (...edits: ((doc: Doc) => void)[]): SyncEngine => {
    const doc = parse(base) as Doc;
    for (const edit of edits) edit(doc);
    return new SyncEngine({
      erp,
      infoplus: rig.client,
      profile: parseProfile(stringify(doc)),
      store: rig.store,
      logger: quietLogger,
      // the sample's rows lie minutes apart: a short overlap lets the watermark leave them behind
      options: { retryBaseMs: 0, retryMaxMs: 0, watermarkOverlapMs: 1000 },
    });
  };
  const critical5 = (d: Doc): void => {
    d.touchpoints['items']!.fields['criticalAmount'] = { const: 5 };
  };
  const knowStatus2 = (d: Doc): void => {
    d.lookups['itemStatus']!.values['2'] = 'Inactive';
  };
  const sample = (): SyncEngine => engineWith();
  const writes = (): number => rig.sim.stats().writes;
  const items = (): Record<string, unknown>[] => rig.sim.state.list('item');

  it('watermark mode: a changed field mapping updates every synced item, then nothing more', async () => {
    const first = await sample().runTouchpoint('items', { trigger: 'manual' });
    expect(first.counts).toMatchObject({ created: 10, failed: 0 });
    // the incremental read of a second run sees only the newest row again
    const second = await sample().runTouchpoint('items', { trigger: 'manual' });
    expect(second.counts).toMatchObject({ updated: 0, unchanged: 1 });

    const changed = engineWith(critical5);
    const run = await changed.runTouchpoint('items', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 10, failed: 0 });
    expect(items().map((i) => i['criticalAmount'])).toEqual(Array(10).fill(5));

    rig.sim.resetStats();
    const again = await changed.runTouchpoint('items', { trigger: 'manual' });
    expect(again.counts).toMatchObject({ updated: 0, created: 0 });
    expect(writes()).toBe(0);
  });

  it('a change that alters no payload is compared at no Infoplus write', async () => {
    const spare = engineWith(critical5, (d) => {
      d.lookups['spare'] = { values: { a: 'b' } };
    });
    rig.sim.resetStats();
    const run = await spare.runTouchpoint('items', { trigger: 'manual' });
    // every record was read and compared (unchanged), none sent
    expect(run.counts).toMatchObject({ unchanged: 10, updated: 0, created: 0, failed: 0 });
    expect(writes()).toBe(0);
  });

  it('records parked for a rule of the profile are retried when the profile changes, though the watermark moved past them', async () => {
    const insert = (sku: string, active: number, at: string) =>
      erp.execute(
        `INSERT INTO items (sku, description, unit_price, active, qty_adjusted, updated_at)
         VALUES (@sku, 'New item', 2.5, @active, 0, @at)`,
        { sku, active, at },
      );
    // three items with a status code the lookup does not know, then one good item dated later
    for (const sku of ['SKU-NEW-1', 'SKU-NEW-2', 'SKU-NEW-3']) await insert(sku, 2, '2025-06-01 00:00:00');
    await insert('SKU-NEW-4', 1, '2025-07-01 00:00:00');
    const bad = await engineWith(critical5).runTouchpoint('items', { trigger: 'manual' });
    expect(bad.counts).toMatchObject({ created: 1, failed: 3 });
    expect(rig.store.inbox.list({ touchpoint: 'items' }).map((i) => i.category)).toEqual(
      Array(3).fill('erp-data'),
    );

    // the admin teaches the lookup the code: the watermark (2025-07-01) is past the parked items' last change
    const fixed = engineWith(critical5, knowStatus2);
    const run = await fixed.runTouchpoint('items', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 3, failed: 0 });
    expect(rig.store.inbox.list({ touchpoint: 'items' })).toEqual([]);
    expect(items().filter((i) => String(i['sku']).startsWith('SKU-NEW-'))).toHaveLength(4);
  });

  it('hash mode: a vendor parked by a profile rule is sent once the rule is relaxed', async () => {
    await erp.execute(
      `INSERT INTO vendors (vendor_no, name, street, city, state, zip, country, phone, inactive, updated_at)
       VALUES (9001, 'A vendor with a rather long name', 'Main St 1', 'Springfield', 'IL', '62701', 'US', '555-0100', 0, '2025-01-01 00:00:00')`,
    );
    const short = (d: Doc): void => {
      d.touchpoints['vendors']!.fields['name'] = { column: 'name', maxLength: 12 };
    };
    const parked = await engineWith(short).runTouchpoint('vendors', { trigger: 'manual' });
    expect(parked.counts.failed).toBeGreaterThan(0);
    expect(rig.store.inbox.byKey('vendors', '9001')?.status).toBe('open');
    // the same profile again: nothing changed, the record stays parked without a call
    rig.sim.resetStats();
    expect((await engineWith(short).runTouchpoint('vendors', { trigger: 'manual' })).counts.created).toBe(0);
    expect(writes()).toBe(0);

    const relaxed = engineWith((d) => {
      d.touchpoints['vendors']!.fields['name'] = { column: 'name', maxLength: 100 };
    });
    const run = await relaxed.runTouchpoint('vendors', { trigger: 'manual' });
    expect(run.counts.failed).toBe(0);
    expect(rig.store.inbox.byKey('vendors', '9001')?.status).toBe('resolved');
    expect(rig.sim.state.list('vendor').some((v) => v['vendorNo'] === 9001)).toBe(true);
  });

  it('full re-reads everything on demand: an edit the watermark never saw is sent', async () => {
    const engine = engineWith(critical5, knowStatus2);
    expect((await engine.runTouchpoint('items', { trigger: 'manual' })).counts.updated).toBe(0);
    // an edit stamped with an old last-change time (a restored backup, an import)
    await erp.execute(
      `UPDATE items SET description = 'Edited behind the watermark', updated_at = '2001-01-01 00:00:00' WHERE sku = 'SKU-000001'`,
    );
    expect((await engine.runTouchpoint('items', { trigger: 'manual' })).counts.updated).toBe(0);
    rig.sim.resetStats();
    const full = await engine.runTouchpoint('items', { trigger: 'manual', full: true });
    expect(full.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(full.counts.unchanged).toBeGreaterThanOrEqual(13);
    expect(writes()).toBe(1);
    expect(items().find((i) => i['sku'] === 'SKU-000001')?.['itemDescription']).toBe(
      'Edited behind the watermark',
    );
  });
});
