/** The mapping transforms of issue 11: warehouse per record, unit conversion, fractional quantities, address
 * lines, per-column zones and tenant lookups. */
import { describe, expect, it } from 'vitest';
import {
  buildPayload,
  resolveRequests,
  type MappingContext,
  type PushSourceRecord,
} from '../../../src/domain/mapping/index.js';
import type { ProfileError } from '../../../src/profile/index.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';

const profileText = (orderFields: string, lineFields = '', lookups = ''): string => `
version: 1
name: transforms
timezone: America/Chicago
infoplus: { lobId: 1, warehouseId: 1 }
lookups:
  warehouses: { values: { MAIN: 1, EAST: 2 }, caseInsensitive: true }
  tenantWarehouses: { fromTenant: warehouses, values: { OLD: 1 } }
  tenantCarriers: { fromTenant: carriers }
${lookups}
touchpoints:
  orders:
    key: id
    source:
      header: SELECT * FROM o
      lines: SELECT * FROM l WHERE id IN (@keys)
    changeDetection: { mode: hash }
    fields:
      customerOrderNo: id
      orderDate: { column: day, type: date }
      billToCompany: company
${orderFields}
    lines:
      fields:
        sku: sku
        orderedQty: { column: qty${lineFields} }
`;

const rec = (header: Record<string, unknown>, lines: Record<string, unknown>[] = [{ sku: 'A', qty: 1 }]) =>
  ({
    key: String(header.id ?? 'SO-1'),
    header: { id: 'SO-1', day: '2026-03-01', company: 'Acme', ...header },
    lines,
    watermark: null,
  }) satisfies PushSourceRecord;

const build = (p: Profile, r: PushSourceRecord, ctx: MappingContext = {}) =>
  buildPayload(p, 'orders', r, ctx);

describe('warehouse per record', () => {
  const p = parseProfile(profileText('      warehouseId: { column: wh, lookup: warehouses }'));

  it('sends the warehouse the ERP code names, instead of the profile default', () => {
    expect(build(p, rec({ wh: 'east' })).payload.warehouseId).toBe(2);
    expect(build(p, rec({ wh: 'MAIN' })).payload.warehouseId).toBe(1);
  });

  it('an unknown warehouse code names the code and the column', () => {
    const b = build(p, rec({ wh: 'WEST' }));
    expect(b.problems).toEqual([
      expect.objectContaining({ field: 'warehouseId', column: 'wh', category: 'erp-data' }),
    ]);
    expect(b.problems[0]!.message).toContain('"WEST"');
  });
});

describe('tenant lookups', () => {
  const p = parseProfile(
    profileText(
      '      warehouseId: { column: wh, lookup: tenantWarehouses }\n      carrierId: { column: via, lookup: tenantCarriers }',
    ),
  );
  const tenant: MappingContext = {
    tenantList: (list) =>
      list === 'warehouses'
        ? [
            { id: 1, names: ['Main Warehouse'] },
            { id: 2, names: ['East Warehouse'] },
          ]
        : [
            { id: 100, names: ['UPS', 'UPSN'] },
            { id: 101, names: ['FedEx', 'FDEG'] },
          ],
  };

  it('asks the engine for the lists the mapping uses', () => {
    expect(resolveRequests(p, 'orders', rec({ wh: 'x', via: 'y' }))).toEqual([
      { kind: 'tenantList', value: 'warehouses' },
      { kind: 'tenantList', value: 'carriers' },
    ]);
  });

  it('matches names and ids in any case; values come first', () => {
    const b = build(p, rec({ wh: 'east warehouse', via: 'fdeg' }), tenant);
    expect(b.problems).toEqual([]);
    expect(b.payload).toMatchObject({ warehouseId: 2, carrierId: 101 });
    expect(build(p, rec({ wh: '2', via: 'UPS' }), tenant).payload).toMatchObject({
      warehouseId: 2,
      carrierId: 100,
    });
    expect(build(p, rec({ wh: 'OLD', via: 'UPS' }), tenant).payload.warehouseId).toBe(1);
  });

  it("a code not in the tenant's list says so and lists what is there", () => {
    const b = build(p, rec({ wh: 'Main Warehouse', via: 'DHL' }), tenant);
    expect(b.problems).toHaveLength(1);
    expect(b.problems[0]).toMatchObject({ field: 'carrierId', column: 'via', category: 'erp-data' });
    expect(b.problems[0]!.message).toMatch(
      /carrier "DHL" is not in the tenant's carriers \(known: 100 UPS, 101 FedEx\)/,
    );
  });

  it('a list that could not be loaded is a mapping problem saying why', () => {
    const b = build(p, rec({ wh: 'Main Warehouse', via: 'UPS' }), { tenantList: () => 'HTTP 403' });
    expect(b.problems[0]).toMatchObject({ category: 'mapping' });
    expect(b.problems[0]!.message).toContain('HTTP 403');
  });
});

describe('unit conversion and fractional quantities', () => {
  it('multiplies by a factor column exactly (0.1 x 3 = 0.3, not 0.30000000000000004)', () => {
    const p = parseProfile(profileText('', ', type: decimal, multiplyBy: per_case'));
    const b = build(p, rec({}, [{ sku: 'A', qty: '0.1', per_case: 3 }]));
    expect(b.problems).toEqual([]);
    expect((b.payload.lineItems as { orderedQty: number }[])[0]!.orderedQty).toBe(0.3);
  });

  it('cases x units per case become whole units', () => {
    const p = parseProfile(profileText('', ', multiplyBy: per_case'));
    const b = build(p, rec({}, [{ sku: 'A', qty: '2.5', per_case: '12' }]));
    expect(b.problems).toEqual([]);
    expect((b.payload.lineItems as { orderedQty: number }[])[0]!.orderedQty).toBe(30);
  });

  it('an empty factor names its column', () => {
    const p = parseProfile(profileText('', ', multiplyBy: per_case'));
    const b = build(p, rec({}, [{ sku: 'A', qty: 2, per_case: null }]));
    expect(b.problems[0]).toMatchObject({ field: 'lineItems[0].orderedQty' });
    expect(b.problems[0]!.message).toContain('factor column "per_case"');
  });

  it('fractional: refuse names the line and the value', () => {
    const p = parseProfile(profileText('', ', fractional: refuse'));
    const b = build(
      p,
      rec({}, [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: '2.50' },
      ]),
    );
    expect(b.problems).toHaveLength(1);
    expect(b.problems[0]).toMatchObject({
      field: 'lineItems[1].orderedQty',
      column: 'qty',
      category: 'erp-data',
    });
    expect(b.problems[0]!.message).toContain('2.50 is not a whole number');
  });

  it('fractional: round rounds halves away from zero; whole values pass', () => {
    const p = parseProfile(profileText('', ', fractional: round'));
    const qty = (v: unknown) =>
      (build(p, rec({}, [{ sku: 'A', qty: v }])).payload.lineItems as { orderedQty: number }[])[0]!
        .orderedQty;
    expect(qty('2.5')).toBe(3);
    expect(qty(2.4)).toBe(2);
    expect(qty('2.000')).toBe(2);
    expect(qty(-1.5)).toBe(-2);
  });

  it('fractional is refused on a field that is not a whole number', () => {
    try {
      parseProfile(profileText('      shipToCompany: { column: company, fractional: round }'));
      expect.unreachable();
    } catch (e) {
      expect((e as ProfileError).problems).toEqual([
        expect.objectContaining({ path: 'touchpoints.orders.fields.shipToCompany.fractional' }),
      ]);
    }
  });
});

describe('address lines', () => {
  const fields = (overflow = '') => `
      shipToStreet: { column: addr, addressLine: { line: 1, of: 3 } }
      shipToStreet2: { column: addr, addressLine: { line: 2, of: 3 } }
      shipToStreet3: { column: addr, addressLine: { line: 3, of: 3${overflow} } }`;

  it('splits by any line break, dropping blank lines', () => {
    const p = parseProfile(profileText(fields()));
    const b = build(p, rec({ addr: '12 Main St\r\n\r\nSuite 4\nBuilding C' }));
    expect(b.payload).toMatchObject({
      shipToStreet: '12 Main St',
      shipToStreet2: 'Suite 4',
      shipToStreet3: 'Building C',
    });
  });

  it('fewer lines leave the later fields out', () => {
    const b = build(parseProfile(profileText(fields())), rec({ addr: '12 Main St' }));
    expect(b.payload.shipToStreet).toBe('12 Main St');
    expect(b.payload).not.toHaveProperty('shipToStreet2');
    expect(b.payload).not.toHaveProperty('shipToStreet3');
  });

  it('overflow joins the remaining lines onto the last field by default', () => {
    const b = build(parseProfile(profileText(fields())), rec({ addr: 'a\nb\nc\nd\ne' }));
    expect(b.payload).toMatchObject({ shipToStreet: 'a', shipToStreet2: 'b', shipToStreet3: 'c, d, e' });
  });

  it('overflow: refuse parks the record naming the column and the line count', () => {
    const b = build(parseProfile(profileText(fields(', overflow: refuse'))), rec({ addr: 'a\nb\nc\nd' }));
    expect(b.problems).toEqual([
      expect.objectContaining({ field: 'shipToStreet3', column: 'addr', category: 'erp-data' }),
    ]);
    expect(b.problems[0]!.message).toContain('4 lines');
  });
});

describe('per-column time zone', () => {
  it("a column's zone overrides the profile's", () => {
    const p = parseProfile(
      profileText(
        '      deliverOnDate: { column: stamped, type: datetime, zone: UTC }\n      needByDate: { column: local, type: datetime }',
      ),
    );
    const b = build(p, rec({ stamped: '2026-07-01 12:00:00', local: '2026-07-01 12:00:00' }));
    expect(b.payload.deliverOnDate).toBe('2026-07-01T12:00:00.000Z');
    expect(b.payload.needByDate).toBe('2026-07-01T17:00:00.000Z'); // Chicago, daylight time
  });

  it('an unknown zone is a profile error naming the field', () => {
    try {
      parseProfile(
        profileText('      deliverOnDate: { column: stamped, type: datetime, zone: Mars/Olympus }'),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as ProfileError).problems).toEqual([
        expect.objectContaining({ path: 'touchpoints.orders.fields.deliverOnDate.zone' }),
      ]);
    }
  });
});

describe('vendor numbers', () => {
  const p = parseProfile(`
version: 1
name: vendors
timezone: UTC
infoplus: { lobId: 1, warehouseId: 1 }
touchpoints:
  vendors:
    key: code
    source: { header: SELECT * FROM v }
    changeDetection: { mode: hash }
    fields:
      vendorNo: { column: code, resolve: vendorNumber }
      name: name
      street: { const: x }
      city: { const: x }
      state: { const: x }
      zipCode: { const: x }
      inactive: { const: 'No' }
`);
  const vendor = (code: unknown) =>
    ({
      key: String(code),
      header: { code, name: 'V' },
      lines: [],
      watermark: null,
    }) satisfies PushSourceRecord;
  const numbers = new Map([
    ['ACME-01', 1_000_000],
    ['042', 1_000_001],
  ]);
  const ctx: MappingContext = {
    resolve: (kind, v) => (kind === 'vendorNumber' ? numbers.get(v) : undefined),
  };

  it('sends plain whole-number codes as they are, without asking the engine', () => {
    expect(resolveRequests(p, 'vendors', vendor(1001))).toEqual([]);
    expect(buildPayload(p, 'vendors', vendor(1001), {}).payload['vendorNo']).toBe(1001);
  });

  it('asks for and sends the stable number of any other code (leading zeros included)', () => {
    expect(resolveRequests(p, 'vendors', vendor('ACME-01'))).toEqual([
      { kind: 'vendorNumber', value: 'ACME-01' },
    ]);
    expect(buildPayload(p, 'vendors', vendor('ACME-01'), ctx).payload['vendorNo']).toBe(1_000_000);
    expect(buildPayload(p, 'vendors', vendor('042'), ctx).payload['vendorNo']).toBe(1_000_001);
  });

  it('a code the engine could not number is a mapping problem naming the code', () => {
    const b = buildPayload(p, 'vendors', vendor('NEW-9'), ctx);
    expect(b.problems).toEqual([expect.objectContaining({ field: 'vendorNo', category: 'mapping' })]);
    expect(b.problems[0]!.message).toContain('"NEW-9"');
  });
});
