import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import { checkProfileFile } from '../../../src/check/check-profile.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';

// check against a real (simulated) Infoplus and a real SQLite ERP
describe('check with both connections', () => {
  let dir: string;
  let sim: InfoplusSimulator;
  const profileWith = (name: string, edit: (t: string) => string = (t) => t): string => {
    const file = join(dir, name);
    writeFileSync(
      file,
      edit(sampleProfileText('sqlite', { erpUrl: 'erp.sqlite', infoplusBaseUrl: sim.baseUrl })),
    );
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'check-profile-'));
    sim = await startSimulator({ apiKey: 'check-key' });
    const erp = await openErp({ driver: 'sqlite', url: join(dir, 'erp.sqlite'), createIfMissing: true });
    await createSampleErp(erp, { orders: 10 });
    await erp.close();
  });

  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes for the sample profile, resolving the SQLite path next to the profile', async () => {
    const report = await checkProfileFile(profileWith('ok.yaml'), { env: { INFOPLUS_API_KEY: 'check-key' } });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.notes.join('\n')).toMatch(/Infoplus: Connected/);
    // the setup check offers Infoplus's duplicate-order rejection as a second guard (user voices #2)
    expect(report.notes.join('\n')).toMatch(/duplicate customerOrderNo/);
  });

  it('names a line of business and a warehouse the key cannot see', async () => {
    const file = profileWith('lob.yaml', (t) =>
      t.replace('lobId: 1\n', 'lobId: 42\n').replace('warehouseId: 1\n', 'warehouseId: 43\n'),
    );
    const report = await checkProfileFile(file, { env: { INFOPLUS_API_KEY: 'check-key' } });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.path).sort()).toEqual(['infoplus.lobId', 'infoplus.warehouseId']);
    expect(report.problems[0]?.message).toMatch(/not visible to this API key \(it sees: 1 /);
  });

  it('reports a wrong API key without showing it', async () => {
    const report = await checkProfileFile(profileWith('key.yaml'), {
      env: { INFOPLUS_API_KEY: 'wrong-key-123' },
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'connections.infoplus', severity: 'error' }),
    ]);
    expect(JSON.stringify(report)).not.toContain('wrong-key-123');
  });

  it('reports a missing ERP database as a connection problem', async () => {
    const file = profileWith('erp.yaml', (t) => t.replace('url: erp.sqlite', 'url: missing.sqlite'));
    const report = await checkProfileFile(file, { env: { INFOPLUS_API_KEY: 'check-key' } });
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'connections.erp', message: expect.stringMatching(/missing\.sqlite/) }),
    ]);
  });

  it('names a fingerprint column the header query does not return', async () => {
    const edit = (t: string): string => {
      const at = t.lastIndexOf('column: updated_at'); // the orders touchpoint comes last
      return `${t.slice(0, at)}column: updated_at\n      fingerprint: row_version${t.slice(at + 'column: updated_at'.length)}`;
    };
    const report = await checkProfileFile(profileWith('fp.yaml', edit), {
      env: { INFOPLUS_API_KEY: 'check-key' },
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        path: 'touchpoints.orders.changeDetection.fingerprint',
        message: expect.stringMatching(/column "row_version" is not in the result/),
      }),
    ]);
  });

  it('names a cancelWhen column the header query does not return, and a var no statement uses', async () => {
    const edit = (t: string): string =>
      `vars: { entity: 1 }\n${t.replace('    key: order_no\n', `    key: order_no\n    cancelWhen: "erp_status = 'Cancelled'"\n`)}`;
    const report = await checkProfileFile(profileWith('cancel.yaml', edit), {
      env: { INFOPLUS_API_KEY: 'check-key' },
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'vars.entity', severity: 'warning' }),
      expect.objectContaining({
        path: 'touchpoints.orders.cancelWhen',
        severity: 'error',
        message: expect.stringMatching(/column "erp_status" is not in the header query's result/),
      }),
    ]);
  });

  it('names a fingerprints query that lacks the fingerprint column', async () => {
    const edit = (t: string): string => {
      const at = t.lastIndexOf('column: updated_at'); // the orders touchpoint comes last
      const withFp = `${t.slice(0, at)}column: updated_at\n      fingerprint: updated_at${t.slice(at + 'column: updated_at'.length)}`;
      const hb = withFp.lastIndexOf('headerByKeys:');
      return `${withFp.slice(0, hb)}fingerprints: SELECT order_no, created_at FROM sales_orders\n      ${withFp.slice(hb)}`;
    };
    const report = await checkProfileFile(profileWith('fpq.yaml', edit), {
      env: { INFOPLUS_API_KEY: 'check-key' },
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        path: 'touchpoints.orders.source.fingerprints',
        message: expect.stringMatching(/column "updated_at" is not in the result of source.fingerprints/),
      }),
    ]);
  });

  it('lists ERP records that map to one Infoplus key, and an empty key, as the run would park them', async () => {
    const file = join(dir, 'erp-keys.sqlite');
    const erp = await openErp({ driver: 'sqlite', url: file, createIfMissing: true });
    try {
      await createSampleErp(erp, { orders: 3 });
      for (const no of ['SO-DUP', 'SO-DUP ', '']) {
        await erp.execute(
          `INSERT INTO sales_orders (order_no, customer_id, order_date, status, created_at, updated_at)
           SELECT @no, customer_id, order_date, 'Open', created_at, updated_at FROM sales_orders LIMIT 1`,
          { no },
        );
      }
    } finally {
      await erp.close();
    }
    const report = await checkProfileFile(
      profileWith('keys.yaml', (t) => t.replaceAll('erp.sqlite', 'erp-keys.sqlite')),
      { env: { INFOPLUS_API_KEY: 'check-key' } },
    );
    const keyProblems = report.problems.filter((p) => p.path === 'touchpoints.orders.fields.customerOrderNo');
    expect(keyProblems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /key collision: ERP records "SO-DUP" and "SO-DUP " all become Infoplus key "SO-DUP"/,
      ),
    ]);
    // the empty key is among the sampled records: listed once, by the sample
    const refused = report.problems.filter((p) => /customerOrderNo is empty/.test(p.message));
    expect(refused).toEqual([
      expect.objectContaining({
        path: 'touchpoints.orders.fields',
        message: expect.stringMatching(
          /record "" would be refused: .*customerOrderNo: customerOrderNo is empty/,
        ),
      }),
    ]);
    // data problems: listed, but the profile itself passes
    expect([...keyProblems, ...refused].every((p) => p.severity === 'warning')).toBe(true);
    // whatever the sample size, the key probe (which reads every record) and the sample name it exactly once
    const small = await checkProfileFile(
      profileWith('keys.yaml', (t) => t.replaceAll('erp.sqlite', 'erp-keys.sqlite')),
      { env: { INFOPLUS_API_KEY: 'check-key' }, sample: 1, skipInfoplus: true },
    );
    expect(small.problems.filter((p) => /customerOrderNo is empty/.test(p.message))).toHaveLength(1);
  });

  it('lists every sampled record Infoplus would refuse, not only the first; --sample bounds the sample', async () => {
    const file = join(dir, 'erp-bad.sqlite');
    const erp = await openErp({ driver: 'sqlite', url: file, createIfMissing: true });
    try {
      await createSampleErp(erp, { orders: 3 });
      // SQLite keeps what it is given: a 25-character SKU, a SKU with characters Infoplus refuses, 2.5 units
      for (const sku of ['Y'.repeat(25), 'ab c!']) {
        await erp.execute(
          `INSERT INTO items (sku, description, unit_price, weight_lbs, upc, vendor_no, active, updated_at)
           SELECT @sku, description, unit_price, weight_lbs, upc, vendor_no, active, updated_at FROM items LIMIT 1`,
          { sku },
        );
      }
      await erp.execute(
        'UPDATE sales_order_lines SET qty = 2.5 WHERE line_id = (SELECT MAX(line_id) FROM sales_order_lines)',
      );
    } finally {
      await erp.close();
    }
    const bad = profileWith('bad.yaml', (t) => t.replaceAll('erp.sqlite', 'erp-bad.sqlite'));
    const env = { INFOPLUS_API_KEY: 'check-key' };
    const report = await checkProfileFile(bad, { env, sample: 'all' });
    const refused = report.problems.filter((p) => /would be refused/.test(p.message)).map((p) => p.message);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/record "Y{25}" would be refused: sku: value is 25 characters/),
        expect.stringMatching(
          /record "ab c!" would be refused: sku: SKU "AB C!" has characters Infoplus refuses/,
        ),
        expect.stringMatching(/lineItems\[\d+\]\.orderedQty: 2\.5 is not a whole number/),
      ]),
    );
    expect(refused).toHaveLength(3);
    expect(report.notes.join('\n')).toMatch(/items: queries ran; \d+ record\(s\) mapped, 2 would be refused/);
    // data problems: each is listed, but the profile itself passes
    expect(report.ok).toBe(true);

    const one = await checkProfileFile(bad, { env, sample: 1, skipInfoplus: true });
    expect(one.notes.join('\n')).toMatch(/items: queries ran; 1 record\(s\) mapped/);
  });
});
