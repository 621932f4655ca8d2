/**
 * The `when:` condition of a write-back statement (pure): a small expression over the statement's parameters,
 * e.g. `receivedQuantity > 0`, `isShipped and not deliveredDate`, `line_shippedQty >= line_orderedQty`.
 * Grammar: or-expression of and-expressions of [not] comparisons; a comparison is `name [op value]` where op is
 * one of = != > >= < <= and value a number, a 'quoted string', true, false, null or another parameter name.
 * A bare name is true when its value is neither null, false, 0 nor ''.
 */

/** A parsed condition. */
export type Condition =
  | { readonly kind: 'or' | 'and'; readonly parts: readonly Condition[] }
  | { readonly kind: 'not'; readonly part: Condition }
  | { readonly kind: 'truthy'; readonly name: string }
  | { readonly kind: 'compare'; readonly name: string; readonly op: CompareOp; readonly value: Operand };

type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';
type Operand = { readonly literal: string | number | boolean | null } | { readonly name: string };
type Value = string | number | boolean | null;

const TOKEN = /\s*(>=|<=|!=|=|>|<|\(|\)|'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read "${text.slice(at).trim()}" in condition "${text}"`);
    out.push(m[1]!);
    at = TOKEN.lastIndex;
  }
  return out;
}

const OPS = new Set(['=', '!=', '>', '>=', '<', '<=']);
const WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

/** Parses a condition; throws an Error naming what cannot be read. */
export function parseCondition(text: string): Condition {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const fail = (what: string): never => {
    throw new Error(`${what} in condition "${text}"`);
  };
  const isName = (t: string | undefined): t is string =>
    t !== undefined && /^[A-Za-z_]/.test(t) && !WORDS.has(t.toLowerCase());
  const operand = (): Operand => {
    const t = tokens[i++];
    if (t === undefined) return fail('a value is missing');
    const low = t.toLowerCase();
    if (low === 'true' || low === 'false') return { literal: low === 'true' };
    if (low === 'null') return { literal: null };
    if (t.startsWith("'")) return { literal: t.slice(1, -1).replace(/''/g, "'") };
    if (/^-?\d/.test(t)) return { literal: Number(t) };
    if (isName(t)) return { name: t };
    return fail(`"${t}" is not a value`);
  };
  const primary = (): Condition => {
    const t = peek();
    if (t === '(') {
      i++;
      const inner = orExpr();
      if (tokens[i++] !== ')') fail('a ")" is missing');
      return inner;
    }
    if (t?.toLowerCase() === 'not') {
      i++;
      return { kind: 'not', part: primary() };
    }
    if (!isName(t))
      return fail(t === undefined ? 'a parameter name is missing' : `"${t}" is not a parameter name`);
    i++;
    const op = peek();
    if (op !== undefined && OPS.has(op)) {
      i++;
      return { kind: 'compare', name: t, op: op as CompareOp, value: operand() };
    }
    return { kind: 'truthy', name: t };
  };
  const andExpr = (): Condition => {
    const parts = [primary()];
    while (peek()?.toLowerCase() === 'and') {
      i++;
      parts.push(primary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const orExpr = (): Condition => {
    const parts = [andExpr()];
    while (peek()?.toLowerCase() === 'or') {
      i++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };
  if (tokens.length === 0) fail('nothing to test');
  const out = orExpr();
  if (i < tokens.length) fail(`unexpected "${tokens[i]}"`);
  return out;
}

/** Every parameter name a condition reads. */
export function conditionNames(c: Condition): string[] {
  switch (c.kind) {
    case 'or':
    case 'and':
      return c.parts.flatMap(conditionNames);
    case 'not':
      return conditionNames(c.part);
    case 'truthy':
      return [c.name];
    case 'compare':
      return 'name' in c.value ? [c.name, c.value.name] : [c.name];
  }
}

const truthy = (v: Value | undefined): boolean =>
  v !== null && v !== undefined && v !== false && v !== 0 && v !== '';

function compare(a: Value | undefined, op: CompareOp, b: Value | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (left === null || right === null) {
    if (op === '=') return left === right;
    if (op === '!=') return left !== right;
    return false;
  }
  // numbers arrive as numbers or as decimal text (exact decimals): compare numerically when both read as numbers
  const na =
    typeof left === 'number' ? left : typeof left === 'string' && left.trim() !== '' ? Number(left) : NaN;
  const nb =
    typeof right === 'number'
      ? right
      : typeof right === 'string' && right.trim() !== ''
        ? Number(right)
        : NaN;
  const numeric =
    !Number.isNaN(na) && !Number.isNaN(nb) && typeof left !== 'boolean' && typeof right !== 'boolean';
  const x: string | number | boolean = numeric ? na : left;
  const y: string | number | boolean = numeric ? nb : right;
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
  }
}

/** Evaluates a condition over the statement's parameters (absent parameters read as null). */
export function evalCondition(c: Condition, params: Readonly<Record<string, Value>>): boolean {
  switch (c.kind) {
    case 'or':
      return c.parts.some((p) => evalCondition(p, params));
    case 'and':
      return c.parts.every((p) => evalCondition(p, params));
    case 'not':
      return !evalCondition(c.part, params);
    case 'truthy':
      return truthy(params[c.name]);
    case 'compare':
      return compare(params[c.name], c.op, 'name' in c.value ? params[c.value.name] : c.value.literal);
  }
}
