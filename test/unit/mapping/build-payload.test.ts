import { describe, expect, it } from 'vitest';
import {
  buildPayload,
  contentHash,
  lineWriteBackParams,
  resolveRequests,
  writeBackParams,
  type PushSourceRecord,
} from '../../../src/domain/mapping/index.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';

const PROFILE = `
version: 1
name: unit
timezone: America/Chicago
infoplus: { lobId: 7, warehouseId: 3 }
lookups:
  carriers: { values: { UPS: 11, FEDEX: 12 }, caseInsensitive: true }
  strict: { values: { A: 1 } }
touchpoints:
  orders:
    key: id
    source:
      header: SELECT * FROM o WHERE changed >= @since
      lines: SELECT * FROM l WHERE id IN (@keys)
    changeDetection: { mode: watermark, column: changed }
    fields:
      customerOrderNo: id
      orderDate: { column: day, type: date }
      customerNo: { column: cust, trim: true, case: upper }
      billToCompany: { column: company, maxLength: 10, truncate: true }
      shipToCompany: { column: ship, maxLength: 5 }
      carrierId: { column: via, lookup: carriers }
      priorityCode: { column: prio, lookup: strict, required: false }
      total: { column: total }
      holdCode: { column: hold, default: 'N' }
    customFields:
      erpRef: { column: ref }
    lines:
      fields:
        sku: { column: sku, case: upper }
        orderedQty: qty
  asns:
    key: po
    source:
      header: SELECT * FROM p
      lines: SELECT * FROM pl WHERE po = @key
    changeDetection: { mode: hash }
    fields:
      poNo: po
      vendorId: { column: vendor, resolve: infoplusVendorId }
      orderDate: { column: at, type: datetime }
      type: { const: Normal }
    lines:
      fields:
        sku: sku
        orderQuantity: qty
`;

const profile: Profile = parseProfile(PROFILE);

const header = {
  id: 'SO-1',
  day: '2024-03-10',
  cust: '  c042 ',
  company: 'Ümlaut & Söhne GmbH',
  ship: 'Dock',
  via: 'ups',
  prio: null,
  total: '199.9900',
  hold: '  ',
  ref: 'O\'Brien "x"',
  changed: '2024-03-10 10:00:00',
};
const rec = (
  h: Record<string, unknown>,
  lines: Record<string, unknown>[] = [{ sku: 'ab-1', qty: '2' }],
): PushSourceRecord => ({
  key: String(h['id']),
  header: h,
  lines,
  watermark: null,
});

describe('buildPayload', () => {
  it('builds an order Infoplus accepts: defaults, conversions, lookups, custom fields, lines', () => {
    const out = buildPayload(profile, 'orders', rec(header));
    expect(out.problems).toEqual([]);
    expect(out.key).toBe('SO-1');
    expect(out.payload).toEqual({
      lobId: 7,
      warehouseId: 3,
      customerOrderNo: 'SO-1',
      orderDate: '2024-03-10T06:00:00.000Z',
      customerNo: 'C042',
      billToCompany: 'Ümlaut & S',
      shipToCompany: 'Dock',
      carrierId: 11,
      total: 199.99,
      holdCode: 'N',
      customFields: { erpRef: 'O\'Brien "x"' },
      lineItems: [{ sku: 'AB-1', orderedQty: 2 }],
    });
  });

  it('reports an unknown lookup code naming field and column', () => {
    const out = buildPayload(profile, 'orders', rec({ ...header, via: 'DHL' }));
    expect(out.problems).toEqual([
      expect.objectContaining({
        field: 'carrierId',
        column: 'via',
        category: 'erp-data',
        message: expect.stringMatching(/unknown code "DHL".*UPS/),
      }),
    ]);
  });

  it('reports a value too long unless truncate is set', () => {
    const out = buildPayload(profile, 'orders', rec({ ...header, ship: 'Loading dock 7' }));
    expect(out.problems).toEqual([
      expect.objectContaining({
        field: 'shipToCompany',
        column: 'ship',
        message: expect.stringMatching(/14 characters.*Infoplus allows 5/),
      }),
    ]);
  });

  it('counts UTF-16 units, as Infoplus does, and truncates without splitting an emoji', () => {
    const out = buildPayload(profile, 'orders', rec({ ...header, company: '📦📦📦📦📦📦📦📦📦📦📦' }));
    // maxLength 10: five emoji are ten units
    expect(out.payload['billToCompany']).toBe('📦📦📦📦📦');
  });

  it('reports unparseable numbers and dates, and missing required values, per line too', () => {
    const out = buildPayload(
      profile,
      'orders',
      rec({ ...header, total: 'n/a', day: '31/12/2024', id: 'SO-2' }, [
        { sku: 'A', qty: '1.5' },
        { sku: null, qty: 1 },
      ]),
    );
    const byField = Object.fromEntries(out.problems.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual([
      'lineItems[0].orderedQty',
      'lineItems[1].sku',
      'orderDate',
      'total',
    ]);
    expect(byField['total']?.message).toMatch(/"n\/a" is not a number/);
    expect(byField['orderDate']?.column).toBe('day');
    expect(byField['lineItems[0].orderedQty']?.message).toMatch(/not a whole number/);
    expect(byField['lineItems[1].sku']?.message).toMatch(/missing value: column "sku" is empty/);
  });

  it('a column missing from the query result is a mapping problem', () => {
    const { total: _total, ...withoutTotal } = header;
    const out = buildPayload(profile, 'orders', rec(withoutTotal));
    expect(out.problems).toEqual([
      expect.objectContaining({
        field: 'total',
        category: 'mapping',
        message: expect.stringMatching(/column "total" is not in the query result/),
      }),
    ]);
  });

  it('finds columns case-insensitively (PostgreSQL folds names)', () => {
    const upper = Object.fromEntries(Object.entries(header).map(([k, v]) => [k.toUpperCase(), v]));
    expect(buildPayload(profile, 'orders', rec(upper)).problems).toEqual([]);
  });

  it('an order without lines is an ERP data problem', () => {
    expect(buildPayload(profile, 'orders', rec(header, [])).problems).toEqual([
      expect.objectContaining({ field: 'lineItems' }),
    ]);
  });

  it('resolves the Infoplus vendor id through the engine, and reports an unknown vendor', () => {
    const asn = {
      key: 'PO-1',
      header: { po: 'PO-1', vendor: 1001, at: '2024-11-03 01:30:00' },
      lines: [{ sku: 'A', qty: 5 }],
      watermark: null,
    };
    expect(resolveRequests(profile, 'asns', asn)).toEqual([{ kind: 'infoplusVendorId', value: '1001' }]);
    const ids = new Map([['1001', 55]]);
    const out = buildPayload(profile, 'asns', asn, { resolve: (_k, v) => ids.get(v) });
    expect(out.problems).toEqual([]);
    expect(out.payload).toEqual({
      lobId: 7,
      warehouseId: 3,
      poNo: 'PO-1',
      vendorId: 55,
      orderDate: '2024-11-03T06:30:00.000Z',
      type: 'Normal',
      lineItems: [{ lobId: 7, sku: 'A', orderQuantity: 5 }],
    });
    const missing = buildPayload(profile, 'asns', asn, { resolve: () => undefined });
    expect(missing.problems).toEqual([
      expect.objectContaining({
        field: 'vendorId',
        message: expect.stringMatching(/vendor 1001 is not in Infoplus yet/),
      }),
    ]);
  });
});

describe('contentHash', () => {
  it('does not depend on key order and changes with any value', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 3 }], x: 'é' } };
    const b = { a: { x: 'é', y: [1, { p: 3, q: 2 }] }, b: 1 };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...a, b: 2 })).not.toBe(contentHash(a));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });

  it('ignores undefined members, as JSON does', () => {
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
  });
});

describe('writeBackParams', () => {
  it('flattens an Infoplus record: scalars, custom fields, dates as ERP wall clock', () => {
    const p = writeBackParams(
      {
        id: 9,
        orderNo: 1001.5,
        trackingNo: null,
        shipDate: '2024-07-15T14:30:00.000Z',
        customFields: { note: 'x' },
        orderNoList: [1, 2],
      },
      'America/Chicago',
    );
    expect(p).toEqual({
      erpKey: null,
      id: 9,
      orderNo: 1001.5,
      trackingNo: null,
      shipDate: '2024-07-15 09:30:00.000',
      customFields_note: 'x',
      orderNoList: '[1,2]',
    });
    expect(
      writeBackParams({ d: '2024-07-15T14:30:00Z' }, 'America/Chicago', { erpKey: 'SO-1' }, 'T'),
    ).toEqual({
      erpKey: 'SO-1',
      d: '2024-07-15T09:30:00.000',
    });
  });

  it('adds @line_* per line element, or @line_value for scalars', () => {
    const base = writeBackParams({ id: 1 }, 'UTC');
    expect(lineWriteBackParams(base, { sku: 'A', qty: 2 }, 0, 'UTC')).toEqual({
      erpKey: null,
      id: 1,
      line_index: 0,
      line_sku: 'A',
      line_qty: 2,
    });
    expect(lineWriteBackParams(base, 1004, 3, 'UTC')).toEqual({
      erpKey: null,
      id: 1,
      line_index: 3,
      line_value: 1004,
    });
  });
});
