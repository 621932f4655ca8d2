// Transforms and the stable vendor number map through the real engine, a SQLite sample ERP and the simulator
// (issue 11): vendor codes that are not integers get numbers once, kept across a restart and used by the ASN's
// vendor; a warehouse per record from the tenant's own list; cases x units per case with a rounding policy.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ErpConnection } from '../../../src/erp/types.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { openStateStore } from '../../../src/store/index.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { LookupResolver } from '../../../src/sync/resolver.js';
import { createInfoplusClient } from '../../../src/infoplus/index.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';

describe('sync engine: transforms and stable vendor numbers', () => {
  const tmp = tempDir('sync-transforms-');
  let erp: ErpConnection;
  let rig: Rig;
  let sim: InfoplusSimulator;
  let profileText: string;

  beforeAll(async () => {
    // the simulator's default tenant has Main Warehouse (1) and East Warehouse (2)
    sim = await startSimulator({ seed: 7 });
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 2, dataDir: join(tmp.dir, 'state'), sim });
    // SQLite keeps text in an INTEGER column as text: the ERP's vendor codes, two differing only in case
    for (const [code, name] of [
      ['ACME-01', 'Acme Upper'],
      ['acme-01', 'Acme Lower'],
    ]) {
      await erp.execute(
        `INSERT INTO vendors (vendor_no, name, street, city, state, zip, country, inactive, updated_at)
         VALUES (@code, @name, '1 Road', 'Madison', 'WI', '53703', 'US', 0, '2026-01-01 00:00:00')`,
        { code, name },
      );
    }
    await erp.execute('ALTER TABLE purchase_orders ADD COLUMN wh TEXT');
    await erp.execute('ALTER TABLE purchase_order_lines ADD COLUMN per_case TEXT');
    const pos = await erp.query('SELECT po_no FROM purchase_orders ORDER BY po_no');
    expect(pos.length).toBeGreaterThanOrEqual(2);
    await erp.execute(
      `UPDATE purchase_orders SET vendor_no = 'acme-01', wh = 'east warehouse' WHERE po_no = @po`,
      {
        po: String(pos[0]!['po_no']),
      },
    );
    await erp.execute(`UPDATE purchase_orders SET wh = 'Main Warehouse' WHERE po_no <> @po`, {
      po: String(pos[0]!['po_no']),
    });
    await erp.execute(`UPDATE purchase_order_lines SET qty = 2, per_case = '1.25'`);

    const doc = parse(sampleProfileText('sqlite', { erpUrl: 'unused', infoplusBaseUrl: sim.baseUrl })) as {
      lookups: Record<string, unknown>;
      touchpoints: Record<
        string,
        { fields: Record<string, unknown>; lines: { fields: Record<string, unknown> } } & Record<
          string,
          unknown
        >
      >;
    };
    doc.lookups['warehouses'] = { fromTenant: 'warehouses' };
    doc.touchpoints['vendors']!.fields['vendorNo'] = { column: 'vendor_no', resolve: 'vendorNumber' };
    const asns = doc.touchpoints['asns']!;
    asns['changeDetection'] = { mode: 'hash' };
    asns['source'] = {
      header:
        'SELECT p.po_no, p.vendor_no, p.order_date, p.notes, p.infoplus_asn_id, p.wh FROM purchase_orders p ORDER BY p.po_no',
      lines:
        'SELECT p.po_no, l.line_no, l.sku, l.qty, l.per_case, l.unit_cost FROM purchase_order_lines l ' +
        'JOIN purchase_orders p ON p.po_id = l.po_id WHERE p.po_no IN (@keys) ORDER BY p.po_no, l.line_no',
    };
    asns.fields['warehouseId'] = { column: 'wh', lookup: 'warehouses' };
    asns.lines.fields['orderQuantity'] = {
      column: 'qty',
      type: 'int',
      multiplyBy: 'per_case',
      fractional: 'round',
    };
    profileText = stringify(doc);
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    await sim.close();
    tmp.remove();
  });

  const engine = (): SyncEngine =>
    new SyncEngine({
      erp,
      infoplus: rig.client,
      profile: parseProfile(profileText),
      store: rig.store,
      logger: quietLogger,
      options: { retryBaseMs: 0, retryMaxMs: 0 },
    });
  const vendorNoOf = (name: string): unknown =>
    sim.state.list('vendor').find((v) => v['name'] === name)?.['vendorNo'];

  it('gives each non-integer vendor code its own number, distinct by case, and keeps plain numbers', async () => {
    const run = await engine().runTouchpoint('vendors', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ failed: 0 });
    const upper = vendorNoOf('Acme Upper');
    const lower = vendorNoOf('Acme Lower');
    expect(typeof upper).toBe('number');
    expect(typeof lower).toBe('number');
    expect(upper).not.toBe(lower);
    expect(upper as number).toBeGreaterThanOrEqual(1_000_000);
    // the sample's integer vendor numbers are sent as they are
    expect(
      sim.state.list('vendor').filter((v) => (v['vendorNo'] as number) < 1_000_000).length,
    ).toBeGreaterThan(0);
    expect(
      rig.store.vendorNumbers
        .list()
        .map((v) => v.erpCode)
        .sort(),
    ).toEqual(['ACME-01', 'acme-01']);
  });

  it('after a restart the numbers are the same, nothing is re-sent, and a new code gets a new number', async () => {
    const before = rig.store.vendorNumbers.list();
    rig.store.close();
    rig.store = openStateStore(rig.dataDir);
    expect(rig.store.vendorNumbers.list()).toEqual(before);
    rig.sim.resetStats();
    const again = await engine().runTouchpoint('vendors', { trigger: 'manual' });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(rig.sim.stats().writes).toBe(0);

    await erp.execute(
      `INSERT INTO vendors (vendor_no, name, street, city, state, zip, country, inactive, updated_at)
       VALUES ('Acme-01', 'Acme Mixed', '1 Road', 'Madison', 'WI', '53703', 'US', 0, '2026-01-02 00:00:00')`,
    );
    const third = await engine().runTouchpoint('vendors', { trigger: 'manual' });
    expect(third.counts).toMatchObject({ created: 1, failed: 0 });
    const numbers = rig.store.vendorNumbers.list().map((v) => v.number);
    expect(new Set(numbers).size).toBe(3);
    expect(vendorNoOf('Acme Mixed')).toBe(Math.max(...numbers));
    expect(rig.store.vendorNumbers.list().slice(0, 2)).toEqual(before);
  });

  it("an ASN names the vendor its code maps to, the warehouse from the tenant's list, and converted quantities", async () => {
    await engine().runTouchpoint('items', { trigger: 'manual' });
    const run = await engine().runTouchpoint('asns', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ failed: 0 });
    const acmeLower = sim.state.list('vendor').find((v) => v['name'] === 'Acme Lower')!;
    const [first, ...rest] = (await erp.query('SELECT po_no FROM purchase_orders ORDER BY po_no')).map((r) =>
      String(r['po_no']),
    );
    const asn = (po: string) => sim.state.list('asn').find((a) => a['poNo'] === po)!;
    expect(asn(first!)).toMatchObject({ vendorId: acmeLower['id'], warehouseId: 2 });
    for (const po of rest) expect(asn(po).warehouseId).toBe(1);
    // 2 cases x 1.25 = 2.5 units, rounded half away from zero
    const lines = sim.state.list('itemReceipt').filter((l) => l['poNoId'] === asn(first!)['id']);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l['orderQuantity']).toBe(3);
  });

  it("a warehouse code that is not in the tenant's list parks the ASN, naming the code and the record", async () => {
    const [first] = (await erp.query('SELECT po_no FROM purchase_orders ORDER BY po_no')).map((r) =>
      String(r['po_no']),
    );
    await erp.execute(`UPDATE purchase_orders SET wh = 'WEST' WHERE po_no = @po`, { po: first });
    const run = await engine().runTouchpoint('asns', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ failed: 1 });
    const parked = rig.store.inbox.list({}).find((f) => f.recordKey === first);
    expect(parked?.message).toContain(first);
    expect(parked?.message).toMatch(/warehouse "WEST" is not in the tenant's warehouses/);
  });

  it('loads a tenant list once per run, also when it cannot be read, and says why', async () => {
    const badKey = createInfoplusClient({
      baseUrl: sim.baseUrl,
      apiKey: 'not-the-key',
      retryBaseMs: 1,
      maxRetryDelayMs: 5,
    });
    try {
      const resolver = new LookupResolver(badKey, rig.store, 1);
      rig.sim.resetStats();
      await resolver.prefetch([{ kind: 'tenantList', value: 'warehouses' }]);
      const firstTry = rig.sim.stats().requests;
      expect(firstTry).toBeGreaterThan(0);
      // the next records of the run do not ask again
      for (let i = 0; i < 4; i++) await resolver.prefetch([{ kind: 'tenantList', value: 'warehouses' }]);
      expect(rig.sim.stats().requests).toBe(firstTry);
      const failed = resolver.tenantList('warehouses');
      expect(typeof failed).toBe('string');
      expect(failed).not.toContain('not-the-key');
      const asked = rig.sim.stats().requests;

      const good = new LookupResolver(rig.client, rig.store, 1);
      for (let i = 0; i < 5; i++) await good.prefetch([{ kind: 'tenantList', value: 'warehouses' }]);
      expect(good.tenantList('warehouses')).toEqual([
        { id: 1, names: ['Main Warehouse'] },
        { id: 2, names: ['East Warehouse'] },
      ]);
      // the good one read its list once (one page)
      expect(rig.sim.stats().requests - asked).toBe(1);
    } finally {
      badKey.close();
    }
  });
});
