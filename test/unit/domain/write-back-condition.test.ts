import { describe, expect, it } from 'vitest';
import { conditionNames, evalCondition, parseCondition } from '../../../src/domain/write-back-condition.js';

const holds = (text: string, params: Record<string, string | number | boolean | null>): boolean =>
  evalCondition(parseCondition(text), params);

describe('write-back when: conditions', () => {
  it('skips zero-quantity receipt rows and runs for real receipts', () => {
    expect(holds('receivedQuantity > 0', { receivedQuantity: 0 })).toBe(false);
    expect(holds('receivedQuantity > 0', { receivedQuantity: 4 })).toBe(true);
    // exact decimals arrive as text: still compared as numbers
    expect(holds('receivedQuantity > 0', { receivedQuantity: '0.0000' })).toBe(false);
    expect(holds('receivedQuantity > 0', { receivedQuantity: null })).toBe(false);
  });

  it('reads and, or, not, parentheses, strings and other parameters', () => {
    const p = { isShipped: 1, deliveredDate: null, status: "O'Hara", a: 2, b: 3 };
    expect(holds('isShipped and not deliveredDate', p)).toBe(true);
    expect(holds("status = 'O''Hara'", p)).toBe(true);
    expect(holds('a >= b or (isShipped and a < b)', p)).toBe(true);
    expect(holds('deliveredDate = null', p)).toBe(true);
    expect(conditionNames(parseCondition('a >= b or not isShipped'))).toEqual(['a', 'b', 'isShipped']);
  });

  it('names what it cannot read', () => {
    expect(() => parseCondition('receivedQuantity >')).toThrow(/a value is missing/);
    expect(() => parseCondition('receivedQuantity > 0 0')).toThrow(/unexpected "0"/);
    expect(() => parseCondition('a ~ 1')).toThrow(/cannot read "~ 1"/);
  });
});
