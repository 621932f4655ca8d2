/** Parameter helpers for profile SQL: which `@name`s a statement uses, and `@keys` batch expansion. */
import { parseNamedParams, type SqlDialect } from '../erp/named-params.js';

/** The distinct parameter names of a statement (strings, comments and T-SQL variables skipped). */
export function sqlParamNames(sql: string, dialect: SqlDialect = 'generic'): Set<string> {
  return new Set(parseNamedParams(sql, dialect).map((t) => t.name));
}

/**
 * Replaces `@keys` by `@keys_0, @keys_1, ...` so a batch of keys is bound as real parameters in every dialect
 * (`WHERE order_id IN (@keys)`). Returns the rewritten SQL and the parameters to bind.
 */
export function expandKeysParam<T>(
  sql: string,
  keys: readonly T[],
  dialect: SqlDialect = 'generic',
  name = 'keys',
): { sql: string; params: Record<string, T> } {
  const params: Record<string, T> = {};
  const list = keys.map((k, idx) => {
    params[`${name}_${idx}`] = k;
    return `@${name}_${idx}`;
  });
  // an empty IN () is a syntax error everywhere; NULL matches nothing
  const replacement = list.length > 0 ? list.join(', ') : 'NULL';
  let out = '';
  let last = 0;
  for (const t of parseNamedParams(sql, dialect)) {
    if (t.name.toLowerCase() !== name) continue;
    out += sql.slice(last, t.start) + replacement;
    last = t.end;
  }
  return { sql: out + sql.slice(last), params };
}
