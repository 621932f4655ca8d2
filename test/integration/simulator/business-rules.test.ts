import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';
import { client, minimalAsn, minimalOrder, startSeeded, TENANT_IDS } from './helpers.js';

type Rec = Record<string, unknown>;
let sim: InfoplusSimulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await startSeeded();
  api = client(sim);
});
afterAll(() => sim.close());

describe('items', () => {
  it('accepts the KB "all required fields" item and a bare sku+description item (server defaults)', async () => {
    const kb = await api.post<Rec>('/item', {
      receivingCriteriaSchemeId: 2,
      sku: 'KB-ITEM',
      lobId: 1,
      itemDescription: 'KB example',
      status: 'Active',
      unitsPerWrap: 1,
      wrapCode: 'EACH',
      unitCode: 'EACH',
      forwardLotMixingRule: 'SKU',
      storageLotMixingRule: 'SKU',
      forwardItemMixingRule: 'Multi',
      storageItemMixingRule: 'Multi',
      allocationRule: 'Labor Optimized',
      backorder: 'Yes',
      chargeCode: 'Not Chargeable',
      majorGroupId: 2,
      subGroupId: 2,
      hazmat: 'No',
      criticalAmount: 0,
      secure: 'No',
      maxCycle: 999999,
      maxInterim: 999999,
      seasonalItem: 'No',
      serialCode: 'None',
    });
    expect(kb.status).toBe(201);
    expect(kb.json).toMatchObject({ majorGroupId: 2, subGroupId: 2, receivingCriteriaSchemeId: 2 });
    const bare = await api.post<Rec>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'BARE-1',
      itemDescription: 'Bare',
    });
    expect(bare.status).toBe(201);
    expect(bare.json).toMatchObject({
      status: 'Active',
      unitCode: 'EACH',
      allocationRule: 'Labor Optimized',
    });
  });

  it('never invents the tenant ids an item needs, and refuses ids the tenant does not have', async () => {
    const none = await api.post<{ errors: string[] }>('/item', {
      lobId: 1,
      sku: 'NO-CAT',
      itemDescription: 'x',
    });
    expect(none.status).toBe(400);
    expect(none.json.errors).toEqual(
      expect.arrayContaining([
        'majorGroupId: is required',
        'subGroupId: is required',
        'receivingCriteriaSchemeId: is required',
      ]),
    );
    const unknown = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      receivingCriteriaSchemeId: 99,
      majorGroupId: 5,
      lobId: 1,
      sku: 'BAD-CAT',
      itemDescription: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([
      'majorGroupId: item category 5 does not exist',
      'receivingCriteriaSchemeId: receiving criteria scheme 99 does not exist',
    ]);
    const lists = await api.search<Rec>('itemCategory');
    expect(lists.json.map((c) => c.internalId)).toEqual([1, 2]);
    expect((await api.search<Rec>('receivingCriteriaScheme')).json.map((c) => c.id)).toEqual([1, 2]);
  });

  it('upper-cases the SKU, limits it to 20 allowed characters and keeps it unique per line of business', async () => {
    const lower = await api.post<Rec>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: ' sku-lower ',
      itemDescription: 'x',
    });
    expect(lower.json.sku).toBe('SKU-LOWER');
    const long = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'A'.repeat(21),
      itemDescription: 'x',
    });
    expect(long.status).toBe(400);
    expect(long.json.errors[0]).toMatch(/^sku: .*1 to 20 characters/);
    const bad = await api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'BAD SKU!', itemDescription: 'x' });
    expect(bad.status).toBe(400);
    const dup = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'Sku-Lower',
      itemDescription: 'x',
    });
    expect(dup.status).toBe(400);
    expect(dup.json.errors).toContain("sku: 'SKU-LOWER' already exists in line of business 1");
    const lob2 = await api.post<Rec>('/lineOfBusiness', { name: 'Second', code: 'LOB2' });
    const other = await api.post('/item', {
      ...TENANT_IDS,
      lobId: lob2.json.id,
      sku: 'SKU-LOWER',
      itemDescription: 'x',
    });
    expect(other.status).toBe(201);
  });

  it('limits the description to 40 characters and rejects an unknown line of business', async () => {
    const r = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'DESC-1',
      itemDescription: 'x'.repeat(41),
    });
    expect(r.json.errors[0]).toMatch(/^itemDescription: at most 40/);
    const lob = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      lobId: 99,
      sku: 'LOB-99',
      itemDescription: 'x',
    });
    expect(lob.json.errors).toContain('lobId: line of business 99 does not exist');
  });

  it('finds items by SKU with getBySKU, 404 when absent', async () => {
    const r = await api.get<Rec>('/item/getBySKU?lobId=1&sku=widget-1');
    expect(r.status).toBe(200);
    expect(r.json.sku).toBe('WIDGET-1');
    expect((await api.get('/item/getBySKU?lobId=1&sku=NOPE')).status).toBe(404);
    expect((await api.get('/item/getBySKU?sku=NOPE')).status).toBe(400);
  });
});

describe('ASNs', () => {
  it('accepts the KB minimal ASN and fills the spec-required line fields', async () => {
    const r = await api.post<Rec>('/asn', minimalAsn('PO-KB-1'));
    expect(r.status).toBe(201);
    const line = (r.json.lineItems as Rec[])[0] as Rec;
    expect(line).toMatchObject({
      sku: 'WIDGET-1',
      orderQuantity: 10,
      lobId: 1,
      warehouseId: 1,
      vendorId: 1,
      unitCode: 'EACH',
      wrapCode: 'EACH',
      unitsPerWrap: 1,
      chargeFreight: 'No',
      maxOvers: 0,
      maxUnders: 0,
      distDate: '2024-01-15T00:00:00.000Z',
      poNoId: r.json.id,
      receivedQuantity: 0,
    });
    expect(r.json.status).toBe('Open');
    // The ASN line is an itemReceipt record.
    const receipt = await api.get<Rec>(`/itemReceipt/${String(line.id)}`);
    expect(receipt.json).toMatchObject({ poNoId: r.json.id, sku: 'WIDGET-1' });
  });

  it('limits poNo to 40 characters and keeps it unique per line of business', async () => {
    const long = await api.post<{ errors: string[] }>('/asn', minimalAsn('P'.repeat(41)));
    expect(long.status).toBe(400);
    expect(long.json.errors[0]).toMatch(/^poNo: must be 1 to 40/);
    expect((await api.post('/asn', minimalAsn('PO-UNIQUE'))).status).toBe(201);
    const dup = await api.post<{ errors: string[] }>('/asn', minimalAsn('PO-UNIQUE'));
    expect(dup.status).toBe(400);
    expect(dup.json.errors).toContain("poNo: 'PO-UNIQUE' already exists in line of business 1");
  });

  it('rejects unknown vendors and SKUs with their path', async () => {
    const r = await api.post<{ errors: string[] }>(
      '/asn',
      minimalAsn('PO-BAD', { vendorId: 999, lineItems: [{ sku: 'NOPE', orderQuantity: 1 }] }),
    );
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        'vendorId: vendor 999 does not exist',
        "lineItems[0].sku: item 'NOPE' does not exist in line of business 1",
      ]),
    );
  });

  it('can be edited until something is received, then answers 400', async () => {
    const asn = (await api.post<Rec>('/asn', minimalAsn('PO-EDIT'))).json;
    const put = await api.put('/asn', {
      id: asn.id,
      remarks: 'changed',
      lineItems: [{ sku: 'WIDGET-2', orderQuantity: 4 }],
    });
    expect(put.status).toBe(200);
    const after = (await api.get<Rec>(`/asn/${String(asn.id)}`)).json;
    expect(after.remarks).toBe('changed');
    expect((after.lineItems as Rec[]).map((l) => [l.sku, l.orderQuantity])).toEqual([['WIDGET-2', 4]]);
    sim.warehouse.receiveAsns({ share: 1, partialShare: 0 });
    const locked = await api.put('/asn', { id: asn.id, remarks: 'again' });
    expect(locked.status).toBe(400);
    expect(locked.text).toContain('can no longer be edited');
  });
});

describe('orders', () => {
  it('assigns increasing decimal orderNos and answers GET by orderNo', async () => {
    const a = (await api.post<Rec>('/order', minimalOrder())).json;
    const b = (await api.post<Rec>('/order', minimalOrder())).json;
    expect(typeof a.orderNo).toBe('number');
    expect(b.orderNo as number).toBeGreaterThan(a.orderNo as number);
    expect(a).toMatchObject({ status: 'Pending', orderDate: '2024-01-15T00:00:00.000Z' });
    const line = (a.lineItems as Rec[])[0] as Rec;
    expect(line).toMatchObject({
      lobId: 1,
      sku: 'WIDGET-1',
      orderedQty: 3,
      orderNo: a.orderNo,
      shippedQty: 0,
    });
    expect((await api.get<Rec>(`/order/${String(a.orderNo)}`)).json.orderNo).toBe(a.orderNo);
  });

  it('accepts duplicate customerOrderNo by default', async () => {
    expect((await api.post('/order', minimalOrder({ customerOrderNo: 'DUP-1' }))).status).toBe(201);
    expect((await api.post('/order', minimalOrder({ customerOrderNo: 'DUP-1' }))).status).toBe(201);
  });

  it('rejects a duplicate customerOrderNo when the account setting is on', async () => {
    const strict = await startSeeded({ rejectDuplicateCustomerOrderNo: true });
    try {
      const s = client(strict);
      expect((await s.post('/order', minimalOrder({ customerOrderNo: 'DUP-2' }))).status).toBe(201);
      const dup = await s.post<{ errors: string[] }>('/order', minimalOrder({ customerOrderNo: 'DUP-2' }));
      expect(dup.status).toBe(400);
      expect(dup.json.errors[0]).toMatch(/^customerOrderNo: 'DUP-2' is already used by order \d+/);
      expect(strict.state.count('order')).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('applies the customer / bill-to rules of the knowledge base', async () => {
    // 1. Known customer: its address becomes the bill-to, request bill-to ignored.
    const known = (await api.post<Rec>('/order', minimalOrder({ billToCompany: 'Ignored Inc' }))).json;
    expect(known).toMatchObject({
      customerNo: 'CUST-1',
      billToCompany: 'Known Customer',
      billToCity: 'Austin',
    });
    // 2. Unknown customerNo + bill-to: the customer is created with that number.
    const created = await api.post<Rec>(
      '/order',
      minimalOrder({
        customerNo: 'NEW-7',
        billToCompany: 'New Co',
        billToStreet: '9 Oak',
        billToCity: 'Reno',
        billToZip: '89501',
      }),
    );
    expect(created.status).toBe(201);
    const cust = await api.get<Rec>('/customer/getByCustomerNo?lobId=1&customerNo=NEW-7');
    expect(cust.json).toMatchObject({ name: 'New Co', city: 'Reno', lobId: 1 });
    // 2b. Unknown customerNo without bill-to: error.
    const missing = await api.post<{ errors: string[] }>('/order', minimalOrder({ customerNo: 'NOBODY' }));
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0]).toContain("customer 'NOBODY' does not exist");
    // 3. No customerNo + bill-to: a customer with a generated number.
    const gen = (
      await api.post<Rec>('/order', minimalOrder({ customerNo: undefined, billToCompany: 'Walk-in' }))
    ).json;
    expect(typeof gen.customerNo).toBe('string');
    expect(
      (await api.get<Rec>(`/customer/getByCustomerNo?lobId=1&customerNo=${String(gen.customerNo)}`)).json
        .name,
    ).toBe('Walk-in');
    // 3b. Neither: error. Bill-to without company: error.
    expect((await api.post('/order', minimalOrder({ customerNo: undefined }))).status).toBe(400);
    const noCompany = await api.post<{ errors: string[] }>(
      '/order',
      minimalOrder({ customerNo: 'X-2', billToCity: 'Reno' }),
    );
    expect(noCompany.json.errors).toContain('billToCompany: required when a bill-to address is given');
  });

  it('rejects unknown SKUs, empty line lists and unknown warehouses', async () => {
    const r = await api.post<{ errors: string[] }>(
      '/order',
      minimalOrder({ warehouseId: 42, lineItems: [{ sku: 'GHOST', orderedQty: 1 }] }),
    );
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        'warehouseId: warehouse 42 does not exist',
        "lineItems[0].sku: item 'GHOST' does not exist in line of business 1",
      ]),
    );
    const empty = await api.post<{ errors: string[] }>('/order', minimalOrder({ lineItems: [] }));
    expect(empty.json.errors).toContain('lineItems: an order needs at least one line');
    const noLines = await api.post<{ errors: string[] }>('/order', {
      lobId: 1,
      warehouseId: 1,
      customerNo: 'CUST-1',
    });
    expect(noLines.json.errors).toContain('lineItems: is required');
  });

  it('updates a pending order by orderNo in the body, then refuses once shipped', async () => {
    const order = (await api.post<Rec>('/order', minimalOrder({ customerOrderNo: 'EDIT-1' }))).json;
    const put = await api.put('/order', {
      orderNo: order.orderNo,
      shipToCompany: 'Dock 4',
      lineItems: [
        { sku: 'WIDGET-1', orderedQty: 5 },
        { sku: 'GADGET-1', orderedQty: 1 },
      ],
    });
    expect(put.status).toBe(200);
    const after = (await api.get<Rec>(`/order/${String(order.orderNo)}`)).json;
    const lines = after.lineItems as Rec[];
    expect(lines.map((l) => [l.sku, l.orderedQty])).toEqual([
      ['WIDGET-1', 5],
      ['GADGET-1', 1],
    ]);
    // The WIDGET-1 line keeps its id.
    expect((lines[0] as Rec).id).toBe(((order.lineItems as Rec[])[0] as Rec).id);
    expect(after.shipToCompany).toBe('Dock 4');
    sim.warehouse.shipOrders({ share: 1 });
    const locked = await api.put<{ errors: string[] }>('/order', {
      orderNo: order.orderNo,
      shipToCompany: 'Too late',
    });
    expect(locked.status).toBe(400);
    expect(locked.text).toContain(`order ${String(order.orderNo)} is Shipped and can no longer be edited`);
    expect((await api.del(`/order/${String(order.orderNo)}`)).status).toBe(400);
  });
});

describe('quick receipts and adjustments', () => {
  it('executes a quick receipt into a received itemReceipt and raises stock', async () => {
    const qr = await api.post<Rec>('/quickReceipt', {
      warehouseId: 1,
      lobId: 1,
      sku: 'GIZMO-9',
      locationId: 3,
      quantity: 12,
      weightPerWrap: 1,
    });
    expect(qr.status).toBe(201);
    expect(qr.json.status).toBe('Pending');
    const exec = await api.post<Rec[]>('/quickReceipt/executeQuickReceipt', { idList: [qr.json.id, 9999] });
    expect(exec.status).toBe(200);
    expect(exec.json[0]).toMatchObject({ id: qr.json.id, status: 'Success', messageList: [] });
    expect(exec.json[1]).toMatchObject({ id: 9999, status: 'Error' });
    const receiptId = ((exec.json[0] as Rec).entity as Rec).id as number;
    expect((await api.get<Rec>(`/itemReceipt/${receiptId}`)).json).toMatchObject({
      sku: 'GIZMO-9',
      receivedQuantity: 12,
    });
    expect((await api.get<Rec>(`/quickReceipt/${String(qr.json.id)}`)).json).toMatchObject({
      generatedItemReceiptId: receiptId,
    });
    const item = (await api.get<Rec>('/item/getBySKU?lobId=1&sku=GIZMO-9')).json;
    expect(item.onHandQuantity).toBe(12);
  });

  it('executes a quick adjustment into an inventoryAdjustment', async () => {
    const qa = await api.post<Rec>('/quickAdjustment', {
      warehouseId: 1,
      locationId: 1,
      adjustmentCode: 'CC',
      lobId: 1,
      sku: 'GIZMO-9',
      changeQuantity: -2,
      message: 'count',
    });
    expect(qa.status).toBe(201);
    const exec = await api.post<Rec[]>('/quickAdjustment/executeQuickAdjustment', { idList: [qa.json.id] });
    const adj = (exec.json[0] as Rec).entity as Rec;
    expect(adj).toMatchObject({ sku: 'GIZMO-9', qty: -2, adjustmentCode: 'CC', note: 'count' });
    expect((await api.get<Rec>(`/inventoryAdjustment/${String(adj.id)}`)).status).toBe(200);
    const again = await api.post<Rec[]>('/quickAdjustment/executeQuickAdjustment', { idList: [qa.json.id] });
    expect((again.json[0] as Rec).status).toBe('Error');
  });
});

describe('write timestamps', () => {
  it('sets createDate and modifyDate on every write, never going backwards', async () => {
    const item = (
      await api.post<Rec>('/item', { ...TENANT_IDS, lobId: 1, sku: 'TS-1', itemDescription: 'x' })
    ).json;
    expect(item.createDate).toBe(item.modifyDate);
    await api.put('/item', { id: item.id, itemDescription: 'y' });
    const after = (await api.get<Rec>(`/item/${String(item.id)}`)).json;
    expect(after.createDate).toBe(item.createDate);
    expect(String(after.modifyDate) >= String(item.modifyDate)).toBe(true);
    // Customer has modifyDate but no createDate; inventoryAdjustment has neither (API.md §6.1).
    const cust = (await api.get<Rec>('/customer/getByCustomerNo?lobId=1&customerNo=CUST-1')).json;
    expect(cust.modifyDate).toBeDefined();
    expect(cust.createDate).toBeUndefined();
  });
});
