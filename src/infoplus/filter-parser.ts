/** Parser for the Infoplus filter grammar written by filter.ts (used by the simulator and by tests). */
import type { FilterAst, FilterClause, FilterOp, Literal } from './filter-ast.js';
import { FILTER_OPS, FilterSyntaxError, OP_ALIASES } from './filter-ast.js';

const FIELD_RE = /[A-Za-z_][A-Za-z0-9_.]*/y;
const WORD_RE = /[A-Za-z]+/y;
const NUMBER_RE = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS_RE = /\s+/y;

/** Parse filter text into an AND of clauses; blank text means "no filter". Throws FilterSyntaxError. */
export function parseFilter(text: string): FilterAst {
  if (typeof text !== 'string') throw new FilterSyntaxError('Filter must be a string', 0, '');
  return new Parser(text).parse();
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): FilterAst {
    this.optionalWs();
    if (this.atEnd()) return { clauses: [] };
    const clauses: FilterClause[] = [this.clause()];
    while (!this.atEnd()) {
      const hadWs = this.optionalWs();
      if (this.atEnd()) break;
      if (!hadWs) this.fail('Expected a space before "and"');
      const wordAt = this.pos;
      const word = this.match(WORD_RE);
      if (word?.toLowerCase() !== 'and') {
        this.pos = wordAt;
        this.fail(
          word?.toLowerCase() === 'or'
            ? '"or" is not supported; only "and" joins clauses'
            : 'Expected "and" between clauses (quote text values like \'text\')',
        );
      }
      this.requireWs('Expected a space after "and"');
      clauses.push(this.clause());
    }
    return { clauses };
  }

  private clause(): FilterClause {
    const field = this.match(FIELD_RE);
    if (field === undefined) this.fail('Expected a field name (letters, digits, _ or .)');
    this.requireWs(`Expected a space after field name ${field}`);
    const opAt = this.pos;
    const word = this.match(WORD_RE)?.toLowerCase();
    const op = word === undefined ? undefined : (OP_ALIASES[word] ?? FILTER_OPS.find((o) => o === word));
    if (op === undefined) {
      this.pos = opAt;
      this.fail(`Expected an operator (${FILTER_OPS.join(', ')}, gte, lte)`);
    }
    if (op === 'in') return { field, op, value: this.list() };
    this.requireWs(`Expected a space after operator ${op}`);
    const valueAt = this.pos;
    const value = this.literal();
    if (op === 'like' && typeof value !== 'string') {
      this.pos = valueAt;
      this.fail('like needs a quoted text pattern');
    }
    return { field, op: op as FilterOp, value };
  }

  private list(): Literal[] {
    this.optionalWs();
    if (this.text[this.pos] !== '(') this.fail('Expected "(" to start the in list');
    this.pos++;
    this.optionalWs();
    if (this.text[this.pos] === ')') this.fail('An in list needs at least one value');
    const values: Literal[] = [this.literal()];
    for (;;) {
      this.optionalWs();
      const ch = this.text[this.pos];
      if (ch === ')') {
        this.pos++;
        return values;
      }
      if (ch !== ',') this.fail('Expected "," or ")" in the in list');
      this.pos++;
      this.optionalWs();
      values.push(this.literal());
    }
  }

  private literal(): Literal {
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === "'") return this.quoted();
    const num = this.match(NUMBER_RE);
    if (num !== undefined) {
      this.endOfToken(start, 'number');
      return Number(num);
    }
    const word = this.match(WORD_RE);
    if (word !== undefined) {
      const lower = word.toLowerCase();
      this.endOfToken(start, lower);
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      this.pos = start;
      this.fail(`Unexpected word "${word}"; quote text values like '${word}'`);
    }
    this.fail(ch === undefined ? 'Expected a value but the filter ended' : 'Expected a value');
  }

  private quoted(): string {
    const start = this.pos;
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const next = this.text.indexOf("'", i);
      if (next < 0) {
        this.pos = start;
        this.fail('Unterminated quoted text (write a quote inside text as two quotes)');
      }
      out += this.text.slice(i, next);
      if (this.text[next + 1] === "'") {
        out += "'";
        i = next + 2;
        continue;
      }
      this.pos = next + 1;
      return out;
    }
  }

  /** A bare token must end at whitespace, the end, or a list delimiter. */
  private endOfToken(start: number, what: string): void {
    const ch = this.text[this.pos];
    if (ch !== undefined && !/[\s,)]/.test(ch)) {
      this.pos = start;
      this.fail(`Malformed ${what} value`);
    }
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private optionalWs(): boolean {
    return this.match(WS_RE) !== undefined;
  }

  private requireWs(message: string): void {
    if (!this.optionalWs() || this.atEnd())
      this.fail(this.atEnd() ? `${message}; the filter ended` : message);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(message, this.pos, this.text);
  }
}
