import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  createInfoplusClient,
  f,
  NotFoundError,
  ValidationError,
} from '../../../src/infoplus/index.js';
import type { InfoplusClient, Item, Order } from '../../../src/infoplus/index.js';
import { startSimulator } from '../../../src/simulator/index.js';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';

const KEY = 'ops-test-key-98765';
let sim: InfoplusSimulator;
let client: InfoplusClient;
let vendorId: number;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: KEY, seed: 7 });
  client = createInfoplusClient({ baseUrl: sim.baseUrl, apiKey: KEY, requestsPerSecond: 10_000 });
  const vendor = await client.vendor.create({
    vendorNo: 501,
    lobId: 1,
    name: 'Acme Supply',
    street: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    zipCode: '62701',
    inactive: 'No',
  });
  vendorId = vendor.id!;
});

afterAll(async () => {
  client.close();
  await sim.close();
});

function itemPayload(sku: string): Partial<Item> {
  // The tenant's own category, sub-category and receiving criteria ids (the simulator seeds id 1 of each).
  return {
    lobId: 1,
    sku,
    itemDescription: `Item ${sku}`,
    majorGroupId: 1,
    subGroupId: 1,
    receivingCriteriaSchemeId: 1,
  };
}

describe('Infoplus client against the simulator', () => {
  it('tests the connection and lists the demo line of business and warehouse', async () => {
    const result = await client.testConnection();
    expect(result.ok).toBe(true);
    expect(result.linesOfBusiness).toContainEqual({ id: 1, name: 'Demo Company' });
    expect(result.warehouses).toContainEqual({ id: 1, name: 'Main Warehouse' });
  });

  it('gives a clear AuthError for a wrong key, and the connection test says so', async () => {
    const wrong = createInfoplusClient({
      baseUrl: sim.baseUrl,
      apiKey: 'wrong-key-123',
      requestsPerSecond: 10_000,
    });
    const e = await wrong.item.search().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AuthError);
    expect((e as AuthError).message).toMatch(/API key/);
    expect(JSON.stringify(e)).not.toContain('wrong-key-123');
    const result = await wrong.testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/API key/);
    wrong.close();
  });

  it('creates, gets, updates, searches, looks up by SKU and deletes an item', async () => {
    const created = await client.item.create(itemPayload('wid-1'));
    expect(created.id).toBeGreaterThan(0);
    expect(created.sku).toBe('WID-1');
    expect(sim.state.get('item', created.id!)).toMatchObject({ sku: 'WID-1' });

    await expect(client.item.get(created.id!)).resolves.toMatchObject({ sku: 'WID-1' });
    await client.item.update({ id: created.id!, itemDescription: 'Renamed' });
    await expect(client.item.get(created.id!)).resolves.toMatchObject({ itemDescription: 'Renamed' });

    await expect(client.item.getBySKU(1, 'WID-1')).resolves.toMatchObject({ id: created.id });
    await expect(client.item.getBySKU(1, 'NO-SUCH-SKU')).resolves.toBeNull();

    const found = await client.item.search({ filter: f.and(f.eq('lobId', 1), f.eq('sku', 'WID-1')) });
    expect(found.map((i) => i.id)).toEqual([created.id]);

    await client.item.delete(created.id!);
    await expect(client.item.get(created.id!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.item.getBySKU(1, 'WID-1')).resolves.toBeNull();
  });

  it('returns a ValidationError for a SKU that is too long, whatever the status and body', async () => {
    const e = await client.item.create(itemPayload('X'.repeat(21))).catch((err: unknown) => err);
    // Strict simulator: the spec's 405 and an empty error body; the refusal is still a ValidationError.
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).status).toBe(405);
  });

  it('creates an order with lines, keyed by orderNo, and updates it by orderNo in the body', async () => {
    await client.item.create(itemPayload('ORD-ITEM'));
    const order = await client.order.create({
      lobId: 1,
      warehouseId: 1,
      customerOrderNo: "SO-1 and status eq 'x'",
      orderDate: new Date().toISOString(),
      billToCompany: 'Buyer Inc',
      billToStreet: '2 Side St',
      billToCity: 'Chicago',
      billToZip: '60601',
      billToCountry: 'US',
      lineItems: [{ sku: 'ORD-ITEM', orderedQty: 3 }],
    });
    expect(order.orderNo).toBeGreaterThan(0);
    expect(order.lineItems?.[0]).toMatchObject({ sku: 'ORD-ITEM', orderedQty: 3 });

    await client.order.update({ orderNo: order.orderNo!, holdCode: 'H' });
    await expect(client.order.get(order.orderNo!)).resolves.toMatchObject({ holdCode: 'H' });

    const byHostileNo = await client.order.search({
      filter: f.eq('customerOrderNo', "SO-1 and status eq 'x'"),
    });
    expect(byHostileNo.map((o: Order) => o.orderNo)).toEqual([order.orderNo]);
    await expect(client.order.search({ filter: f.eq('customerOrderNo', 'SO-1') })).resolves.toEqual([]);

    await client.order.delete(order.orderNo!);
    await expect(client.order.get(order.orderNo!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates an ASN whose lines are item receipts, and reads receipts, shipments and adjustments', async () => {
    await client.item.create(itemPayload('ASN-ITEM'));
    const asn = await client.asn.create({
      lobId: 1,
      warehouseId: 1,
      vendorId,
      poNo: "PO-'1'",
      orderDate: new Date().toISOString(),
      type: 'Normal',
      lineItems: [{ sku: 'ASN-ITEM', orderQuantity: 10 }],
    });
    expect(asn.id).toBeGreaterThan(0);
    const lineId = asn.lineItems?.[0]?.id;
    expect(lineId).toBeGreaterThan(0);
    await expect(client.asn.get(asn.id!)).resolves.toMatchObject({ poNo: "PO-'1'" });
    await client.asn.update({ id: asn.id!, remarks: 'dock 4' });
    await expect(client.itemReceipt.get(lineId!)).resolves.toMatchObject({ sku: 'ASN-ITEM', poNoId: asn.id });

    sim.warehouse.receiveAsns({ share: 1, partialShare: 0 });
    // Strict simulator (receipts=rows): the line row stays at 0 and the receipt is a row of its own.
    const receipts = await client.itemReceipt.search({ filter: f.eq('poNoId', asn.id!) });
    expect(receipts.map((r) => [r.id === lineId ? 'line' : 'receipt', r.receivedQuantity])).toEqual([
      ['line', 0],
      ['receipt', 10],
    ]);

    sim.warehouse.adjustInventory({ count: 3 });
    const adjustments = await client.inventoryAdjustment.search({ limit: 250 });
    expect(adjustments.length).toBeGreaterThanOrEqual(3);
    await expect(client.inventoryAdjustment.get(adjustments[0]!.id!)).resolves.toMatchObject({
      id: adjustments[0]!.id,
    });

    const order = await client.order.create({
      lobId: 1,
      warehouseId: 1,
      customerNo: undefined,
      billToCompany: 'B',
      billToStreet: 'S',
      billToCity: 'C',
      billToZip: '1',
      billToCountry: 'US',
      lineItems: [{ sku: 'ASN-ITEM', orderedQty: 1 }],
    });
    sim.warehouse.shipOrders({ share: 1, partialShare: 0 });
    const shipments = await client.shipment.search({ filter: f.eq('orderNo', order.orderNo!) });
    expect(shipments.length).toBeGreaterThan(0);
    await expect(client.shipment.get(shipments[0]!.id!)).resolves.toMatchObject({ orderNo: order.orderNo });
  });

  it('creates, updates and reads vendors, customers, lines of business and warehouses', async () => {
    await client.vendor.update({ id: vendorId, phone: '555-0100' });
    await expect(client.vendor.get(vendorId)).resolves.toMatchObject({ phone: '555-0100' });

    const customer = await client.customer.create({
      lobId: 1,
      customerNo: "C-O'Neil",
      name: 'Neil',
      street: '3 Road',
      city: 'Austin',
      zipCode: '73301',
      country: 'US',
    });
    await expect(client.customer.getByCustomerNo(1, "C-O'Neil")).resolves.toMatchObject({ id: customer.id });
    await expect(client.customer.getByCustomerNo(1, 'nobody')).resolves.toBeNull();
    await client.customer.delete(customer.id!);

    const lob = await client.lineOfBusiness.create({ name: 'Second', code: 'SEC' });
    await client.lineOfBusiness.update({ id: lob.id!, label: 'Second LOB' });
    await expect(client.lineOfBusiness.get(lob.id!)).resolves.toMatchObject({ label: 'Second LOB' });

    const wh = await client.warehouse.create({
      name: 'East',
      company: 'Demo',
      street1: '9 Dock Rd',
      city: 'Boston',
      zip: '02101',
      country: 'US',
      phone: '555-0199',
    });
    await client.warehouse.update({ id: wh.id!, timeZone: 'America/New_York' });
    await expect(client.warehouse.get(wh.id!)).resolves.toMatchObject({ timeZone: 'America/New_York' });
  });

  it('pages a search over more than 250 records, sorted, with constant page requests', async () => {
    for (let i = 0; i < 260; i++) await client.item.create(itemPayload(`PG-${String(i).padStart(3, '0')}`));
    const before = client.stats.reads;
    const skus: string[] = [];
    for await (const item of client.item.iterate({ filter: f.like('sku', 'PG-%'), sort: '!sku' }))
      skus.push(item.sku!);
    expect(skus).toHaveLength(260);
    expect(skus[0]).toBe('PG-259');
    expect(skus[259]).toBe('PG-000');
    expect(new Set(skus).size).toBe(260);
    expect(client.stats.reads - before).toBe(2);

    const page2 = await client.item.search({
      filter: f.like('sku', 'PG-%'),
      sort: 'sku',
      page: 2,
      limit: 100,
    });
    expect(page2[0]?.sku).toBe('PG-100');
  });
});
