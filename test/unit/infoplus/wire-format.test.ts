import { describe, expect, it } from 'vitest';
import {
  formatErrorBody,
  formatWireDate,
  parseErrorBody,
  parseRetryAfter,
  parseSort,
  parseWireDate,
} from '../../../src/infoplus/wire-format.js';

describe('wire format', () => {
  it('writes dates as ISO-8601 UTC with milliseconds and Z', () => {
    expect(formatWireDate(new Date(Date.UTC(2024, 1, 29, 23, 5, 6, 7)))).toBe('2024-02-29T23:05:06.007Z');
    expect(() => formatWireDate(new Date('x'))).toThrow(/Invalid Date/);
  });

  it('reads dates tolerantly: offsets, no millis, extra precision, bare dates', () => {
    expect(parseWireDate('2024-01-01T10:00:00+02:00')?.toISOString()).toBe('2024-01-01T08:00:00.000Z');
    expect(parseWireDate('2024-01-01T10:00:00.123456-0500')?.toISOString()).toBe('2024-01-01T15:00:00.123Z');
    expect(parseWireDate('2024-01-01')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(parseWireDate('2024-01-01T10:00:00')).toBeNull();
    expect(parseWireDate('yesterday')).toBeNull();
  });

  it('reads string, object and odd error bodies, keeping per-field messages', () => {
    expect(parseErrorBody(formatErrorBody(['poNo: already exists', 'Error: general']))).toEqual({
      messages: ['poNo: already exists', 'Error: general'],
      fieldErrors: { poNo: ['already exists'] },
    });
    expect(parseErrorBody({ errors: [{ field: 'sku', message: 'too long' }, { message: 'bad' }] })).toEqual({
      messages: ['sku: too long', 'bad'],
      fieldErrors: { sku: ['too long'] },
    });
    expect(parseErrorBody('{"message":"nope"}').messages).toEqual(['nope']);
    expect(parseErrorBody('<html>502</html>').messages).toEqual([]);
    expect(parseErrorBody(undefined)).toEqual({ messages: [], fieldErrors: {} });
    expect(parseErrorBody(['a', 'b']).messages).toEqual(['a', 'b']);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads sort descending from a leading !', () => {
    expect(parseSort('!orderDate')).toEqual({ field: 'orderDate', descending: true });
    expect(parseSort('id')).toEqual({ field: 'id', descending: false });
  });
});
