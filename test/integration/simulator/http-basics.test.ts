import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';
import { client, minimalOrder, startSeeded, TENANT_IDS } from './helpers.js';

let sim: InfoplusSimulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await startSeeded({
    seedData: {
      customFields: [
        { name: 'erpRef', label: 'ERP ref', tabLabel: 'Sync', fieldType: 'Text', recordType: 'Order' },
      ],
    },
  });
  api = client(sim);
  // 30 items for paging and sorting (SKUs P-00 .. P-29, descriptions in reverse order).
  for (let i = 0; i < 30; i++) {
    const r = await api.post('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: `P-${String(i).padStart(2, '0')}`,
      itemDescription: `Desc ${String(29 - i).padStart(2, '0')}`,
      sellPrice: i,
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => sim.close());

describe('authentication', () => {
  it('answers 401 with an errors body without an API-Key header', async () => {
    const r = await api.get('/item/search', { key: null });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ errors: [expect.stringContaining('API-Key')] });
  });

  it('answers 401 for a wrong key, also on control endpoints, and never echoes the key', async () => {
    const r = await api.get('/item/search', { key: 'wrong-key' });
    expect(r.status).toBe(401);
    expect(r.text).not.toContain('wrong-key');
    const c = await api.call('GET', '/__sim/stats', undefined, { key: 'wrong-key', root: true });
    expect(c.status).toBe(401);
  });

  it('serves v3.0 and beta, and 404s other versions', async () => {
    const v3 = client(sim, 'v3.0');
    expect((await v3.get('/lineOfBusiness/1')).json).toMatchObject({
      id: 1,
      code: 'DEMO',
      name: 'Demo Company',
    });
    expect((await api.get('/warehouse/1')).json).toMatchObject({ id: 1, name: 'Main Warehouse' });
    const old = await fetch(`${sim.baseUrl}/v1.0/item/search`, { headers: { 'API-Key': sim.apiKey } });
    expect(old.status).toBe(404);
  });
});

describe('status codes', () => {
  it('creates with 201 + record, gets with 200, updates and deletes with an empty 200', async () => {
    const created = await api.post<Record<string, unknown>>('/vendor', {
      lobId: 1,
      vendorNo: 555,
      name: 'Status Vendor',
      street: 'x',
      city: 'y',
      state: 'WI',
      zipCode: '1',
    });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    expect(typeof id).toBe('number');
    expect(created.json.createDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const got = await api.get<Record<string, unknown>>(`/vendor/${id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
    const put = await api.put('/vendor', { id, name: 'Renamed Vendor' });
    expect(put.status).toBe(200);
    expect(put.text).toBe('');
    const after = await api.get<Record<string, unknown>>(`/vendor/${id}`);
    expect(after.json).toMatchObject({ name: 'Renamed Vendor', city: 'y' });
    expect(String(after.json.modifyDate) >= String(created.json.modifyDate)).toBe(true);
    const del = await api.del(`/vendor/${id}`);
    expect(del.status).toBe(200);
    expect(del.text).toBe('');
    expect((await api.get(`/vendor/${id}`)).status).toBe(404);
  });

  it('answers 404 for an unknown id, PUT of an unknown id, and an unknown resource', async () => {
    expect((await api.get('/item/999999')).status).toBe(404);
    expect((await api.put('/item', { id: 999999, itemDescription: 'x' })).status).toBe(404);
    const r = await api.get<{ errors: string[] }>('/widgetz/search');
    expect(r.status).toBe(404);
    expect(r.json.errors[0]).toContain('widgetz');
  });

  it('answers 400 when the PUT body has no key', async () => {
    const r = await api.put('/item', { itemDescription: 'no id' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('id: required');
  });

  it('answers 405 for operations a resource does not have (API.md §2.1)', async () => {
    expect((await api.post('/shipment', { warehouseId: 1, carrierCompany: 'UPS' })).status).toBe(405);
    expect((await api.post('/inventoryAdjustment', { sku: 'X' })).status).toBe(405);
    expect((await api.post('/itemReceipt', { sku: 'X' })).status).toBe(405);
    expect((await api.del('/lineOfBusiness/1')).status).toBe(405);
    expect((await api.del('/warehouse/1')).status).toBe(405);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${sim.baseUrl}/beta/item`, {
      method: 'POST',
      headers: { 'API-Key': sim.apiKey, 'Content-Type': 'application/json' },
      body: '{"lobId": 1,',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('not valid JSON');
  });

  it('rejects an unknown field with 400 naming the field, also inside lines', async () => {
    const r = await api.post<{ errors: string[] }>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'UNK-1',
      itemDescription: 'x',
      colour: 'red',
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toContain('colour: unknown field for Item');
    const o = await api.post<{ errors: string[] }>(
      '/order',
      minimalOrder({ lineItems: [{ sku: 'WIDGET-1', orderedQty: 1, qty: 2 }] }),
    );
    expect(o.status).toBe(400);
    expect(o.json.errors).toContain('lineItems[0].qty: unknown field for OrderLine');
  });

  it('rejects beta-only fields on v3.0 but accepts them on beta', async () => {
    const v3 = client(sim, 'v3.0');
    const bad = await v3.post('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'BETA-1',
      itemDescription: 'x',
      uspsHazmatTypeId: 3,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('uspsHazmatTypeId');
    const ok = await api.post('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'BETA-1',
      itemDescription: 'x',
      uspsHazmatTypeId: 3,
    });
    expect(ok.status).toBe(201);
  });

  it('reports wrong value types and missing required fields with their path', async () => {
    const r = await api.post<{ errors: string[] }>('/vendor', { lobId: 'one', vendorNo: 1.5, name: 'x' });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lobId: must be a whole number/),
        expect.stringMatching(/^vendorNo: /),
      ]),
    );
    const missing = await api.post<{ errors: string[] }>('/vendor', { lobId: 1, vendorNo: 77, name: 'x' });
    expect(missing.json.errors).toEqual(expect.arrayContaining(['street: is required', 'city: is required']));
  });

  it('ignores readOnly fields on create instead of failing', async () => {
    const r = await api.post<Record<string, unknown>>('/item', {
      ...TENANT_IDS,
      lobId: 1,
      sku: 'RO-1',
      itemDescription: 'x',
      onHandQuantity: 500,
      createDate: '2001-01-01T00:00:00.000Z',
    });
    expect(r.status).toBe(201);
    expect(r.json.onHandQuantity).toBe(0);
    expect(r.json.createDate).not.toBe('2001-01-01T00:00:00.000Z');
  });
});

describe('search', () => {
  it('returns a bare array, 20 by default, pages from 1, and [] past the end', async () => {
    const first = await api.search('item', { filter: "sku like 'P-%'" });
    expect(Array.isArray(first.json)).toBe(true);
    expect(first.json).toHaveLength(20);
    const second = await api.search('item', { filter: "sku like 'P-%'", page: 2 });
    expect(second.json).toHaveLength(10);
    const skus = [...first.json, ...second.json].map((i) => i.sku);
    expect(new Set(skus).size).toBe(30);
    const past = await api.search('item', { filter: "sku like 'P-%'", page: 3 });
    expect(past.status).toBe(200);
    expect(past.json).toEqual([]);
  });

  it('takes limit up to 250 and answers 400 above it or for page 0', async () => {
    expect((await api.search('item', { limit: 250 })).status).toBe(200);
    expect((await api.search('item', { limit: 5 })).json).toHaveLength(5);
    const tooMany = await api.search('item', { limit: 251 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('limit');
    expect((await api.search('item', { page: 0 })).status).toBe(400);
  });

  it('sorts by a field ascending or with ! descending, and 400s an unknown sort field', async () => {
    const asc = await api.search('item', { filter: "sku like 'P-%'", sort: 'itemDescription', limit: 3 });
    expect(asc.json.map((i) => i.sku)).toEqual(['P-29', 'P-28', 'P-27']);
    const desc = await api.search('item', { filter: "sku like 'P-%'", sort: '!sku', limit: 2 });
    expect(desc.json.map((i) => i.sku)).toEqual(['P-29', 'P-28']);
    expect((await api.search('item', { sort: 'nope' })).status).toBe(400);
  });

  it('evaluates eq, ne, gt, ge, lt, le, in, like and and', async () => {
    const skus = async (filter: string): Promise<string[]> =>
      (await api.search('item', { filter, limit: 250, sort: 'sku' })).json.map((i) => String(i.sku));
    expect(await skus("sku eq 'P-05'")).toEqual(['P-05']);
    expect(await skus("sku like 'P-%' and sellPrice ge 28")).toEqual(['P-28', 'P-29']);
    expect(await skus("sku like 'P-%' and sellPrice gt 28")).toEqual(['P-29']);
    expect(await skus("sku like 'P-%' and sellPrice lt 2")).toEqual(['P-00', 'P-01']);
    expect(await skus("sku like 'P-%' and sellPrice le 1 and sellPrice ne 0")).toEqual(['P-01']);
    expect(await skus("sku in ('P-03', 'P-07', 'NOPE')")).toEqual(['P-03', 'P-07']);
    expect(await skus("sku like 'p-1%'")).toHaveLength(10);
    expect(await skus('sellPrice gte 29 and lobId eq 1')).toEqual(['P-29']);
  });

  it('compares dates chronologically whatever the literal precision or offset', async () => {
    const all = (await api.search('item', { filter: "sku like 'P-%'", sort: 'createDate', limit: 250 })).json;
    const pivot = all[10] as Record<string, unknown>;
    const ge = await api.search('item', {
      filter: `sku like 'P-%' and createDate ge '${String(pivot.createDate)}'`,
      limit: 250,
    });
    expect(ge.json.length).toBeGreaterThanOrEqual(20);
    expect(ge.json.every((i) => String(i.createDate) >= String(pivot.createDate))).toBe(true);
    const offset = await api.search('item', { filter: "createDate gt '2000-01-01T01:00:00+01:00'" });
    expect(offset.json.length).toBeGreaterThan(0);
    const future = await api.search('item', { filter: "createDate gt '2999-01-01'" });
    expect(future.json).toEqual([]);
    const bad = await api.search('item', { filter: "createDate gt 'yesterday'" });
    expect(bad.status).toBe(400);
  });

  it('answers 400 with a clear message for an unknown filter field or bad syntax', async () => {
    const r = await api.search('item', { filter: "colour eq 'red'" });
    expect(r.status).toBe(400);
    expect(r.text).toContain("unknown field 'colour'");
    const s = await api.search('item', { filter: "sku eq 'unterminated" });
    expect(s.status).toBe(400);
    expect(s.text).toContain('filter');
  });

  it('filters on line fields and customFields, and finds orders by quoted customerOrderNo', async () => {
    const hostile = "O'Brien and sku eq 'X'";
    const created = await api.post<Record<string, unknown>>(
      '/order',
      minimalOrder({ customerOrderNo: hostile, customFields: { erpRef: 'E-1' } }),
    );
    expect(created.status).toBe(201);
    const quoted = hostile.replace(/'/g, "''");
    const byNo = await api.search('order', { filter: `customerOrderNo eq '${quoted}'` });
    expect(byNo.json.map((o) => o.orderNo)).toEqual([created.json.orderNo]);
    const byLine = await api.search('order', {
      filter: "lineItems.sku eq 'WIDGET-1' and customFields.erpRef eq 'E-1'",
    });
    expect(byLine.json.map((o) => o.orderNo)).toEqual([created.json.orderNo]);
  });
});
