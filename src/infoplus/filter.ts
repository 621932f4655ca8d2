/**
 * Infoplus search filter: a builder that quotes and escapes every value, and a parser for the same grammar.
 *
 * Grammar (see wire-format.ts for why this grammar): `clause ( ' and ' clause )*`, `clause := field op value`,
 * ops eq ne gt ge lt le like in (the parser also reads gte/lte), strings in single quotes with `'` doubled,
 * numbers bare, true/false/null bare, `in (v1, v2, ...)`, `like` uses `%` as its wildcard.
 * Values are only ever emitted as literals, so a quote, ` and `, `eq` or `)` inside a value cannot change
 * the meaning of a filter.
 */
import { formatWireDate } from './wire-format.js';
import type { FilterAst, FilterClause, FilterOp, FilterValue, Literal } from './filter-ast.js';
import { FIELD_NAME_PATTERN, FilterError, LONE_SURROGATE } from './filter-ast.js';

export type { FilterValue, Literal, FilterOp, FilterClause, FilterAst } from './filter-ast.js';
export { FILTER_OPS, FIELD_NAME_PATTERN, FilterError, FilterSyntaxError } from './filter-ast.js';
export { parseFilter } from './filter-parser.js';
import { parseFilter } from './filter-parser.js';
/** An immutable AND of clauses; `toString()` gives the wire text. */
export class Filter implements FilterAst {
  readonly clauses: readonly FilterClause[];
  constructor(clauses: readonly FilterClause[]) {
    this.clauses = Object.freeze([...clauses]);
  }
  /** This filter AND the others. */
  and(...others: readonly (Filter | FilterAst | null | undefined | false)[]): Filter {
    return and(this, ...others);
  }
  /** Wire text, e.g. `lobId eq 1 and customerOrderNo eq 'O''Brien'`. */
  toString(spelling: OperatorSpelling = 'gte'): string {
    return filterToString(this, spelling);
  }
}

function checkField(field: string): string {
  if (typeof field !== 'string' || !FIELD_NAME_PATTERN.test(field)) {
    throw new FilterError(
      `Invalid filter field name ${JSON.stringify(field)}: use a JSON property name such as lobId or customerOrderNo`,
    );
  }
  return field;
}

function toLiteral(field: string, value: FilterValue): Literal {
  if (value === null || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new FilterError(`Invalid Date given for filter field ${field}`);
    return formatWireDate(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new FilterError(`Filter field ${field} needs a finite number, got ${value}`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value === 'string') {
    // An unpaired surrogate cannot be URL-encoded, so it would fail later with a less helpful error.
    if (LONE_SURROGATE.test(value)) {
      throw new FilterError(`Filter value for ${field} contains an unpaired UTF-16 surrogate`);
    }
    return value;
  }
  throw new FilterError(`Unsupported filter value type ${typeof value} for field ${field}`);
}

function clause(op: FilterOp, field: string, value: FilterValue): Filter {
  return new Filter([{ field: checkField(field), op, value: toLiteral(field, value) }]);
}

/** AND of filters; falsy entries are skipped so conditions can be composed inline. */
export function and(...filters: readonly (Filter | FilterAst | null | undefined | false)[]): Filter {
  const clauses: FilterClause[] = [];
  for (const part of filters) if (part) clauses.push(...part.clauses);
  return new Filter(clauses);
}

/** Filter builder: `f.and(f.eq('lobId', 1), f.gt('modifyDate', since))`. */
export const f = {
  eq: (field: string, value: FilterValue): Filter => clause('eq', field, value),
  ne: (field: string, value: FilterValue): Filter => clause('ne', field, value),
  gt: (field: string, value: string | number | Date): Filter => clause('gt', field, value),
  ge: (field: string, value: string | number | Date): Filter => clause('ge', field, value),
  lt: (field: string, value: string | number | Date): Filter => clause('lt', field, value),
  le: (field: string, value: string | number | Date): Filter => clause('le', field, value),
  like: (field: string, pattern: string): Filter => {
    if (typeof pattern !== 'string') throw new FilterError(`like on ${field} needs a string pattern`);
    return clause('like', field, pattern);
  },
  in: (field: string, values: readonly FilterValue[]): Filter => {
    checkField(field);
    if (!Array.isArray(values) || values.length === 0) {
      throw new FilterError(`in on ${field} needs at least one value`);
    }
    return new Filter([{ field, op: 'in', value: values.map((v) => toLiteral(field, v)) }]);
  },
  and,
};

/** Wire text of one literal: strings quoted with `'` doubled, numbers bare. */
export function literalToString(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}

/**
 * How `ge`/`le` are spelled on the wire. `gte` (default): the only operator list published anywhere spells
 * them gte/lte (API.md §12); `ge` when a probe of the tenant found only that spelling accepted.
 */
export type OperatorSpelling = 'gte' | 'ge';

const WIRE_OP: Readonly<Record<OperatorSpelling, Partial<Record<FilterOp, string>>>> = {
  gte: { ge: 'gte', le: 'lte' },
  ge: {},
};

/** Wire text of a filter AST (what `Filter.toString()` returns). */
export function filterToString(ast: FilterAst, spelling: OperatorSpelling = 'gte'): string {
  return ast.clauses
    .map((c) => {
      checkField(c.field);
      const value = Array.isArray(c.value)
        ? `(${(c.value as readonly Literal[]).map(literalToString).join(', ')})`
        : literalToString(c.value as Literal);
      return `${c.field} ${WIRE_OP[spelling][c.op] ?? c.op} ${value}`;
    })
    .join(' and ');
}

/**
 * Wire text for a filter given as builder output, AST or raw text. Raw text is parsed and re-written when it
 * can be (so a typed `ge` follows the tenant's spelling too), else passed through as typed.
 */
export function toFilterText(
  filter: Filter | FilterAst | string | undefined | null,
  spelling: OperatorSpelling = 'gte',
): string | undefined {
  if (filter === undefined || filter === null) return undefined;
  let text: string;
  if (typeof filter === 'string') {
    text = filter.trim();
    if (text !== '') {
      try {
        text = filterToString(parseFilter(text), spelling);
      } catch {
        // Not our grammar: the caller's text goes out unchanged and Infoplus judges it.
      }
    }
  } else text = filterToString(filter, spelling);
  return text === '' ? undefined : text;
}
