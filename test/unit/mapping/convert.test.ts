import { describe, expect, it } from 'vitest';
import { convertValue, formatWallClock, instantFromWallClock } from '../../../src/domain/mapping/index.js';

const CHI = 'America/Chicago';
const ok = (v: unknown, type: Parameters<typeof convertValue>[1], zone = CHI): unknown => {
  const r = convertValue(v, type, zone);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const fail = (v: unknown, type: Parameters<typeof convertValue>[1]): string => {
  const r = convertValue(v, type, CHI);
  if (r.ok) throw new Error(`accepted ${String(v)}`);
  return r.message;
};

describe('dates and times in the ERP time zone', () => {
  it('reads local text in the zone (CST is UTC-6, CDT is UTC-5)', () => {
    expect(ok('2024-01-15 09:30:00', 'datetime')).toBe('2024-01-15T15:30:00.000Z');
    expect(ok('2024-07-15 09:30:00', 'datetime')).toBe('2024-07-15T14:30:00.000Z');
    expect(ok('2024-07-15T09:30:00.250', 'datetime')).toBe('2024-07-15T14:30:00.250Z');
  });

  it('handles the spring-forward gap and the fall-back overlap', () => {
    // 02:30 on 10 March 2024 does not exist in Chicago: clocks jump 02:00 -> 03:00
    expect(ok('2024-03-10 02:30:00', 'datetime')).toBe('2024-03-10T08:30:00.000Z');
    expect(ok('2024-03-10 01:59:59', 'datetime')).toBe('2024-03-10T07:59:59.000Z');
    expect(ok('2024-03-10 03:00:00', 'datetime')).toBe('2024-03-10T08:00:00.000Z');
    // 01:30 on 3 November 2024 happens twice: the earlier (CDT) instant is taken
    expect(ok('2024-11-03 01:30:00', 'datetime')).toBe('2024-11-03T06:30:00.000Z');
    expect(ok('2024-11-03 02:30:00', 'datetime')).toBe('2024-11-03T08:30:00.000Z');
  });

  it('keeps explicit offsets and Z as given', () => {
    expect(ok('2024-07-15T09:30:00Z', 'datetime')).toBe('2024-07-15T09:30:00.000Z');
    expect(ok('2024-07-15T09:30:00+02:00', 'datetime')).toBe('2024-07-15T07:30:00.000Z');
  });

  it('reads driver Dates by their UTC fields as the wall clock of the column', () => {
    expect(ok(new Date(Date.UTC(2024, 6, 15, 9, 30)), 'datetime')).toBe('2024-07-15T14:30:00.000Z');
  });

  it('a date is local midnight in the zone', () => {
    expect(ok('2024-03-10', 'date')).toBe('2024-03-10T06:00:00.000Z');
    expect(ok('2024-03-11', 'date')).toBe('2024-03-11T05:00:00.000Z');
    expect(ok(new Date(Date.UTC(2024, 11, 24)), 'date', 'Europe/Berlin')).toBe('2024-12-23T23:00:00.000Z');
    expect(ok('2024-12-24 17:45:00', 'date', 'Asia/Tokyo')).toBe('2024-12-23T15:00:00.000Z');
  });

  it('rejects text that is no date, and impossible dates', () => {
    expect(fail('next tuesday', 'date')).toMatch(/not a date/);
    expect(fail('2024-02-30', 'date')).toMatch(/not a valid calendar date/);
    expect(fail('2024-13-01 10:00', 'datetime')).toMatch(/not a valid/);
  });

  it('wall-clock text for write-backs is the inverse', () => {
    const instant = new Date('2024-07-15T14:30:00.250Z');
    expect(formatWallClock(instant, CHI)).toBe('2024-07-15 09:30:00.250');
    expect(formatWallClock(instant, CHI, 'T')).toBe('2024-07-15T09:30:00.250');
    const back = instantFromWallClock(
      { year: 2024, month: 7, day: 15, hour: 9, minute: 30, second: 0, ms: 250 },
      CHI,
    );
    expect(back.toISOString()).toBe(instant.toISOString());
  });
});

describe('numbers and booleans', () => {
  it('parses decimals exactly as written', () => {
    expect(ok('12.3400', 'decimal')).toBe(12.34);
    expect(ok(' -0.5 ', 'decimal')).toBe(-0.5);
    expect(ok(7, 'decimal')).toBe(7);
    expect(fail('1,234.50', 'decimal')).toMatch(/not a number/);
    expect(fail('abc', 'decimal')).toMatch(/"abc" is not a number/);
  });

  it('integers must be whole', () => {
    expect(ok('12.0000', 'int')).toBe(12);
    expect(ok(5n, 'int')).toBe(5);
    expect(fail('12.5', 'int')).toMatch(/not a whole number/);
    expect(fail('99999999999999999999', 'int')).toMatch(/too large/);
  });

  it('booleans from bits, flags and words', () => {
    expect(ok(1, 'bool')).toBe(true);
    expect(ok('N', 'bool')).toBe(false);
    expect(ok('yes', 'bool')).toBe(true);
    expect(fail('maybe', 'bool')).toMatch(/yes\/no/);
  });

  it('strings from anything', () => {
    expect(ok(42, 'string')).toBe('42');
    expect(ok(new Date('2024-01-01T00:00:00Z'), 'string')).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('decimal scale: half away from zero on the decimal digits', () => {
  const scaled = (v: unknown, scale: number): unknown => {
    const r = convertValue(v, 'decimal', CHI, scale);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  it('rounds DECIMAL text and numbers the same way, without the binary expansion', () => {
    expect(scaled('3.7800', 2)).toBe(3.78);
    expect(scaled(3.7800000000000002, 2)).toBe(3.78);
    expect(scaled(3.7799999713897705, 2)).toBe(3.78); // a FLOAT 3.78 widened to double
    expect(scaled(1.005, 2)).toBe(1.01); // (1.005).toFixed(2) is "1.00"
    expect(scaled('2.345', 2)).toBe(2.35);
    expect(scaled('-2.345', 2)).toBe(-2.35);
    expect(scaled('2.344999', 2)).toBe(2.34);
    expect(scaled('9.995', 2)).toBe(10);
    expect(scaled('-0.004', 2)).toBe(0);
    expect(Object.is(scaled('-0.004', 2), -0)).toBe(false);
    expect(scaled('12345678901.12345', 4)).toBe(12345678901.1235);
    expect(scaled('1e-7', 4)).toBe(0);
    expect(scaled('1.5e3', 0)).toBe(1500);
    expect(scaled('0.5', 0)).toBe(1);
    expect(scaled(7, 2)).toBe(7);
  });

  it('leaves a value with no more places than the scale as it is, and still refuses non-numbers', () => {
    expect(scaled('12.3', 4)).toBe(12.3);
    const r = convertValue('1,5', 'decimal', CHI, 2);
    expect(r.ok).toBe(false);
  });
});
