import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  f,
  FilterError,
  FilterSyntaxError,
  parseFilter,
  toFilterText,
} from '../../../src/infoplus/filter.js';
import type { FilterClause, FilterOp, Literal } from '../../../src/infoplus/filter.js';

const OPERATOR_WORDS = [
  ' and ',
  'eq',
  'ne',
  ' or ',
  ')',
  '(',
  "'",
  "''",
  ',',
  'in (',
  'null',
  'true',
  '%',
  ' gt 0',
];

/** Strings built to break naive quoting: quotes, operator words, parentheses, unicode, long runs. */
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...OPERATOR_WORDS), fc.string({ maxLength: 5 })), { maxLength: 12 })
    .map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.constantFrom(
    "O'Brien and status eq 'Shipped'",
    "') or (1 eq 1",
    "x' and lobId eq 2 and y eq '",
    '日本語 🚚',
    '',
  ),
  fc
    .tuple(fc.constantFrom("'", 'a', ' and '), fc.integer({ min: 1000, max: 5000 }))
    .map(([s, n]) => s.repeat(n)),
);

const finiteNumber = fc
  .oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1000.5, 1e21, 5e-324),
  )
  .map((n) => (Object.is(n, -0) ? 0 : n));

const literal: fc.Arbitrary<Literal> = fc.oneof(hostileString, finiteNumber, fc.boolean(), fc.constant(null));
const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,20}$/);

const clauseArb: fc.Arbitrary<FilterClause> = fc.oneof(
  fc.record({
    field: fieldName,
    op: fc.constantFrom<FilterOp>('eq', 'ne', 'gt', 'ge', 'lt', 'le'),
    value: literal,
  }),
  fc.record({ field: fieldName, op: fc.constant<FilterOp>('like'), value: hostileString }),
  fc.record({
    field: fieldName,
    op: fc.constant<FilterOp>('in'),
    value: fc.array(literal, { minLength: 1, maxLength: 6 }),
  }),
);

function build(c: FilterClause) {
  if (c.op === 'in') return f.in(c.field, c.value as Literal[]);
  if (c.op === 'like') return f.like(c.field, c.value as string);
  const value = c.value as Literal;
  if (c.op === 'eq' || c.op === 'ne') return f[c.op](c.field, value);
  // gt/ge/lt/le are typed for ordered values; the grammar still carries any literal.
  return f[c.op](c.field, value as string);
}

describe('filter builder and parser', () => {
  it('round-trips any clauses with hostile values: parse(build(x)) equals x', () => {
    fc.assert(
      fc.property(fc.array(clauseArb, { minLength: 1, maxLength: 5 }), (clauses) => {
        const filter = f.and(...clauses.map(build));
        expect(parseFilter(filter.toString())).toEqual({ clauses });
      }),
      { numRuns: 300 },
    );
  });

  it('a value can never add a clause or change the operator', () => {
    fc.assert(
      fc.property(fieldName, hostileString, (field, value) => {
        const parsed = parseFilter(f.and(f.eq('lobId', 1), f.eq(field, value)).toString());
        expect(parsed.clauses).toHaveLength(2);
        expect(parsed.clauses[1]).toEqual({ field, op: 'eq', value });
      }),
    );
  });

  it('escapes a quote by doubling it', () => {
    expect(f.eq('customerOrderNo', "O'Brien and lobId eq 2").toString()).toBe(
      "customerOrderNo eq 'O''Brien and lobId eq 2'",
    );
  });

  it('writes numbers bare, dates as quoted ISO-8601 UTC, and in-lists in parentheses', () => {
    const text = f
      .and(
        f.eq('lobId', 12),
        f.ge('modifyDate', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))),
        f.in('status', ['Shipped', null, true]),
      )
      .toString();
    expect(text).toBe(
      "lobId eq 12 and modifyDate gte '2024-01-02T03:04:05.006Z' and status in ('Shipped', null, true)",
    );
  });

  it("spells ge/le as gte/lte on the wire (the published spelling) unless the tenant's probe said ge", () => {
    const range = f.and(f.ge('modifyDate', '2024-01-01'), f.le('id', 9));
    expect(toFilterText(range)).toBe("modifyDate gte '2024-01-01' and id lte 9");
    expect(toFilterText(range, 'ge')).toBe("modifyDate ge '2024-01-01' and id le 9");
    // Raw text follows the spelling too, and text outside the grammar goes out as typed.
    expect(toFilterText("modifyDate ge '2024-01-01'", 'gte')).toBe("modifyDate gte '2024-01-01'");
    expect(toFilterText('a gte 1', 'ge')).toBe('a ge 1');
    expect(toFilterText('not (our) grammar')).toBe('not (our) grammar');
  });

  it('skips falsy parts in and() so optional conditions compose', () => {
    const since: Date | null = null;
    expect(f.and(f.eq('lobId', 1), since && f.gt('modifyDate', since)).toString()).toBe('lobId eq 1');
    expect(toFilterText(f.and())).toBeUndefined();
  });

  it('rejects field names that could smuggle syntax', () => {
    for (const bad of ['lobId eq 1 and x', "a'", '', '1abc', 'a b', 'a)', 'ä']) {
      expect(() => f.eq(bad, 1)).toThrow(FilterError);
    }
  });

  it('rejects values that cannot be sent', () => {
    expect(() => f.eq('a', Number.NaN)).toThrow(/finite number/);
    expect(() => f.gt('a', Infinity)).toThrow(/finite number/);
    expect(() => f.eq('a', new Date('nope'))).toThrow(/Invalid Date/);
    expect(() => f.in('a', [])).toThrow(/at least one value/);
    expect(() => f.eq('a', 'x\uD800y')).toThrow(/surrogate/);
  });

  it('parses the aliases gte/lte and is case-insensitive about keywords', () => {
    expect(parseFilter("a GTE 1 AND b lte 'x' and c Eq TRUE").clauses).toEqual([
      { field: 'a', op: 'ge', value: 1 },
      { field: 'b', op: 'le', value: 'x' },
      { field: 'c', op: 'eq', value: true },
    ]);
  });

  it('reads blank text as no filter', () => {
    expect(parseFilter('   ')).toEqual({ clauses: [] });
  });

  it.each([
    ['lobId eq', /Expected .*ended/],
    ['lobId eq 1 or b eq 2', /"or" is not supported/],
    ['lobId between 1', /Expected an operator/],
    ["name eq 'abc", /Unterminated quoted text/],
    ['name eq abc', /quote text values/],
    ['status in ()', /at least one value/],
    ['status in (1 2)', /Expected "," or "\)"/],
    ['1x eq 2', /Expected a field name/],
    ['a eq 1and b eq 2', /Malformed number/],
    ['a like 3', /like needs a quoted text pattern/],
    ["a eq 'x' b eq 1", /Expected "and"/],
  ])('rejects %j with a clear message and position', (text, message) => {
    let caught: unknown;
    try {
      parseFilter(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    const err = caught as FilterSyntaxError;
    expect(err.message).toMatch(message);
    expect(err.position).toBeGreaterThanOrEqual(0);
    expect(err.position).toBeLessThanOrEqual(text.length);
    expect(err.message).toContain(`at position ${err.position}`);
  });

  it('never crashes with anything but FilterSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseFilter(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FilterSyntaxError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
