import { describe, expect, it } from 'vitest';
import { buildUpsert, limitClause, quoteIdent, quoteQualified } from '../../../src/erp/dialect.js';
import { parseNamedParams } from '../../../src/erp/named-params.js';
import {
  dateToSqliteText,
  decimalFromNumber,
  integerValue,
  parseSqliteDate,
} from '../../../src/erp/sql-values.js';

describe('dialect helpers', () => {
  it('quotes identifiers per database, doubling the closing quote', () => {
    expect(quoteIdent('postgres', 'a"b')).toBe('"a""b"');
    expect(quoteIdent('mysql', 'a`b')).toBe('`a``b`');
    expect(quoteIdent('sqlserver', 'a]b')).toBe('[a]]b]');
    expect(quoteQualified('sqlserver', 'dbo.orders')).toBe('[dbo].[orders]');
    expect(limitClause('sqlserver', 10)).toEqual({ top: 'TOP (10)', tail: '' });
    expect(limitClause('postgres', 10)).toEqual({ top: '', tail: 'LIMIT 10' });
    expect(() => limitClause('mysql', 1.5)).toThrow();
  });

  it('builds SQL Server upserts as UPDATE WITH (UPDLOCK, HOLDLOCK) then INSERT, never MERGE', () => {
    const plan = buildUpsert('sqlserver', 'dbo.erp_shipments', ['shipment_id'], ['order_no', 'tracking']);
    expect(plan.requiresTransaction).toBe(true);
    expect(plan.sql).not.toMatch(/MERGE/i);
    expect(plan.sql).toContain(
      'UPDATE [dbo].[erp_shipments] WITH (UPDLOCK, HOLDLOCK) SET [order_no] = @order_no',
    );
    expect(plan.sql).toContain('IF @@ROWCOUNT = 0');
    expect(plan.sql).toContain('INSERT INTO [dbo].[erp_shipments] ([shipment_id], [order_no], [tracking])');
    // the statement's parameters are exactly the columns
    expect([...new Set(parseNamedParams(plan.sql, 'sqlserver').map((t) => t.name))].sort()).toEqual(
      [...plan.params].sort(),
    );
  });

  it('builds ON CONFLICT / ON DUPLICATE KEY upserts for the others', () => {
    expect(buildUpsert('postgres', 'erp.items', ['sku'], ['name']).sql).toBe(
      'INSERT INTO "erp"."items" ("sku", "name") VALUES (@sku, @name) ON CONFLICT ("sku") DO UPDATE SET "name" = excluded."name"',
    );
    expect(buildUpsert('sqlite', 'items', ['sku'], []).sql).toContain('DO NOTHING');
    expect(buildUpsert('mysql', 'items', ['sku'], ['name']).sql).toBe(
      'INSERT INTO `items` (`sku`, `name`) VALUES (@sku, @name) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)',
    );
    expect(() => buildUpsert('mysql', 'items', ['sku'], ['bad name'])).toThrow(/plain identifier/);
  });
});

describe('value normalization', () => {
  it('keeps integers exact: numbers up to 2^53, strings beyond', () => {
    expect(integerValue('42')).toBe(42);
    expect(integerValue(-9007199254740991n)).toBe(-9007199254740991);
    expect(integerValue('9007199254740993')).toBe('9007199254740993');
  });

  it('writes decimals held as numbers with the column scale and their shortest digits', () => {
    expect(decimalFromNumber(12.5, 2)).toBe('12.50');
    expect(decimalFromNumber(12345678901.1234, 10)).toBe('12345678901.1234000000');
    expect(decimalFromNumber(0.125, 2)).toBe((0.125).toFixed(2));
    expect(decimalFromNumber(7, 0)).toBe('7');
    // tedious computes 123456789011234000000 / 1e10 in floating point: noise below 15 digits is dropped
    expect(decimalFromNumber(123456789011234000000 / 1e10, 10)).toBe('12345678901.1234000000');
    expect(decimalFromNumber(0.1 + 0.2, 4)).toBe('0.3000');
    expect(decimalFromNumber(1.5, undefined)).toBe('1.5');
  });

  it('stores SQLite dates as sortable UTC text and reads the usual forms back', () => {
    const d = new Date('2024-03-31T01:30:45.678+02:00');
    expect(dateToSqliteText(d)).toBe('2024-03-30 23:30:45.678');
    expect((parseSqliteDate(dateToSqliteText(d)) as Date).toISOString()).toBe(d.toISOString());
    expect((parseSqliteDate('2024-02-29') as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect((parseSqliteDate('2024-02-29T10:00:00+02:00') as Date).toISOString()).toBe(
      '2024-02-29T08:00:00.000Z',
    );
    expect(parseSqliteDate('next tuesday')).toBe('next tuesday');
  });
});
