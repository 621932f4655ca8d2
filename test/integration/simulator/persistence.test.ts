import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/simulator/index.js';
import { LENIENT_VARIANTS, client, minimalOrder, startSeeded, TENANT_IDS } from './helpers.js';

type Rec = Record<string, unknown>;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('keeps records and sequences across a restart', async () => {
    const file = join(dir, 'nested', 'state.json');
    const first = await startSeeded({ stateFile: file });
    const api = client(first);
    const order = (await api.post<Rec>('/order', minimalOrder({ customerOrderNo: 'KEEP-1' }))).json;
    first.warehouse.shipOrders({ partialShare: 0 });
    await first.close();
    const saved = JSON.parse(await readFile(file, 'utf8')) as Rec;
    expect(saved.format).toBe('infoplus-simulator-state');

    // The seed data is not applied again: the file wins.
    const second = await startSimulator({
      stateFile: file,
      seedData: { includeDefaults: false },
      variants: LENIENT_VARIANTS,
    });
    try {
      const api2 = client(second);
      const back = (await api2.get<Rec>(`/order/${String(order.orderNo)}`)).json;
      expect(back).toMatchObject({ customerOrderNo: 'KEEP-1', status: 'Shipped' });
      expect(second.state.count('shipment')).toBeGreaterThan(0);
      expect((await api2.get<Rec>('/item/getBySKU?lobId=1&sku=WIDGET-1')).status).toBe(200);
      const next = (await api2.post<Rec>('/order', minimalOrder())).json;
      expect(next.orderNo as number).toBeGreaterThan(order.orderNo as number);
      // Uniqueness indexes are rebuilt from the file.
      expect(
        (await api2.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'WIDGET-1', itemDescription: 'dup' }))
          .status,
      ).toBe(400);
    } finally {
      await second.close();
    }
  });

  it('refuses a state file that is not JSON with a message naming the file', async () => {
    const file = join(dir, 'broken.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{ not json');
    await expect(startSimulator({ stateFile: file })).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('stays in memory without a state file', async () => {
    const a = await startSeeded();
    await client(a).post('/order', minimalOrder());
    await a.close();
    const b = await startSeeded();
    expect(b.state.count('order')).toBe(0);
    await b.close();
  });
});
