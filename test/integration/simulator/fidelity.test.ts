/** The simulator as the official material describes Infoplus (decisions.ts EVIDENCE) and its variant switches. */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { TENANT_IDS, client, minimalAsn, minimalOrder, startSeeded } from './helpers.js';

type Rec = Record<string, unknown>;
const started: InfoplusSimulator[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});

/** A seeded simulator under the strict defaults (plus `variants`). */
async function strict(variants: Record<string, string> = {}): Promise<InfoplusSimulator> {
  // startSeeded pins the lenient values; undo that with every strict default, then apply `variants`.
  const sim = await startSeeded({
    variants: {
      errorBody: 'empty',
      createStatus: '200',
      validationStatus: '405',
      authStatus: '403',
      put: 'replace',
      filterOps: 'gte',
      datePrecision: 's',
      limitOver250: 'clamp',
      unknownFields: 'reject',
      receipts: 'rows',
      backorders: 'child',
      ...variants,
    },
  });
  started.push(sim);
  return sim;
}

describe('shipments as the official models describe them', () => {
  it('are label rows first, then ship, then get a deliveredDate, each change bumping modifyDate', async () => {
    const sim = await strict({ datePrecision: 'ms' });
    const api = client(sim);
    const order = (await api.post<Rec>('/order', minimalOrder())).json;
    sim.warehouse.shipOrders({ labelOnly: true, partialShare: 0 });
    const [label] = sim.state.list<Rec>('shipment');
    expect(label).toMatchObject({ shipped: false, status: 'Label Printed', orderNo: order.orderNo });
    expect(label!.customFields).toBeUndefined();
    expect(Date.parse(String(label!.shipDate))).toBeGreaterThan(Date.now());
    expect(sim.state.get<Rec>('order', order.orderNo as number)?.status).toBe('Processed');
    expect(sim.state.list<Rec>('orderLine')[0]).toMatchObject({ shippedQty: 0 });
    await new Promise((r) => setTimeout(r, 5));
    sim.warehouse.shipOrders();
    const shipped = sim.state.get<Rec>('shipment', label!.id as number)!;
    expect(shipped).toMatchObject({ shipped: true, status: 'Shipped' });
    expect(String(shipped.modifyDate) > String(label!.modifyDate)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    sim.warehouse.deliver();
    const delivered = sim.state.get<Rec>('shipment', label!.id as number)!;
    expect(delivered).toMatchObject({ status: 'Delivered' });
    expect(String(delivered.modifyDate) > String(shipped.modifyDate)).toBe(true);
    expect(delivered.deliveredDate).toBe(delivered.modifyDate);
    // orderLine (search and get) and cartonContent say what shipped.
    const lines = await api.search<Rec>('orderLine', { filter: `orderNo eq ${String(order.orderNo)}` });
    expect(lines.json).toEqual([expect.objectContaining({ sku: 'WIDGET-1', orderedQty: 3, shippedQty: 3 })]);
    expect((await api.get<Rec>(`/orderLine/${String(lines.json[0]!.id)}`)).json.shippedQty).toBe(3);
    const cartons = await api.search<Rec>('cartonContent', { filter: `orderNo eq ${String(order.orderNo)}` });
    expect(cartons.json.reduce((n, c) => n + Number(c.quantity), 0)).toBe(3);
    expect(cartons.json.every((c) => c.cartonId === shipped.cartonId)).toBe(true);
  });

  it('puts two orders on one shipment now and then (orderNoList)', async () => {
    const sim = await strict();
    const api = client(sim);
    for (let i = 0; i < 6; i++) await api.post('/order', minimalOrder({ customerOrderNo: `M-${i}` }));
    sim.warehouse.shipOrders({ partialShare: 0 });
    const multi = sim.state.list<Rec>('shipment').filter((s) => (s.orderNoList as number[]).length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const s of multi) {
      expect((s.orderNoList as number[])[0]).toBe(s.orderNo);
      for (const no of s.orderNoList as number[])
        expect(sim.state.get<Rec>('order', no)?.status).toBe('Shipped');
    }
  });

  it('backorders=child: a partial shipment leaves a child order with the same customerOrderNo', async () => {
    const sim = await strict();
    const api = client(sim);
    const order = (await api.post<Rec>('/order', minimalOrder({ customerOrderNo: 'BO-1' }))).json;
    sim.warehouse.shipOrders({ partialShare: 1 });
    const family = sim.state.list<Rec>('order').filter((o) => o.customerOrderNo === 'BO-1');
    expect(family.map((o) => o.orderNo)).toEqual([order.orderNo, Number(order.orderNo) + 0.001]);
    const [parent, child] = family as [Rec, Rec];
    const [pl] = parent.lineItems as Rec[];
    const [cl] = child.lineItems as Rec[];
    expect(child.status).toBe('Pending');
    expect(Number(pl!.shippedQty) + Number(cl!.orderedQty)).toBe(3);
    // The child ships later; its shipments name its own (fractional) orderNo.
    sim.warehouse.shipOrders({ partialShare: 0 });
    expect(sim.state.list<Rec>('shipment').some((s) => s.orderNo === child.orderNo)).toBe(true);
  });

  it('backorders=none: the parent keeps the rest as backorderQty and no other order appears', async () => {
    const sim = await strict({ backorders: 'none' });
    await client(sim).post('/order', minimalOrder({ customerOrderNo: 'BO-2' }));
    sim.warehouse.shipOrders({ partialShare: 1 });
    const family = sim.state.list<Rec>('order').filter((o) => o.customerOrderNo === 'BO-2');
    expect(family).toHaveLength(1);
    const [line] = family[0]!.lineItems as Rec[];
    expect(Number(line!.shippedQty) + Number(line!.backorderQty)).toBe(3);
  });
});

describe('receipts', () => {
  it.each(['rows', 'cumulative'] as const)(
    'receipts=%s: ASN lines are rows at 0 from creation',
    async (receipts) => {
      const sim = await strict({ receipts });
      const asn = (await client(sim).post<Rec>('/asn', minimalAsn('PO-R'))).json;
      const [line] = asn.lineItems as Rec[];
      expect(sim.state.list<Rec>('itemReceipt')).toEqual([
        expect.objectContaining({ id: line!.id, receivedQuantity: 0 }),
      ]);
      sim.warehouse.receiveAsns({ partialShare: 1 });
      sim.warehouse.receiveAsns({ partialShare: 0 });
      const rows = sim.state.list<Rec>('itemReceipt');
      const total = rows.reduce((n, r) => n + Number(r.receivedQuantity), 0);
      expect(total).toBe(10);
      if (receipts === 'rows') {
        expect(rows).toHaveLength(3);
        expect(rows[0]!.receivedQuantity).toBe(0);
        expect(rows.slice(1).every((r) => r.asnLine === line!.id)).toBe(true);
      } else expect(rows).toEqual([expect.objectContaining({ id: line!.id, receivedQuantity: 10 })]);
      expect(sim.state.get<Rec>('asn', asn.id as number)?.status).toBe('Received');
    },
  );
});

describe('variant switches on the wire', () => {
  it('strict defaults: 200 on create, 405 and an empty body on a refusal, 403 for a wrong key', async () => {
    const sim = await strict();
    const api = client(sim);
    const created = await api.post<Rec>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'S-1',
      itemDescription: 'x',
    });
    expect(created.status).toBe(200);
    const refused = await api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'S-1', itemDescription: 'x' });
    expect([refused.status, refused.text]).toEqual([405, '']);
    expect((await api.get('/item/search', { key: 'wrong' })).status).toBe(403);
  });

  it.each([
    [
      'errors',
      (t: string) => expect(JSON.parse(t)).toEqual({ errors: [expect.stringContaining('already exists')] }),
    ],
    ['text', (t: string) => expect(t).toMatch(/^sku: 'S-1' already exists/)],
  ] as const)('errorBody=%s shapes the refusal body', async (errorBody, check) => {
    const sim = await strict({ errorBody, validationStatus: '400', createStatus: '201' });
    const api = client(sim);
    expect(
      (await api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'S-1', itemDescription: 'x' })).status,
    ).toBe(201);
    const refused = await api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'S-1', itemDescription: 'x' });
    expect(refused.status).toBe(400);
    check(refused.text);
  });

  it('filterOps, limitOver250 and datePrecision change searches and dates', async () => {
    const gteOnly = await strict();
    const api = client(gteOnly);
    expect((await api.search('item', { filter: 'id gte 1' })).status).toBe(200);
    expect((await api.search('item', { filter: 'id ge 1' })).status).toBe(400);
    expect((await api.search('item', { filter: "sku eq 'a ge b'" })).status).toBe(200);
    expect((await api.search('item', { limit: 251 })).status).toBe(200);
    expect(gteOnly.state.list<Rec>('item').every((i) => String(i.modifyDate).endsWith('.000Z'))).toBe(true);
    const geOnly = await strict({ filterOps: 'ge', limitOver250: 'error' });
    expect((await client(geOnly).search('item', { filter: 'id gte 1' })).status).toBe(400);
    expect((await client(geOnly).search('item', { filter: 'id ge 1' })).status).toBe(200);
    expect((await client(geOnly).search('item', { limit: 251 })).status).toBe(400);
  });

  it('unknownFields=ignore drops unknown fields and undefined custom fields; reject refuses them', async () => {
    const body = {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'U-1',
      itemDescription: 'x',
      colour: 'red',
      customFields: { x: 1 },
    };
    const rejecting = await strict();
    expect((await client(rejecting).post('/item', body)).status).toBe(405);
    const ignoring = await strict({ unknownFields: 'ignore' });
    const ok = await client(ignoring).post<Rec>('/item', body);
    expect(ok.status).toBe(200);
    expect(ok.json.colour).toBeUndefined();
    expect(ok.json.customFields).toEqual({});
  });

  it('refuses an unknown variant or value, naming it', async () => {
    await expect(startSimulator({ variants: { put: 'patch' } })).rejects.toThrow(
      /variant put must be one of replace\|merge/,
    );
    await expect(startSimulator({ variants: { colour: 'red' } })).rejects.toThrow(
      /unknown simulator variant 'colour'/,
    );
  });
});
