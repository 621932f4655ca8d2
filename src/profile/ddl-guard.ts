/**
 * Write-backs change data, never the schema. `check` runs them in a transaction it rolls back, but MySQL and
 * MariaDB commit DDL implicitly (and SQL Server's TRUNCATE or a procedure's own COMMIT escape a rollback too),
 * so a CREATE/ALTER/DROP/TRUNCATE in a write-back would really happen even in a check. Such statements are
 * refused when the profile is read, wherever a touchpoint names SQL.
 */
import type { ProfileProblem } from './problems.js';

const DDL = /\b(CREATE|ALTER|DROP|TRUNCATE|RENAME|GRANT|REVOKE|DENY)\b/i;

/** The SQL with comments, string literals and quoted identifiers blanked, so only keywords remain. */
function codeOnly(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/`[^`]*`/g, '``')
    .replace(/\[[^\]]*\]/g, '[]');
}

/** The schema-changing keyword in a statement, or null. */
export function ddlKeyword(sql: string): string | null {
  return DDL.exec(codeOnly(sql))?.[1]?.toUpperCase() ?? null;
}

/** Every `sql` in a touchpoint (write-backs, after-push statements, whatever their shape) that changes the schema. */
export function writeBackDdlProblems(touchpoints: Readonly<Record<string, unknown>>): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'sql' && typeof inner === 'string') {
          const keyword = ddlKeyword(inner);
          if (keyword) {
            out.push({
              path: `${path}.sql`,
              message:
                `${keyword} changes the database schema; statements the sync runs may only read or change data ` +
                '(SELECT, INSERT, UPDATE, DELETE, MERGE or a procedure call). Create tables and procedures once, ' +
                'by hand, as the DBA.',
            });
          }
        } else walk(inner, `${path}.${key}`);
      }
    }
  };
  for (const [tp, cfg] of Object.entries(touchpoints)) walk(cfg, `touchpoints.${tp}`);
  return out;
}
