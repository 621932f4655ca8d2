// createOnly: fields sent when Infoplus creates the record and never on an update. An ASN's line quantities
// stay as the warehouse received against them; other changes still reach Infoplus, and nothing re-updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ErpConnection } from '../../../src/erp/types.js';
import type { ProfileError } from '../../../src/profile/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { makeRig, makeTestErp, tempDir, type Rig } from './harness.js';

type Line = { id: number; sku: string; orderQuantity: number };
type Asn = { id: number; poNo: string; remarks?: string; lineItems: Line[] };

const withCreateOnly =
  (list: string) =>
  (text: string): string =>
    text.replace('    key: po_no\n', `    key: po_no\n    createOnly: ${list}\n`);

describe('createOnly: an ASN whose quantities were received against', () => {
  const tmp = tempDir('create-only-');
  let erp: ErpConnection;
  let sim: InfoplusSimulator;
  let rig: Rig;
  const asnOf = (poNo: string): Asn => rig.sim.state.list<Asn>('asn').find((a) => a.poNo === poNo)!;

  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    // Infoplus may take updates of a received ASN (unpublished): the case createOnly exists for
    sim = await startSimulator({ seed: 7, variants: { asnEdits: 'after-receipts' } });
    rig = await makeRig({
      erp,
      sim,
      driver: 'sqlite',
      orders: 2,
      dataDir: join(tmp.dir, 'state'),
      editProfile: withCreateOnly('[lineItems.orderQuantity]'),
    });
    await rig.runs.runAndWait({ trigger: 'manual', touchpoints: ['vendors', 'items', 'asns'] });
  });
  afterAll(async () => {
    await rig.close();
    await sim.close();
    await erp.close();
    tmp.remove();
  });

  it('keeps the received quantities, updates the rest, adds a new line with its quantity, and settles', async () => {
    rig.sim.warehouse.receiveAsns({ share: 1, partialShare: 1 });
    const [po] = await erp.query<{ po_id: number; po_no: string }>(
      'SELECT po_id, po_no FROM purchase_orders ORDER BY po_no LIMIT 1',
    );
    const before = asnOf(po!.po_no);
    const [spare] = await erp.query<{ sku: string }>(
      `SELECT sku FROM items WHERE sku NOT IN (SELECT sku FROM purchase_order_lines WHERE po_id = @id) LIMIT 1`,
      { id: po!.po_id },
    );
    await erp.execute('UPDATE purchase_order_lines SET qty = qty + 5 WHERE po_id = @id', { id: po!.po_id });
    await erp.execute(
      `INSERT INTO purchase_order_lines (po_id, line_no, sku, qty, unit_cost, qty_received) VALUES (@id, 99, @sku, 7, 1.5, 0)`,
      { id: po!.po_id, sku: spare!.sku },
    );
    await erp.execute(
      `UPDATE purchase_orders SET notes = 'call before delivery', updated_at = '2099-01-01 00:00:00' WHERE po_id = @id`,
      { id: po!.po_id },
    );

    const dry = (await rig.engine.dryRun(['asns'])).touchpoints[0]!;
    expect(dry.recordVerdicts!.filter((r) => r.verdict !== 'unchanged')).toEqual([
      { recordKey: po!.po_no, verdict: 'update', changedFields: ['remarks', 'lineItems'] },
    ]);
    const run = await rig.engine.runTouchpoint('asns', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ updated: 1, failed: 0 });
    const after = asnOf(po!.po_no);
    expect(after.remarks).toBe('call before delivery');
    for (const line of before.lineItems) {
      expect(after.lineItems.find((l) => l.id === line.id)?.orderQuantity).toBe(line.orderQuantity);
    }
    expect(after.lineItems.find((l) => l.sku === spare!.sku.toUpperCase())?.orderQuantity).toBe(7);

    // settled: no re-update on the next run, and a quantity-only change is no change to send
    rig.sim.resetStats();
    const again = await rig.engine.runTouchpoint('asns', { trigger: 'manual' });
    expect(again.counts.updated).toBe(0);
    await erp.execute('UPDATE purchase_order_lines SET qty = qty + 1 WHERE po_id = @id', { id: po!.po_id });
    await erp.execute(`UPDATE purchase_orders SET updated_at = '2099-01-02 00:00:00' WHERE po_id = @id`, {
      id: po!.po_id,
    });
    const qtyOnly = await rig.engine.runTouchpoint('asns', { trigger: 'manual' });
    expect(qtyOnly.counts.updated).toBe(0);
    expect(rig.sim.stats().writes).toBe(0);
    const dryAfter = (await rig.engine.dryRun(['asns'])).touchpoints[0]!;
    expect(dryAfter.wouldUpdate + dryAfter.wouldCreate).toBe(0);
  });
});

describe('createOnly names are checked against the touchpoint model', () => {
  const text = sampleProfileText('sqlite', { erpUrl: 'unused', infoplusBaseUrl: 'http://127.0.0.1:1/x' });
  const problems = (list: string): string[] => {
    try {
      parseProfile(withCreateOnly(list)(text));
      return [];
    } catch (e) {
      return (e as ProfileError).problems.map((p) => `${p.path}: ${p.message}`);
    }
  };

  it('accepts header fields, line fields and all lines', () => {
    expect(problems('[remarks, lineItems.orderQuantity]')).toEqual([]);
    expect(problems('[lineItems]')).toEqual([]);
  });

  it('names an unknown field, a line field written without its lines prefix, and the key', () => {
    expect(problems('[orderQty]')).toEqual([
      'touchpoints.asns.createOnly[0]: "orderQty" is not a field of Infoplus Asn; check the spelling (case-sensitive); a line field is written lineItems.<field>',
    ]);
    expect(problems('[lineItems.qty]')).toEqual([
      'touchpoints.asns.createOnly[0]: "qty" is not a field of Infoplus ItemReceipt (the lines of asns); check the spelling (case-sensitive)',
    ]);
    expect(problems('[lines.orderQuantity]')).toEqual([
      'touchpoints.asns.createOnly[0]: "lines.orderQuantity": a line field is written lineItems.<field>, e.g. lineItems.orderQuantity',
    ]);
    expect(problems('[poNo]')).toEqual([
      'touchpoints.asns.createOnly[0]: "poNo" is the record key; it is always sent (Infoplus finds the record by it)',
    ]);
    expect(problems('[lineItems.maxOvers]')).toEqual([
      'touchpoints.asns.createOnly[0]: "lineItems.maxOvers" is not mapped under lines.fields, so it is never sent; map it or remove it here',
    ]);
  });

  it('checks cancelWhen and onCancel: where they apply, and the condition', () => {
    const at = (section: string, extra: string): string[] => {
      try {
        parseProfile(text.replace(`    key: ${section}\n`, `    key: ${section}\n${extra}`));
        return [];
      } catch (e) {
        return (e as ProfileError).problems.map((p) => `${p.path}: ${p.message}`);
      }
    };
    expect(at('order_no', '    cancelWhen: "status = \'X\'"\n    onCancel: delete\n')).toEqual([]);
    expect(at('sku', '    cancelWhen: "status = \'X\'"\n')).toEqual([
      'touchpoints.items.cancelWhen: items cannot be cancelled in Infoplus; cancelWhen is for orders and asns',
    ]);
    expect(at('order_no', '    onCancel: delete\n')).toEqual([
      'touchpoints.orders.onCancel: onCancel needs cancelWhen: the condition that says an ERP record is cancelled',
    ]);
    expect(at('order_no', '    cancelWhen: "status = = 1"\n')[0]).toMatch(
      /^touchpoints.orders.cancelWhen: .* in condition "status = = 1"; e.g. cancelWhen: "status = 'X'"$/,
    );
  });
});
