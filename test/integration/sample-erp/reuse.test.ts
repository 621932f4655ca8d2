// One header query with {{filter}} and profile vars, on every database: the engine fills the watermark and the
// keys variant from one query and binds @vars in queries, lines and write-backs; records read are identical to
// those of the sample profile with its two header queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { openErp } from '../../../src/erp/index.js';
import { createSampleErp, sampleProfileText } from '../../../src/erp/sample/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { unusedVars } from '../../../src/profile/reuse.js';
import { applyPushResult, readPushRecords } from '../../../src/sync/profile-io.js';
import {
  MSSQL_URL,
  MYSQL_URL,
  PG_URL,
  mysqlDb,
  postgresDb,
  reachable,
  sqlServerDb,
  sqliteDb,
  type SampleDb,
} from './databases.js';

type Doc = {
  vars?: Record<string, unknown>;
  touchpoints: {
    orders: {
      source: Record<string, unknown> & { header: string; lines: string };
      afterPush: { sql: string }[];
    };
  };
};

/** The sample profile with the orders header written once, {{filter}} in it, and vars in three statements. */
function reuseProfileText(driver: SampleDb['driver'], url: string): string {
  const doc = parse(sampleProfileText(driver, { erpUrl: url })) as Doc;
  const src = doc.touchpoints.orders.source;
  src.header = src.header.replace('o.updated_at >= @since', '{{filter}} AND o.order_no <> @excludedOrder');
  src['filter'] = { since: 'o.updated_at >= @since', keys: 'o.order_no IN (@keys)' };
  delete src['headerByKeys'];
  src.lines = src.lines.replace(
    'WHERE o.order_no IN (@keys)',
    'WHERE o.order_no IN (@keys) AND l.qty >= @minQty',
  );
  const after = doc.touchpoints.orders.afterPush[0]!;
  after.sql = after.sql.replace("status = 'Sent'", 'status = @sentStatus');
  doc.vars = { excludedOrder: 'NONE', minQty: 0, sentStatus: 'Sent' };
  return stringify(doc, { lineWidth: 0 });
}

const DBS: [string, () => Promise<SampleDb>, () => Promise<boolean>][] = [
  ['SQLite', sqliteDb, () => Promise.resolve(true)],
  ['PostgreSQL', postgresDb, () => reachable({ driver: 'postgres', url: PG_URL })],
  ['MariaDB/MySQL', mysqlDb, () => reachable({ driver: 'mysql', url: MYSQL_URL })],
  ['SQL Server', () => sqlServerDb(MSSQL_URL!), () => Promise.resolve(MSSQL_URL !== undefined)],
];

for (const [name, make, available] of DBS) {
  const enabled =
    process.env['CI'] === 'true' ? name !== 'SQL Server' || MSSQL_URL !== undefined : await available();
  describe.skipIf(!enabled)(`one header query and vars on ${name}`, () => {
    let db: SampleDb;
    let erp: ErpConnection;
    let original: Profile;
    let reuse: Profile;
    const read = async (profile: Profile, opts: { since?: Date | null; keys?: string[] }) => {
      const out: { key: string; header: unknown; lines: unknown }[] = [];
      for await (const r of readPushRecords(erp, profile, 'orders', opts))
        out.push({ key: r.key, header: r.header, lines: r.lines });
      return out.sort((a, b) => a.key.localeCompare(b.key));
    };

    beforeAll(async () => {
      db = await make();
      erp = await openErp(db.config);
      await createSampleErp(erp, { orders: 12, seed: 5 });
      original = parseProfile(sampleProfileText(db.driver, { erpUrl: db.url }));
      reuse = parseProfile(reuseProfileText(db.driver, db.url));
    });
    afterAll(async () => {
      await erp?.close();
      await db?.drop();
    });

    it('reads the same records by watermark and by keys as the two separate queries', async () => {
      const all = await read(original, { since: null });
      expect(all.length).toBe(12);
      expect(await read(reuse, { since: null })).toEqual(all);
      // a watermark in the middle: only the later rows, the same ones
      const [mid] = await erp.query<{ updated_at: unknown }>(
        'SELECT updated_at FROM sales_orders ORDER BY updated_at, order_no',
      );
      const since = new Date(String((mid as { updated_at: unknown }).updated_at));
      if (!Number.isNaN(since.getTime()))
        expect(await read(reuse, { since })).toEqual(await read(original, { since }));
      const keys = [all[0]!.key, all[5]!.key];
      const byKeys = await read(reuse, { keys });
      expect(byKeys.map((r) => r.key)).toEqual(keys.sort());
      expect(byKeys).toEqual(await read(original, { keys }));
      expect(reuse.touchpoints.orders!.source.headerByKeys).toMatch(/\(o\.order_no IN \(@keys\)\)/);
    });

    it('binds a var in a write-back statement', async () => {
      const key = (await read(reuse, { since: null }))[0]!.key;
      await erp.execute(`UPDATE sales_orders SET status = 'Open' WHERE order_no = @key`, { key });
      await applyPushResult(erp, reuse, 'orders', key, { orderNo: 4242 });
      const [row] = await erp.query<{ status: string; infoplus_order_no: unknown }>(
        'SELECT status, infoplus_order_no FROM sales_orders WHERE order_no = @key',
        { key },
      );
      expect(row?.status).toBe('Sent');
      expect(Number(row?.infoplus_order_no)).toBe(4242);
    });
  });
}

describe('profile checks of {{filter}} and vars', () => {
  const base = parse(sampleProfileText('sqlite', { erpUrl: 'x.sqlite' })) as Doc;
  const problems = (edit: (d: Doc) => void): string[] => {
    const d = structuredClone(base);
    edit(d);
    try {
      parseProfile(stringify(d));
      return [];
    } catch (e) {
      return (e as { problems: { path: string; message: string }[] }).problems.map(
        (p) => `${p.path}: ${p.message}`,
      );
    }
  };

  it('names a missing filter, a filter without its placeholder, a keys condition without @keys', () => {
    expect(
      problems((d) => {
        d.touchpoints.orders.source.header = d.touchpoints.orders.source.header.replace(
          'o.updated_at >= @since',
          '{{filter}}',
        );
      }),
    ).toEqual([
      'touchpoints.orders.source.header: {{filter}} needs source.filter: since (watermark mode, e.g. "o.updated_at >= @since") and keys (e.g. "o.order_no IN (@keys)")',
    ]);
    expect(
      problems((d) => {
        d.touchpoints.orders.source['filter'] = { since: 'o.updated_at >= @since' };
      }),
    ).toEqual([
      'touchpoints.orders.source.filter: the header query has no {{filter}}: write WHERE {{filter}} where the engine fills in the condition',
    ]);
    expect(
      problems((d) => {
        const s = d.touchpoints.orders.source;
        s.header = s.header.replace('o.updated_at >= @since', '{{filter}}');
        s['filter'] = { since: 'o.updated_at >= @since', keys: 'o.order_no = 1' };
        delete s['headerByKeys'];
      }),
    ).toEqual([
      'touchpoints.orders.source.filter.keys: must select the given records with IN (@keys), e.g. "o.order_no IN (@keys)"',
    ]);
  });

  it('names an unknown parameter, a reserved var name, and a var shadowing a write-back parameter', () => {
    expect(
      problems((d) => {
        d.touchpoints.orders.source.lines += ' AND l.qty >= @minQty';
      }),
    ).toEqual([
      "touchpoints.orders.source.lines: unknown parameter @minQty; use @keys or @key (or one of the profile's vars)",
    ]);
    expect(
      problems((d) => {
        d.touchpoints.orders.source.lines += ' AND l.qty >= @minQty';
        d.vars = { minQty: 1 };
      }),
    ).toEqual([]);
    expect(
      problems((d) => {
        d.vars = { since: 1, trackingNo: 'x' };
      }),
    ).toEqual([
      'vars.since: "since" is a parameter the engine binds itself (@since, @keys, @key, @line_..., @customFields_...); choose another name',
      'vars.trackingNo: "trackingNo" is also the parameter @trackingNo of the statements in touchpoints.shipments.writeBack; rename the var',
    ]);
  });

  it('lists the vars no statement uses (check reports them as warnings)', () => {
    const d = structuredClone(base);
    d.touchpoints.orders.source.lines += ' AND l.qty >= @minQty';
    d.vars = { minQty: 1, entity: 7 };
    expect(unusedVars(parseProfile(stringify(d)))).toEqual(['entity']);
  });
});
