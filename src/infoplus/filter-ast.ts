/** Filter AST types and errors, shared by the builder (filter.ts) and the parser (filter-parser.ts). */

/** Value a builder accepts; a Date becomes a quoted ISO-8601 UTC string. */
export type FilterValue = string | number | boolean | Date | null;
/** Value as it appears on the wire (and in the parsed AST). */
export type Literal = string | number | boolean | null;
/** Comparison operators. */
export type FilterOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'in';
/** One `field op value` term. */
export interface FilterClause {
  readonly field: string;
  readonly op: FilterOp;
  readonly value: Literal | readonly Literal[];
}
/** A parsed filter: the AND of its clauses (no clauses = match everything). */
export interface FilterAst {
  readonly clauses: readonly FilterClause[];
}

/** All operators the builder emits. */
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'in'];
export const OP_ALIASES: Readonly<Record<string, FilterOp>> = { gte: 'ge', lte: 'le' };
/** Field names are JSON property names, optionally dotted. */
export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Matches an unpaired UTF-16 surrogate (cannot be URL-encoded). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A filter that cannot be built (bad field name, non-finite number, empty `in` list...). */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

/** Filter text that does not follow the grammar; `position` is the 0-based character offset. */
export class FilterSyntaxError extends FilterError {
  readonly position: number;
  constructor(message: string, position: number, text: string) {
    super(`${message} at position ${position}${excerpt(text, position)}`);
    this.name = 'FilterSyntaxError';
    this.position = position;
  }
}

function excerpt(text: string, position: number): string {
  const start = Math.max(0, position - 20);
  const shown = text.slice(start, position + 20);
  return ` (near ${start > 0 ? '…' : ''}${JSON.stringify(shown)}${position + 20 < text.length ? '…' : ''})`;
}
