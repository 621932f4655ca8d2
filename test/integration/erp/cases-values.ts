import { expect, it } from 'vitest';
import type { Suite } from './suite.js';
import { caught, expectErpError } from './suite.js';

/** Text that real ERPs hold, plus injection attempts that must be stored as plain data. */
export const TEXTS: Record<string, string> = {
  unicode: 'Zoë Ørsted – Straße 5, 東京都千代田区 😀👍🏽 한국어 العربية',
  quotes: `O'Brien's "best" \`tick\` [bracket]] \\back\\slash\\ 50% _under_ it''s`,
  dropTable: "'; DROP TABLE vals; --",
  orTrue: "x' OR '1'='1",
  comments: '/* not a comment */ -- nor this\n# nor this',
  params: "@other @@ROWCOUNT $1 ? :name @id'",
  empty: '',
  long: `${'abcd€'.repeat(20_000)}😀 end`,
};

const DEC_EXACT = '1234567890123456789012345678.0123456789';
const DEC_15 = '12345678901.1234';
const WHEN = new Date('2024-03-31T01:30:45.678+02:00');
const DAY = new Date('2024-02-29T00:00:00Z');

/** Parameter types, unicode, decimals, dates, nulls, booleans, bigints and injection attempts. */
export function valueCases(s: Suite): void {
  const vals = (): string => s.h().table('vals');

  it('stores and reads back every kind of text exactly, and finds it by parameter', async () => {
    const entries = Object.entries(TEXTS);
    for (const [k, [, text]] of entries.entries()) {
      await s.erp().execute(`INSERT INTO ${vals()} (id, txt) VALUES (@id, @txt)`, { id: k + 1, txt: text });
    }
    for (const [k, [name, text]] of entries.entries()) {
      const rows = await s
        .erp()
        .query<{ txt: string }>(`SELECT txt FROM ${vals()} WHERE id = @id`, { id: k + 1 });
      expect(rows[0]?.txt, name).toBe(text);
      if (name !== 'long') {
        const found = await s
          .erp()
          .query<{ id: number }>(`SELECT id FROM ${vals()} WHERE txt = @txt`, { txt: text });
        expect(
          found.map((r) => r.id),
          name,
        ).toEqual([k + 1]);
      }
    }
    // the tables survived the injection attempts
    const count = await s.erp().query<{ c: number }>(`SELECT COUNT(*) AS c FROM ${vals()} WHERE id <= @n`, {
      n: entries.length,
    });
    expect(count[0]?.c).toBe(entries.length);
    expect(await s.erp().query(`SELECT sku FROM ${s.h().table('items')} WHERE 1 = 0`)).toEqual([]);
  });

  it('round-trips decimals, dates, booleans, bigints, binary, doubles and nulls with the same JS types', async () => {
    const amt = s.h().exactDecimals ? DEC_EXACT : DEC_15;
    const insert = `INSERT INTO ${vals()} (id, txt, amt, ts, tsl, d, flag, big, bin, num)
      VALUES (@id, @txt, @amt, @ts, @tsl, @d, @flag, @big, @bin, @num)`;
    // SQL Server types a NULL parameter as NVARCHAR, which never converts to VARBINARY by itself
    // (documented limit): there the NULL rows leave such columns out and let them default to NULL
    const refused = new Set<string>(s.h().untypedNullRefused ?? []);
    const nullCols = ['id', 'txt', 'amt', 'ts', 'tsl', 'd', 'flag', 'big', 'bin', 'num'].filter(
      (c) => !refused.has(c),
    );
    const insertNulls = `INSERT INTO ${vals()} (${nullCols.join(', ')}) VALUES (${nullCols.map((c) => `@${c}`).join(', ')})`;
    const bin = Buffer.from([0, 1, 2, 127, 128, 255]);
    await s.erp().execute(insert, {
      id: 100,
      txt: 'typed',
      amt,
      ts: WHEN,
      tsl: WHEN,
      d: DAY,
      flag: true,
      big: 9007199254740993n,
      bin,
      num: 1.5,
    });
    await s.erp().execute(insertNulls, {
      id: 101,
      txt: null,
      amt: '-0.0001',
      ts: null,
      tsl: null,
      d: null,
      flag: false,
      big: -42n,
      bin: null,
      num: -2.25,
    });
    await s.erp().execute(insertNulls, {
      id: 102,
      txt: undefined,
      amt: null,
      ts: null,
      tsl: null,
      d: null,
      flag: null,
      big: 2 ** 40,
      bin: null,
      num: null,
    });
    const rows = await s
      .erp()
      .query(
        `SELECT id, txt, amt, ts, tsl, d, flag, big, bin, num FROM ${vals()} WHERE id >= @lo AND id <= @hi ORDER BY id`,
        { lo: 100, hi: 102 },
      );
    expect(rows).toHaveLength(3);
    const [a, b, c] = rows as Record<string, unknown>[];
    expect(a?.['amt']).toBe(s.h().exactDecimals ? DEC_EXACT : `${DEC_15}000000`);
    expect(a?.['ts']).toBeInstanceOf(Date);
    expect((a?.['ts'] as Date).toISOString()).toBe(WHEN.toISOString());
    expect((a?.['tsl'] as Date).toISOString()).toBe(WHEN.toISOString());
    expect((a?.['d'] as Date).toISOString()).toBe(DAY.toISOString());
    expect(a?.['flag']).toBe(true);
    expect(a?.['big']).toBe('9007199254740993');
    expect(Buffer.isBuffer(a?.['bin']) && (a?.['bin'] as Buffer).equals(bin)).toBe(true);
    expect(a?.['num']).toBe(1.5);
    expect(b).toMatchObject({
      txt: null,
      amt: '-0.0001000000',
      ts: null,
      tsl: null,
      d: null,
      flag: false,
      big: -42,
      bin: null,
      num: -2.25,
    });
    expect(c).toMatchObject({ txt: null, amt: null, flag: null, big: 1099511627776, num: null });
    // the same values bind in predicates
    const byValue = await s
      .erp()
      .query<{ id: number }>(
        `SELECT id FROM ${vals()} WHERE ts = @ts AND amt = @amt AND flag = @flag AND big = @big AND d = @d`,
        { ts: WHEN, amt, flag: true, big: 9007199254740993n, d: DAY },
      );
    expect(byValue.map((r) => r.id)).toEqual([100]);
  });

  it('binds a name used twice, ignores @names inside literals, and reports a missing one by name', async () => {
    const rows = await s
      .erp()
      .query(`SELECT id, '@other' AS lit FROM ${vals()} WHERE id = @id OR id = @id + 1000 ORDER BY id`, {
        id: 100,
      });
    expect(rows).toEqual([{ id: 100, lit: '@other' }]);
    const e = await caught(
      s
        .erp()
        .query(
          `SELECT id FROM ${vals()} WHERE id = @id AND txt = @shipVia`,
          { id: 1 },
          { name: 'orders.header', touchpoint: 'orders' },
        ),
    );
    const err = expectErpError(e, 'missing-parameter');
    expect(err.message).toContain('@shipVia');
    expect(err.message).toContain('orders.header');
  });

  it('reports rows affected and rejects values a database cannot take', async () => {
    const r = await s
      .erp()
      .execute(`UPDATE ${vals()} SET num = @num WHERE id >= @lo AND id <= @hi`, { num: 7, lo: 100, hi: 102 });
    expect(r.rowsAffected).toBe(3);
    const e = await caught(
      s.erp().execute(`UPDATE ${vals()} SET num = @num WHERE id = 1`, { num: Number.NaN }),
    );
    expectErpError(e, 'invalid-parameter');
  });

  it('reports the server product for Test connection', async () => {
    const info = await s.erp().serverInfo();
    const product = {
      sqlite: /SQLite/,
      postgres: /PostgreSQL/,
      mysql: /MariaDB|MySQL/,
      sqlserver: /SQL Server/,
    }[s.h().driver];
    expect(info).toMatch(product);
    const appSql = s.h().appNameSql;
    if (appSql) expect(await s.erp().query(appSql)).toEqual([{ app: 'Infoplus ERP Sync' }]);
  });
}
