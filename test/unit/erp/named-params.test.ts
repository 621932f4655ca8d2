import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErpError } from '../../../src/erp/errors.js';
import { bindNamedParams, parseNamedParams } from '../../../src/erp/named-params.js';
import type { SqlDialect } from '../../../src/erp/named-params.js';

const names = (sql: string, d: SqlDialect = 'generic'): string[] =>
  parseNamedParams(sql, d).map((t) => t.name);

describe('parseNamedParams', () => {
  it('finds parameters in code and skips literals, identifiers and comments', () => {
    expect(names("SELECT * FROM t WHERE a = @a AND b = 'it''s @x' AND c = @c")).toEqual(['a', 'c']);
    expect(names('SELECT "@quoted" FROM t WHERE x = @x', 'postgres')).toEqual(['x']);
    expect(names('SELECT [@col]]x] FROM t WHERE x = @x', 'sqlserver')).toEqual(['x']);
    expect(names('SELECT `@col` FROM t WHERE x = @x', 'mysql')).toEqual(['x']);
    expect(names('SELECT 1 -- where @a\n, @b', 'postgres')).toEqual(['b']);
    expect(names('SELECT /* @a /* nested @b */ still @c */ @d', 'postgres')).toEqual(['d']);
    expect(names('SELECT 1 # @a\n, @b', 'mysql')).toEqual(['b']);
    expect(names("SELECT 'a\\' @no', @yes", 'mysql')).toEqual(['yes']);
    expect(names("SELECT E'a\\' @no', @yes", 'postgres')).toEqual(['yes']);
    expect(names("SELECT 'a\\', @yes", 'postgres')).toEqual(['yes']);
    expect(names('SELECT $$ @no $$, $tag$ @no $tag$, @yes', 'postgres')).toEqual(['yes']);
  });

  it('leaves casts, system variables and e-mail-like text alone', () => {
    expect(names('SELECT @since::timestamptz, x::date', 'postgres')).toEqual(['since']);
    expect(
      names('UPDATE t SET a = 1 WHERE id = @id; IF @@ROWCOUNT = 0 INSERT INTO t VALUES (@id)', 'sqlserver'),
    ).toEqual(['id', 'id']);
    expect(names('SELECT @@version, user@host, @ok')).toEqual(['ok']);
  });

  it('treats DECLAREd T-SQL variables as variables, not parameters', () => {
    const sql = 'DECLARE @n INT = @start, @m NVARCHAR(10); SET @n = @n + 1; SELECT @n, @m, @other';
    expect(names(sql, 'sqlserver')).toEqual(['start', 'other']);
  });
});

describe('bindNamedParams', () => {
  it('rewrites to $n for PostgreSQL, reusing the number for a repeated name', () => {
    const b = bindNamedParams('SELECT @a, @b, @a::text', { a: 1, b: 'x' }, 'dollar', { driver: 'postgres' });
    expect(b.sql).toBe('SELECT $1, $2, $1::text');
    expect(b.values).toEqual([1, 'x']);
  });

  it('rewrites to ? for MySQL with one value per occurrence', () => {
    const b = bindNamedParams("SELECT @a, '@a', @b, @a", { a: 1, b: null }, 'question', { driver: 'mysql' });
    expect(b.sql).toBe("SELECT ?, '@a', ?, ?");
    expect(b.values).toEqual([1, null, 1]);
  });

  it('keeps @name for SQL Server and lists each name once', () => {
    const b = bindNamedParams('SELECT @a, @b, @A', { a: 1, b: 2 }, 'named', { driver: 'sqlserver' });
    expect(b.sql).toBe('SELECT @a, @b, @A');
    expect(b.names).toEqual(['a', 'b']);
    expect(b.values).toEqual([1, 2]);
  });

  it('binds undefined as NULL but reports a parameter that is not given, naming it and the statement', () => {
    expect(bindNamedParams('SELECT @a', { a: undefined }, 'question', { driver: 'mysql' }).values).toEqual([
      null,
    ]);
    let err: unknown;
    try {
      bindNamedParams('SELECT @shipDate', { ship_date: 1 }, 'dollar', {
        driver: 'postgres',
        statement: 'orders.header',
        touchpoint: 'orders',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ErpError);
    expect((err as ErpError).code).toBe('missing-parameter');
    expect((err as ErpError).message).toContain('@shipDate');
    expect((err as ErpError).message).toContain('orders.header');
    expect((err as ErpError).message).toContain('ship_date');
  });

  // Random SQL made of code, literals and comments: only the parameters in code are rewritten,
  // every other character survives unchanged.
  const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
  const junk = fc.string({
    unit: fc.constantFrom('a', ' ', '@', "'", '"', '-', '*', '/', '\n', 'é', '😀', '\\', '$'),
  });
  type Frag = { text: string; param?: string };
  const frag: fc.Arbitrary<Frag> = fc.oneof(
    ident.map((n) => ({ text: `@${n}`, param: n })),
    ident.map((n) => ({ text: ` ${n} ` })),
    junk.map((s) => ({ text: `'${s.replace(/'/g, "''").replace(/\\/g, '')}'` })),
    junk.map((s) => ({ text: `"${s.replace(/"/g, '""').replace(/\\/g, '')}"` })),
    // bodies without '*' (nor a final '/') can neither close the comment early nor open a nested one
    junk.map((s) => ({ text: `/*${s.replace(/\*/g, '').replace(/\/+$/, '')}*/` })),
    junk.map((s) => ({ text: `--${s.replace(/\n/g, '')}\n` })),
    fc.constantFrom({ text: ' = ' }, { text: '::int ' }, { text: ', ' }, { text: ' @@rowcount ' }),
  );

  it('rewrites exactly the parameters in code (property)', () => {
    fc.assert(
      fc.property(fc.array(frag, { maxLength: 25 }), (frags) => {
        // a parameter directly after an identifier character is not a parameter: keep fragments separated
        const sql = frags.map((f) => f.text).join(' ');
        const expected = frags.filter((f) => f.param !== undefined).map((f) => f.param as string);
        const params = Object.fromEntries(expected.map((n) => [n, n.length]));
        const b = bindNamedParams(sql, params, 'question', { driver: 'sqlite' });
        expect(b.values).toEqual(expected.map((n) => n.length));
        const back = frags.map((f) => (f.param !== undefined ? '?' : f.text)).join(' ');
        expect(b.sql).toBe(back);
        const pg = bindNamedParams(sql, params, 'dollar', { driver: 'postgres' });
        expect(pg.values).toEqual([...new Set(expected)].map((n) => n.length));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });
});
