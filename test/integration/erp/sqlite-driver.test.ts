import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isErpError, openErp } from '../../../src/erp/index.js';

// SQLite specifics the shared conformance suite cannot show: one connection shared by async callers.
describe('SQLite driver', () => {
  const dirs: string[] = [];
  const tempFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'erp-sqlite-'));
    dirs.push(dir);
    return join(dir, 'erp.sqlite');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('refuses to create a missing file unless asked, so a typo never yields an empty ERP', async () => {
    const file = tempFile();
    const e = await openErp({ driver: 'sqlite', url: file }).catch((x: unknown) => x);
    expect(isErpError(e) && e.code).toBe('database-not-found');
    expect(String(e)).toContain('createIfMissing');
    const erp = await openErp({ driver: 'sqlite', url: `sqlite://${file}`, createIfMissing: true });
    expect(await erp.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await erp.close();
  });

  it('lets a loop write while it streams from a file database (streams read on their own connection)', async () => {
    const erp = await openErp({ driver: 'sqlite', url: tempFile(), createIfMissing: true });
    await erp.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, seen INTEGER)');
    for (let i = 1; i <= 50; i++) await erp.execute('INSERT INTO t (id, seen) VALUES (@i, 0)', { i });
    for await (const r of erp.stream<{ id: number }>('SELECT id FROM t ORDER BY id')) {
      await erp.execute('UPDATE t SET seen = 1 WHERE id = @id', { id: r.id });
    }
    expect(await erp.query('SELECT SUM(seen) AS s FROM t')).toEqual([{ s: 50 }]);
    await erp.close();
  });

  it('keeps statements from other callers out of an open transaction', async () => {
    const erp = await openErp({ driver: 'sqlite', url: ':memory:' });
    await erp.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = erp
      .transaction(async (t) => {
        await t.execute('INSERT INTO t (id) VALUES (1)');
        await gate;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    // this insert waits for the transaction instead of becoming part of it and being rolled back with it
    const outside = erp.execute('INSERT INTO t (id) VALUES (2)');
    release();
    expect(await tx).toBe('rolled back');
    await outside;
    expect(await erp.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 2 }]);
    await erp.close();
  });

  it('refuses the outer connection inside a transaction callback instead of waiting forever', async () => {
    const erp = await openErp({ driver: 'sqlite', url: ':memory:' });
    await erp.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    const e = await erp
      .transaction(async (tx) => {
        await tx.execute('INSERT INTO t (id) VALUES (1)');
        await erp.execute('INSERT INTO t (id) VALUES (2)', {}, { name: 'outer.insert' });
      })
      .catch((x: unknown) => x);
    expect(String(e)).toMatch(/use the `tx` executor/);
    expect(String(e)).toContain('outer.insert');
    expect(await erp.query('SELECT COUNT(*) AS c FROM t')).toEqual([{ c: 0 }]);
    await erp.close();
  });

  it('explains why an in-memory database cannot run a statement inside its own stream loop', async () => {
    const erp = await openErp({ driver: 'sqlite', url: ':memory:' });
    await erp.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    await erp.execute('INSERT INTO t (id) VALUES (1), (2)');
    const e = await (async () => {
      for await (const _ of erp.stream('SELECT id FROM t')) await erp.execute('DELETE FROM t WHERE id = 2');
    })().catch((x: unknown) => x);
    expect(String(e)).toMatch(/still reading a stream/);
    expect(await erp.query('SELECT COUNT(*) AS c FROM t')).toEqual([{ c: 2 }]);
    await erp.close();
  });
  it('streams in batches the very rows `stream` gives, converted alike, in arrays of at most the size', async () => {
    const erp = await openErp({ driver: 'sqlite', url: tempFile(), createIfMissing: true });
    await erp.execute(
      'CREATE TABLE t (id INTEGER PRIMARY KEY, price DECIMAL(10,2), at DATETIME, ok BOOLEAN, big INTEGER, name TEXT)',
    );
    for (let i = 1; i <= 7; i++) {
      await erp.execute('INSERT INTO t VALUES (@id, @price, @at, @ok, @big, @name)', {
        id: i,
        price: i + 0.5,
        at: `2024-03-0${i} 10:00:00`,
        ok: i % 2,
        big: i === 7 ? '9007199254740993' : i,
        name: i === 3 ? null : `n${i}`,
      });
    }
    const sql = 'SELECT id, price, at, ok, big, name FROM t ORDER BY id';
    const rows: unknown[] = [];
    for await (const r of erp.stream(sql)) rows.push(r);
    const batches: unknown[][] = [];
    for await (const b of erp.streamBatches!(sql, undefined, 3)) batches.push(b);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat()).toEqual(rows);
    expect(rows[0]).toEqual({
      id: 1,
      price: '1.50',
      at: new Date(Date.UTC(2024, 2, 1, 10, 0, 0)),
      ok: true,
      big: 1,
      name: 'n1',
    });
    expect(rows[6]).toMatchObject({ ok: true, big: '9007199254740993' });
    expect(await erp.query(sql)).toEqual(rows);
    await erp.close();
  });
});
