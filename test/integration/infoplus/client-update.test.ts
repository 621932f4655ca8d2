import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfoplusClient, type InfoplusClient, type Order } from '../../../src/infoplus/index.js';
import { KeepCurrent, overlayRecord } from '../../../src/infoplus/resource.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';

const TENANT_IDS = { majorGroupId: 1, subGroupId: 1, receivingCriteriaSchemeId: 1 };

describe.each(['replace', 'merge'] as const)('client update under put=%s', (put) => {
  let sim: InfoplusSimulator;
  let client: InfoplusClient;
  beforeAll(async () => {
    sim = await startSimulator({ apiKey: 'k', variants: { put } });
    client = createInfoplusClient({ baseUrl: sim.baseUrl, apiKey: 'k', requestsPerSecond: 10_000 });
    for (const sku of ['UP-A', 'UP-B'])
      await client.item.create({ lobId: 1, sku, itemDescription: sku, ...TENANT_IDS });
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('keeps the fields it does not send and never adds a line twice', async () => {
    const order = await client.order.create({
      lobId: 1,
      warehouseId: 1,
      customerOrderNo: `SO-${put}`,
      billToCompany: 'Buyer',
      billToStreet: '1 Road',
      billToCity: 'Town',
      billToZip: '1',
      billToCountry: 'US',
      holdCode: 'H',
      lineItems: [
        { sku: 'UP-A', orderedQty: 2 },
        { sku: 'UP-B', orderedQty: 1 },
      ],
    });
    const ids = (order.lineItems ?? []).map((l) => l.id);
    // What a profile maps: the lines (no Infoplus ids, as the ERP has none) and one header field.
    await client.order.update({
      orderNo: order.orderNo!,
      shipToCompany: 'Dock 4',
      lineItems: [
        { sku: 'UP-A', orderedQty: 5 },
        { sku: 'UP-B', orderedQty: 1 },
      ],
    });
    const after = sim.state.get<Order>('order', order.orderNo!)!;
    expect(after).toMatchObject({ holdCode: 'H', billToCompany: 'Buyer', shipToCompany: 'Dock 4' });
    expect(after.lineItems?.map((l) => [l.id, l.sku, l.orderedQty])).toEqual([
      [ids[0], 'UP-A', 5],
      [ids[1], 'UP-B', 1],
    ]);
    expect(sim.state.list('orderLine').filter((l) => l.orderNo === order.orderNo)).toHaveLength(2);
  });

  it('refuses a partial PUT under replace (so the client never sends one)', async () => {
    const item = await client.item.create({
      lobId: 1,
      sku: `UP-P-${put}`,
      itemDescription: 'x',
      upc: '123',
      ...TENANT_IDS,
    });
    const res = await fetch(`${sim.baseUrl}/v3.0/item`, {
      method: 'PUT',
      headers: { 'API-Key': 'k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...TENANT_IDS, id: item.id, lobId: 1, sku: item.sku, itemDescription: 'y' }),
    });
    // replace: the other required fields are missing from the body, so it is refused (405, the spec's status).
    expect(res.status).toBe(put === 'replace' ? 405 : 200);
    expect(sim.state.get<{ itemDescription?: string }>('item', item.id!)?.itemDescription).toBe(
      put === 'replace' ? 'x' : 'y',
    );
    // Through the client the same change keeps the UPC under either reading.
    await client.item.update({ id: item.id!, upc: '123' });
    await client.item.update({ id: item.id!, itemDescription: 'z' });
    expect(sim.state.get('item', item.id!)).toMatchObject({ upc: '123', itemDescription: 'z' });
  });
});

describe('overlayRecord', () => {
  it('takes the n-th unmatched line of a SKU for the n-th id-less line of that SKU', () => {
    const current = {
      lineItems: [
        { id: 1, sku: 'A', orderedQty: 1 },
        { id: 2, sku: 'A', orderedQty: 2 },
      ],
    };
    const out = overlayRecord(current, {
      lineItems: [
        { sku: 'A', orderedQty: 5 },
        { sku: 'A', orderedQty: 6 },
      ],
    });
    expect(out.lineItems).toEqual([
      { id: 1, sku: 'A', orderedQty: 5 },
      { id: 2, sku: 'A', orderedQty: 6 },
    ]);
  });

  it('matches lines by id, then by SKU, keeps unmapped line fields, and drops lines the patch leaves out', () => {
    const current = {
      orderNo: 7,
      note: 'kept',
      lineItems: [
        { id: 1, sku: 'A', orderedQty: 1, unitSell: 9 },
        { id: 2, sku: 'B', orderedQty: 1 },
        { id: 3, sku: 'C', orderedQty: 1 },
      ],
    };
    const out = overlayRecord(current, {
      orderNo: 7,
      note: undefined,
      lineItems: [
        { sku: 'B', orderedQty: 4 },
        { id: 1, orderedQty: 2 },
        { sku: 'D', orderedQty: 1 },
      ],
    });
    expect(out).toEqual({
      orderNo: 7,
      note: 'kept',
      lineItems: [
        { id: 2, sku: 'B', orderedQty: 4 },
        { id: 1, sku: 'A', orderedQty: 2, unitSell: 9 },
        { sku: 'D', orderedQty: 1 },
      ],
    });
  });

  it('keeps what Infoplus has for a create-only value, and sends it only on a line the update adds', () => {
    const current = { remarks: 'old', vendorId: 3, lineItems: [{ id: 1, sku: 'A', orderQuantity: 10 }] };
    const out = overlayRecord(current, {
      remarks: 'new',
      vendorId: new KeepCurrent(4),
      type: new KeepCurrent('Normal'),
      lineItems: [
        { sku: 'A', orderQuantity: new KeepCurrent(15) },
        { sku: 'B', orderQuantity: new KeepCurrent(7) },
      ],
    });
    expect(out).toEqual({
      remarks: 'new',
      vendorId: 3,
      type: 'Normal',
      lineItems: [
        { id: 1, sku: 'A', orderQuantity: 10 },
        { sku: 'B', orderQuantity: 7 },
      ],
    });
  });
});
