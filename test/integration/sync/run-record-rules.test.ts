// The run applies Infoplus's record rules before sending (SKU characters and length): a record Infoplus would
// refuse is parked by the run itself, with the words the dry run used, and no request is made for it.
import { describe, expect, it } from 'vitest';
import { pushedSqliteRig } from './harness.js';

describe('the run parks a record Infoplus would refuse, as the dry run predicted', () => {
  const ctx = pushedSqliteRig('run-record-rules-', 3);

  it('an item with a SKU character Infoplus refuses: parked with its key and the fix, never sent', async () => {
    const rig = ctx.rig();
    const erp = ctx.erp();
    const copy = (sku: string): string =>
      `INSERT INTO items (sku, description, unit_price, weight_lbs, upc, vendor_no, active, updated_at)
       SELECT '${sku}', description, unit_price, weight_lbs, upc, vendor_no, active, '2099-01-01 00:00:00'
       FROM items LIMIT 1`;
    await erp.execute(copy('bad sku!'));
    await erp.execute(copy('GOOD-NEW-1'));

    const dry = (await rig.engine.dryRun(['items'])).touchpoints[0]!;
    const predicted = dry.recordVerdicts!.find((r) => r.recordKey === 'bad sku!');
    expect(predicted).toEqual({
      recordKey: 'bad sku!',
      verdict: 'refused',
      reason: expect.stringMatching(/^item bad sku!: sku: SKU "BAD SKU!" has characters Infoplus refuses/),
    });
    expect(dry.recordVerdicts!.find((r) => r.recordKey === 'GOOD-NEW-1')?.verdict).toBe('create');

    rig.sim.resetStats();
    const run = await rig.engine.runTouchpoint('items', { trigger: 'manual' });
    expect(run.counts).toMatchObject({ created: 1, failed: 1 });
    const [parked] = rig.store.inbox.list({ touchpoint: 'items' });
    expect(parked).toMatchObject({
      recordKey: 'bad sku!',
      category: 'erp-data',
      fixBy: 'erp-user',
      message: predicted!.reason,
    });
    expect(parked!.hint).toMatch(/correct sku of this record in the ERP.*Nothing was sent to Infoplus/);
    // one create (the good item), no refused request: the bad one never left the agent
    const routes = rig.sim.stats().byRoute;
    expect(routes['POST item']).toBe(1);
    expect(Object.keys(routes).filter((r) => r.includes('error'))).toEqual([]);
    expect(rig.sim.state.list<{ sku: string }>('item').some((i) => i.sku.startsWith('BAD'))).toBe(false);

    // unchanged, it waits; a dry run right after agrees with the run
    const again = await rig.engine.runTouchpoint('items', { trigger: 'manual' });
    expect(again.counts.failed).toBe(0);
    const after = (await rig.engine.dryRun(['items'])).touchpoints[0]!;
    expect(after.wouldCreate + after.wouldUpdate).toBe(0);
  });
});
