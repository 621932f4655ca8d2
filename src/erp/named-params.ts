import { ErpError } from './errors.js';
import type { ErpDriverName, SqlParams, SqlValue } from './types.js';

/** Which lexical rules apply: quotes, comments and identifier brackets differ per database. */
export type SqlDialect = ErpDriverName | 'generic';

/** One `@name` parameter occurrence in SQL text; start/end cover the `@`. */
export interface NamedParamToken {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const isIdentStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isIdentChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);

// T-SQL statement starters: they end a DECLARE list, so `@x` after them is a use, not a declaration.
const TSQL_STATEMENT_WORDS = new Set(
  'SELECT SET INSERT UPDATE DELETE IF WHILE BEGIN END EXEC EXECUTE MERGE WITH RETURN PRINT OPEN FETCH CLOSE'.split(
    ' ',
  ),
);

/**
 * Finds the `@name` parameters in SQL, skipping string literals, quoted identifiers, comments,
 * PostgreSQL dollar quotes and `@@system` variables. For SQL Server, variables declared in the
 * batch (`DECLARE @x ...`) are not parameters and are left out.
 */
// A pull runs the same few statements for every record: parse each text once (bounded, so a stream of distinct
// texts, e.g. expanded IN lists, cannot grow it without end). Keyed by the text itself, whose hash V8 keeps.
const parsed = new Map<SqlDialect, Map<string, readonly NamedParamToken[]>>();
const PARSED_MAX = 1000;

/** parseNamedParams, remembered per SQL text and dialect (callers only read the tokens). */
export function parseNamedParams(sql: string, dialect: SqlDialect = 'generic'): NamedParamToken[] {
  let byText = parsed.get(dialect);
  if (!byText) parsed.set(dialect, (byText = new Map()));
  let tokens = byText.get(sql);
  if (!tokens) {
    if (byText.size >= PARSED_MAX) byText.clear();
    tokens = Object.freeze(parseTokens(sql, dialect));
    byText.set(sql, tokens);
  }
  return tokens as NamedParamToken[];
}

function parseTokens(sql: string, dialect: SqlDialect): NamedParamToken[] {
  const out: NamedParamToken[] = [];
  const declared = new Set<string>();
  const n = sql.length;
  let i = 0;
  let lastWord = '';
  let lastWordEnd = -1;
  let inDeclare = false;
  let parenDepth = 0;
  // true right after DECLARE or a top-level comma inside a DECLARE list
  let declarePosition = false;

  const skipQuoted = (start: number, quote: string, backslash: boolean): number => {
    let j = start + 1;
    while (j < n) {
      const c = sql[j];
      if (backslash && c === '\\') {
        j += 2;
        continue;
      }
      if (c === quote) {
        if (sql[j + 1] === quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  };

  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === "'") {
      const eString = dialect === 'postgres' && lastWordEnd === i && /^[eE]$/.test(lastWord);
      i = skipQuoted(i, "'", dialect === 'mysql' || eString);
      declarePosition = false;
    } else if (c === '"') {
      i = skipQuoted(i, '"', dialect === 'mysql');
      declarePosition = false;
    } else if (c === '`' && dialect !== 'postgres' && dialect !== 'sqlserver') {
      i = skipQuoted(i, '`', false);
    } else if (c === '[' && (dialect === 'sqlserver' || dialect === 'sqlite' || dialect === 'generic')) {
      i = skipQuoted(i, ']', false);
      // `[` opens and `]` closes; a doubled `]]` is an escaped bracket inside the name
    } else if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === '#' && dialect === 'mysql') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === '/' && next === '*') {
      i = skipBlockComment(sql, i, dialect === 'postgres' || dialect === 'generic');
    } else if (c === '$' && (dialect === 'postgres' || dialect === 'generic') && !isIdentChar(sql[i - 1])) {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 70));
      if (m) {
        const tag = m[0];
        const close = sql.indexOf(tag, i + tag.length);
        i = close < 0 ? n : close + tag.length;
      } else {
        i++;
      }
    } else if (c === '@') {
      if (next === '@') {
        i += 2;
        while (i < n && isIdentChar(sql[i])) i++;
      } else if (isIdentStart(next) && !isIdentChar(sql[i - 1])) {
        let j = i + 1;
        while (j < n && isIdentChar(sql[j]) && sql[j] !== '$') j++;
        const name = sql.slice(i + 1, j);
        if (dialect === 'sqlserver' && inDeclare && declarePosition) declared.add(name.toLowerCase());
        else out.push({ name, start: i, end: j });
        declarePosition = false;
        i = j;
      } else {
        i++;
      }
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(sql[j])) j++;
      lastWord = sql.slice(i, j);
      lastWordEnd = j;
      const upper = lastWord.toUpperCase();
      if (upper === 'DECLARE') {
        inDeclare = true;
        declarePosition = true;
        parenDepth = 0;
      } else {
        declarePosition = false;
        if (TSQL_STATEMENT_WORDS.has(upper)) inDeclare = false;
      }
      i = j;
    } else {
      if (c === '(') parenDepth++;
      else if (c === ')') parenDepth--;
      else if (c === ';') inDeclare = false;
      else if (c === ',' && inDeclare && parenDepth === 0) declarePosition = true;
      if (!/\s/.test(c) && c !== ',') declarePosition = false;
      i++;
    }
  }
  return declared.size === 0 ? out : out.filter((t) => !declared.has(t.name.toLowerCase()));
}

function skipBlockComment(sql: string, start: number, nested: boolean): number {
  if (!nested) {
    const close = sql.indexOf('*/', start + 2);
    return close < 0 ? sql.length : close + 2;
  }
  let depth = 0;
  let j = start;
  while (j < sql.length) {
    if (sql[j] === '/' && sql[j + 1] === '*') {
      depth++;
      j += 2;
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else {
      j++;
    }
  }
  return sql.length;
}

/** How placeholders are written for the driver. */
export type PlaceholderStyle = 'dollar' | 'question' | 'named';

/** SQL ready for the driver plus its values, in placeholder order (dollar: by $n; named: by name). */
export interface BoundStatement {
  readonly sql: string;
  /** dollar: values[k] is `$k+1`; question: one value per `?`; named: one value per name in `names`. */
  readonly values: SqlValue[];
  /** The parameter names, in the same order as values. */
  readonly names: string[];
  /** Maps a 1-based character position in the rewritten SQL to the SQL as written. */
  readonly toOriginalPosition: (pos: number) => number;
}

const identity = (pos: number): number => pos;

/** Context for the missing-parameter error. */
export interface BindContext {
  readonly driver: ErpDriverName;
  readonly statement?: string | undefined;
  readonly touchpoint?: string | undefined;
}

/**
 * Rewrites `@name` to the driver's placeholders and collects the values. A name used in the SQL but
 * absent from params is an ErpError 'missing-parameter'; a key present with value undefined binds NULL.
 * Names match exactly, else case-insensitively when that is unambiguous.
 */
export function bindNamedParams(
  sql: string,
  params: SqlParams | undefined,
  style: PlaceholderStyle,
  ctx: BindContext,
): BoundStatement {
  const tokens = parseNamedParams(sql, ctx.driver);
  if (tokens.length === 0) return { sql, values: [], names: [], toOriginalPosition: identity };
  const given = params ?? {};
  const lookup = (name: string): { key: string; value: SqlValue } => {
    if (Object.hasOwn(given, name)) return { key: name, value: given[name] ?? null };
    const lower = name.toLowerCase();
    const keys = Object.keys(given).filter((k) => k.toLowerCase() === lower);
    if (keys.length === 1) {
      const key = keys[0] as string;
      return { key, value: given[key] ?? null };
    }
    const where = ctx.statement !== undefined ? '' : ` in: ${abbreviate(sql)}`;
    const available = Object.keys(given);
    throw new ErpError({
      code: 'missing-parameter',
      driver: ctx.driver,
      detail:
        `the SQL uses @${name} but no value named "${name}" was given${where}. ` +
        (available.length ? `Given: ${available.join(', ')}.` : 'No parameters were given.'),
      ...(ctx.statement !== undefined ? { statement: ctx.statement } : {}),
      ...(ctx.touchpoint !== undefined ? { touchpoint: ctx.touchpoint } : {}),
    });
  };

  if (style === 'named') {
    const names: string[] = [];
    const values: SqlValue[] = [];
    const seen = new Set<string>();
    for (const t of tokens) {
      const { value } = lookup(t.name);
      const k = t.name.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      names.push(t.name);
      values.push(value);
    }
    return { sql, values, names, toOriginalPosition: identity };
  }

  const parts: string[] = [];
  const names: string[] = [];
  const values: SqlValue[] = [];
  const index = new Map<string, number>();
  // for each replacement: where it starts in the new text and how much longer the original was
  const shifts: { at: number; delta: number }[] = [];
  let newLen = 0;
  let pos = 0;
  for (const t of tokens) {
    const { key, value } = lookup(t.name);
    const between = sql.slice(pos, t.start);
    parts.push(between);
    newLen += between.length;
    let placeholder: string;
    if (style === 'dollar') {
      let k = index.get(key);
      if (k === undefined) {
        values.push(value);
        names.push(key);
        k = values.length;
        index.set(key, k);
      }
      placeholder = `$${k}`;
    } else {
      values.push(value);
      names.push(key);
      placeholder = '?';
    }
    parts.push(placeholder);
    newLen += placeholder.length;
    shifts.push({ at: newLen, delta: t.end - t.start - placeholder.length });
    pos = t.end;
  }
  parts.push(sql.slice(pos));
  const toOriginalPosition = (p: number): number => {
    let out = p;
    for (const s of shifts) if (p > s.at) out += s.delta;
    return out;
  };
  return { sql: parts.join(''), values, names, toOriginalPosition };
}

/** First line of a statement, shortened, for messages about unnamed statements. */
export function abbreviate(sql: string, max = 120): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
