/**
 * Every writable field of every pushed model (from the generated MODEL_FIELDS) survives create + get, on
 * both API versions. Server-managed dates (createDate/modifyDate, writable in the spec for Vendor and
 * Customer but always set by the server, see decisions.ts §14) are excluded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FIELDS, type ModelName } from '../../../src/infoplus/models/generated.js';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';
import { TENANT_IDS, client, startSeeded } from './helpers.js';

type Rec = Record<string, unknown>;
const SERVER_DATES = new Set(['createDate', 'modifyDate']);

/** Values for fields whose content is checked by business rules. */
const OVERRIDES: Partial<Record<ModelName, Rec>> = {
  Order: { lobId: 1, warehouseId: 1, customerNo: 'RT-NEW-CUST', billToCompany: 'Round Trip Co' },
  OrderLine: { lobId: 1, sku: 'WIDGET-1', orderedQty: 4 },
  Asn: { lobId: 1, warehouseId: 1, vendorId: 1 },
  ItemReceipt: { lobId: 1, warehouseId: 1, vendorId: 1, sku: 'WIDGET-2', orderQuantity: 9 },
  Item: { lobId: 1, itemDescription: 'Round trip item' },
  Vendor: { lobId: 1 },
  Customer: { lobId: 1 },
  DynamicKitComponentLine: { lobId: 1, sku: 'GADGET-1' },
};

/** A value of the field's type, different per field so mix-ups show. */
function valueFor(model: ModelName, field: string, n: number, version: string, unique: string): unknown {
  const override = OVERRIDES[model]?.[field];
  if (override !== undefined) return override;
  const spec = MODEL_FIELDS[model][field];
  if (!spec) throw new Error(`no field ${field}`);
  switch (spec.type) {
    case 'integer':
      return 100 + n;
    case 'decimal':
      return 10 + n + 0.25;
    case 'boolean':
      return n % 2 === 0;
    case 'date-time':
      return new Date(Date.UTC(2024, 0, 1 + (n % 28), n % 24, n % 60, 7, 890)).toISOString();
    case 'map':
      return { note: `value ${n}`, nested: { n } };
    case 'array':
      if (spec.itemsModel) return [build(spec.itemsModel, version, unique)];
      if (spec.items === 'decimal') return [n + 0.5, n + 1.5];
      return [`${field}-a`, `${field}-b`];
    default:
      // Unique-per-run text for keys (sku, poNo, customerNo) and readable text elsewhere.
      return field === 'sku' || field === 'poNo' || field === 'customerNo'
        ? `RT-${unique}-${n}`.slice(0, 20)
        : `${field} ${n} é'"`;
  }
}

/** The fields a client may send on create: not readOnly, or required+readOnly (frozen after create). */
function writable(model: ModelName, version: string): string[] {
  return Object.entries(MODEL_FIELDS[model])
    .filter(([name, spec]) => (!spec.readOnly || spec.required) && !SERVER_DATES.has(name))
    .filter(([, spec]) => version === 'beta' || spec.betaOnly !== true)
    .map(([name]) => name);
}

function build(model: ModelName, version: string, unique: string): Rec {
  const out: Rec = {};
  writable(model, version).forEach((f, i) => (out[f] = valueFor(model, f, i, version, unique)));
  return out;
}

/** Every field sent comes back equal; arrays of records compare field by field (the server adds fields). */
function expectRoundTrip(sent: Rec, got: Rec, path: string): void {
  for (const [field, value] of Object.entries(sent)) {
    const back = got[field];
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      expect(Array.isArray(back), `${path}.${field} is an array`).toBe(true);
      value.forEach((v, i) => expectRoundTrip(v as Rec, (back as Rec[])[i] as Rec, `${path}.${field}[${i}]`));
    } else {
      expect(back, `${path}.${field}`).toEqual(value);
    }
  }
}

const CASES: [string, ModelName][] = [
  ['order', 'Order'],
  ['asn', 'Asn'],
  ['item', 'Item'],
  ['vendor', 'Vendor'],
  ['customer', 'Customer'],
];

let sim: InfoplusSimulator;
beforeAll(async () => {
  // Custom fields must be defined in the account (decisions E8): define the two the bodies use.
  const customFields = CASES.flatMap(([, recordType]) =>
    ['note', 'nested'].map((name) => ({
      name,
      label: name,
      tabLabel: 'Sync',
      fieldType: 'Text',
      recordType,
    })),
  );
  sim = await startSeeded({ seedData: { customFields } });
});
afterAll(() => sim.close());

describe.each(['v3.0', 'beta'] as const)('round trip on %s', (version) => {
  it.each(CASES)('%s keeps every writable field', async (resource, model) => {
    const api = client(sim, version);
    const body = build(
      model,
      version,
      `${version === 'beta' ? 'B' : 'V'}${resource.slice(0, 3).toUpperCase()}`,
    );
    if (model === 'Item') Object.assign(body, { sku: String(body.sku).toUpperCase(), ...TENANT_IDS });
    if (model === 'Vendor') body.vendorNo = version === 'beta' ? 9001 : 9002;
    const created = await api.post<Rec>(`/${resource}`, body);
    expect(created.status, created.text).toBe(201);
    const key = resource === 'order' ? created.json.orderNo : created.json.id;
    const got = await api.get<Rec>(`/${resource}/${String(key)}`);
    expect(got.status).toBe(200);
    expect(Object.keys(body).length).toBeGreaterThan(5);
    expectRoundTrip(body, got.json, resource);
    // And through search, as a pull would read it.
    const keyField = resource === 'order' ? 'orderNo' : 'id';
    const found = await api.search(resource, { filter: `${keyField} eq ${String(key)}` });
    expectRoundTrip(body, found.json[0] as Rec, `${resource} (search)`);
  });
});
