import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sampleProfileObject, sampleProfileText } from '../../../src/erp/sample/sample-profile.js';
import { parseProfile, ProfileError, type ProfileProblem } from '../../../src/profile/index.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(mutate: (doc: Doc) => void): ProfileProblem[] {
  const doc = structuredClone(sampleProfileObject('sqlite')) as Doc;
  mutate(doc);
  try {
    parseProfile(stringify(doc), 'test.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return [...(e as ProfileError).problems];
  }
  throw new Error('the broken profile was accepted');
}

/** The one problem a one-field break causes; its path must name exactly that field. */
function onlyProblem(mutate: (doc: Doc) => void): ProfileProblem {
  const problems = problemsOf(mutate);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0]!;
}

describe('the sample profiles', () => {
  it.each(['sqlite', 'postgres', 'mysql', 'sqlserver'] as const)('%s profile is valid', (driver) => {
    const p = parseProfile(sampleProfileText(driver));
    expect(p.infoplus).toEqual({ lobId: 1, warehouseId: 1 });
    expect(Object.keys(p.touchpoints).sort()).toEqual(
      ['asns', 'inventory-adjustments', 'item-receipts', 'items', 'orders', 'shipments', 'vendors'].sort(),
    );
  });

  it('is also accepted as JSON', () => {
    const p = parseProfile(JSON.stringify(sampleProfileObject('postgres')));
    expect(p.name).toBe('Sample ERP (postgres)');
  });

  it('normalizes shorthand fields and infers types from the Infoplus model', () => {
    const p = parseProfile(sampleProfileText('sqlite'));
    const orders = p.touchpoints.orders as { fields: Record<string, unknown> };
    expect(orders.fields['customerOrderNo']).toEqual({ column: 'order_no', type: 'string' });
    const vendors = p.touchpoints.vendors as { fields: Record<string, unknown> };
    expect(vendors.fields['vendorNo']).toMatchObject({ column: 'vendor_no', type: 'int', required: true });
  });
});

describe('a broken profile names the broken field', () => {
  it('a fingerprints query without a fingerprint column', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['orders']['source']['fingerprints'] = 'SELECT order_no, updated_at FROM sales_orders';
    });
    expect(p.path).toBe('touchpoints.orders.source.fingerprints');
    expect(p.message).toMatch(/needs changeDetection.fingerprint/);
  });

  it('a fingerprints query without headerByKeys to read the changed records', () => {
    const p = onlyProblem((d) => {
      const orders = d['touchpoints']['orders'];
      orders['source']['fingerprints'] = 'SELECT order_no, updated_at FROM sales_orders';
      orders['changeDetection']['fingerprint'] = 'updated_at';
      delete orders['source']['headerByKeys'];
    });
    expect(p.path).toBe('touchpoints.orders.source.fingerprints');
    expect(p.message).toMatch(/needs source.headerByKeys/);
  });

  it('unknown touchpoint', () => {
    const p = onlyProblem((d) => (d['touchpoints']['invoices'] = d['touchpoints']['orders']));
    expect(p.path).toBe('touchpoints.invoices');
    expect(p.message).toMatch(/unknown touchpoint "invoices".*orders/);
  });

  it('bad cron', () => {
    const p = onlyProblem((d) => (d['touchpoints']['orders']['schedule'] = { cron: '*/5 25 * * *' }));
    expect(p.path).toBe('touchpoints.orders.schedule.cron');
    expect(p.message).toMatch(/the hour field must be between 0 and 23, not 25/);
  });

  it('cron with six fields', () => {
    const p = onlyProblem((d) => (d['touchpoints']['items']['schedule'] = { cron: '0 */5 * * * *' }));
    expect(p.path).toBe('touchpoints.items.schedule.cron');
    expect(p.message).toMatch(/6 fields; write 5/);
  });

  it('unknown Infoplus field', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['orders']['fields']['customerOrderNumber'] =
        d['touchpoints']['orders']['fields']['customerOrderNo'];
    });
    expect(p.path).toBe('touchpoints.orders.fields.customerOrderNumber');
    expect(p.message).toMatch(/not a field of Infoplus Order/);
  });

  it('unknown Infoplus line field', () => {
    const p = onlyProblem((d) => (d['touchpoints']['asns']['lines']['fields']['quantity'] = 'qty'));
    expect(p.path).toBe('touchpoints.asns.lines.fields.quantity');
    expect(p.message).toMatch(/not a field of Infoplus ItemReceipt/);
  });

  it('read-only Infoplus field mapped', () => {
    const p = onlyProblem((d) => (d['touchpoints']['orders']['fields']['orderNo'] = 'order_no'));
    expect(p.path).toBe('touchpoints.orders.fields.orderNo');
    expect(p.message).toMatch(/read-only/);
  });

  it('missing key', () => {
    const p = onlyProblem((d) => delete d['touchpoints']['orders']['key']);
    expect(p.path).toBe('touchpoints.orders.key');
    expect(p.message).toMatch(/required/);
  });

  it('record key not mapped to its Infoplus key field', () => {
    const p = onlyProblem((d) => delete d['touchpoints']['vendors']['fields']['vendorNo']);
    expect(p.path).toBe('touchpoints.vendors.fields.vendorNo');
    expect(p.message).toMatch(/record key/);
  });

  it('watermark without @since', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['orders']['source']['header'] = 'SELECT * FROM sales_orders ORDER BY updated_at';
    });
    expect(p.path).toBe('touchpoints.orders.source.header');
    expect(p.message).toMatch(/@since/);
  });

  it('lines query without @keys or @key', () => {
    const p = onlyProblem(
      (d) => (d['touchpoints']['orders']['source']['lines'] = 'SELECT * FROM sales_order_lines'),
    );
    expect(p.path).toBe('touchpoints.orders.source.lines');
    expect(p.message).toMatch(/@keys/);
  });

  it('lookup table missing', () => {
    const p = onlyProblem((d) => (d['touchpoints']['orders']['fields']['carrierId']['lookup'] = 'shipVia'));
    expect(p.path).toBe('touchpoints.orders.fields.carrierId.lookup');
    expect(p.message).toMatch(/"shipVia" is not defined under lookups \(defined: carriers/);
  });

  it('password inside the profile', () => {
    const problems = problemsOf((d) => (d['connections']['erp']['password'] = 'hunter2'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('connections.erp.password');
    expect(problems[0]!.message).toMatch(/secrets never live in a profile.*passwordEnv/);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('API key inside the profile', () => {
    const p = onlyProblem((d) => (d['connections']['infoplus']['apiKey'] = 'k-123456'));
    expect(p.path).toBe('connections.infoplus.apiKey');
    expect(p.message).toMatch(/apiKeyEnv/);
    expect(p.message).not.toContain('k-123456');
  });

  it('password inside the ERP URL', () => {
    const p = onlyProblem((d) => (d['connections']['erp']['url'] = 'postgres://erp:Secret99@db/erp'));
    expect(p.path).toBe('connections.erp.url');
    expect(p.message).not.toContain('Secret99');
  });

  it('bad timezone', () => {
    const p = onlyProblem((d) => (d['timezone'] = 'America/Chicgo'));
    expect(p.path).toBe('timezone');
    expect(p.message).toMatch(/not an IANA time zone/);
  });

  it('write-back statement referencing an unknown parameter', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['shipments']['writeBack']['record'][0]['sql'] =
        'UPDATE erp_shipments SET tracking_no = @trackingNumber WHERE infoplus_shipment_id = @id';
    });
    expect(p.path).toBe('touchpoints.shipments.writeBack.record[0].sql');
    expect(p.message).toMatch(/unknown parameter @trackingNumber.*@trackingNo/);
  });

  it('write-back lines taken from a field the Infoplus record does not have', () => {
    const p = onlyProblem((d) => (d['touchpoints']['shipments']['writeBack']['lines']['from'] = 'lineItems'));
    expect(p.path).toBe('touchpoints.shipments.writeBack.lines.from');
    expect(p.message).toMatch(/not a field of Infoplus Shipment.*customFields\.<name>/);
  });

  it('a record parameter misspelled inside a per-line statement', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['shipments']['writeBack']['lines']['statements'][0]['sql'] =
        'UPDATE sales_order_lines SET qty_shipped = @line_shippedQty WHERE line_id = @shipmentNumber';
    });
    expect(p.path).toBe('touchpoints.shipments.writeBack.lines.statements[0].sql');
    expect(p.message).toMatch(/unknown parameter @shipmentNumber/);
  });

  it('a when: condition naming a parameter the record does not have', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['item-receipts']['writeBack']['record'][2]['when'] = 'receivedQty > 0';
    });
    expect(p.path).toBe('touchpoints.item-receipts.writeBack.record[2].when');
    expect(p.message).toMatch(/unknown parameter receivedQty in statement "recompute-line-received"/);
  });

  it('an expect that is not one of the row counts', () => {
    const p = onlyProblem((d) => {
      d['touchpoints']['shipments']['writeBack']['record'][2]['expect'] = { rows: 'some' };
    });
    expect(p.path).toBe('touchpoints.shipments.writeBack.record[2].expect.rows');
  });

  it('misspelled setting inside a field mapping', () => {
    const p = onlyProblem(
      (d) => (d['touchpoints']['orders']['fields']['orderDate'] = { colum: 'order_date' }),
    );
    expect(p.path).toBe('touchpoints.orders.fields.orderDate.colum');
    expect(p.message).toMatch(/unknown setting "colum"/);
  });

  it('invalid type name', () => {
    const p = onlyProblem(
      (d) => (d['touchpoints']['orders']['fields']['total'] = { column: 'total', type: 'money' }),
    );
    expect(p.path).toBe('touchpoints.orders.fields.total.type');
  });

  it('field without column or const', () => {
    const p = onlyProblem((d) => (d['touchpoints']['orders']['fields']['total'] = { type: 'decimal' }));
    expect(p.path).toBe('touchpoints.orders.fields.total.column');
  });

  it('a field Infoplus requires is not mapped', () => {
    const p = onlyProblem((d) => delete d['touchpoints']['asns']['fields']['type']);
    expect(p.path).toBe('touchpoints.asns.fields.type');
    expect(p.message).toMatch(/required by Infoplus/);
  });

  it('unknown ERP driver', () => {
    const p = onlyProblem((d) => (d['connections']['erp']['driver'] = 'oracle'));
    expect(p.path).toBe('connections.erp.driver');
    expect(p.message).toMatch(/sqlserver.*postgres.*mysql.*sqlite.*got "oracle"/);
  });

  it('schedule in neither form', () => {
    const problems = problemsOf((d) => (d['touchpoints']['orders']['schedule'] = { every: 5 }));
    expect(problems.map((p) => p.path).sort()).toEqual([
      'touchpoints.orders.schedule.cron',
      'touchpoints.orders.schedule.every',
    ]);
    expect(problems.find((p) => p.path.endsWith('cron'))?.message).toMatch(
      /cron .*, intervalMinutes or continuous/,
    );
  });

  it('wrong version', () => {
    const p = onlyProblem((d) => (d['version'] = 2));
    expect(p.path).toBe('version');
  });

  it('not YAML at all', () => {
    expect(() => parseProfile('version: 1\n  name: [unclosed')).toThrow(ProfileError);
  });

  it('lists several problems at once', () => {
    const problems = problemsOf((d) => {
      d['timezone'] = 'Mars/Olympus';
      d['touchpoints']['orders']['fields']['orderNo'] = 'order_no';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['timezone', 'touchpoints.orders.fields.orderNo']);
  });
});
