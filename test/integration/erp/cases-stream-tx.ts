import { expect, it } from 'vitest';
import { buildUpsert, openErp } from '../../../src/erp/index.js';
import type { ErpConfig } from '../../../src/erp/index.js';
import type { Suite } from './suite.js';
import { caught, expectErpError, gc, notHanging } from './suite.js';

const ROWS = 100_000;

/** Streaming in bounded memory, early break, and transactions. */
export function streamAndTransactionCases(s: Suite): void {
  const items = (): string => s.h().table('items');

  it('streams 100,000 rows without holding them all in memory', async () => {
    gc();
    const base = process.memoryUsage().heapUsed;
    let count = 0;
    let sum = 0;
    let peak = 0;
    for await (const r of s.erp().stream<{ n: number; pad: string }>(s.h().seriesSql, { count: ROWS })) {
      count++;
      sum += Number(r.n);
      if (r.pad.length !== 500) throw new Error(`row ${count}: pad has ${r.pad.length} characters`);
      if (count % 10_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    expect(count).toBe(ROWS);
    expect(sum).toBe((ROWS * (ROWS + 1)) / 2);
    // all rows at once would be 100,000 distinct 500-character strings (over 50 MB); a stream holds a few batches
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });

  it('releases the connection when the consumer breaks out early', async () => {
    const small = await openErp({ ...s.h().config, poolMax: 2 } as ErpConfig);
    try {
      for (let i = 0; i < 5; i++) {
        let seen = 0;
        await notHanging(
          (async () => {
            for await (const _ of small.stream(s.h().seriesSql, { count: ROWS })) {
              if (++seen === 10) break;
            }
          })(),
          `stream ${i + 1}`,
        );
        expect(seen).toBe(10);
      }
      // a stream whose statement fails reports it and gives its connection back too
      for (let i = 0; i < 3; i++) {
        const e = await notHanging(
          caught(
            (async () => {
              for await (const _ of small.stream('SELEC broken', {}, { name: 'broken.stream' })) void _;
            })(),
          ),
          `failing stream ${i + 1}`,
        );
        expect(String(e)).toContain('broken.stream');
      }
      const one = await notHanging(small.query<{ one: number }>('SELECT 1 AS one'), 'query after breaks');
      expect(one).toEqual([{ one: 1 }]);
      await notHanging(
        small.transaction((tx) => tx.query('SELECT 1 AS one')),
        'transaction after breaks',
      );
    } finally {
      await small.close();
    }
  });

  it('stops a stream when its signal aborts', async () => {
    const ac = new AbortController();
    let seen = 0;
    const e = await caught(
      (async () => {
        for await (const _ of s
          .erp()
          .stream(s.h().seriesSql, { count: ROWS }, { signal: ac.signal, name: 'big.read' })) {
          if (++seen === 100) ac.abort();
        }
      })(),
    );
    expectErpError(e, 'cancelled');
    expect(seen).toBeLessThan(ROWS);
    expect(await s.erp().query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('commits a transaction that resolves and returns its value', async () => {
    const value = await s.erp().transaction(async (tx) => {
      await tx.execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
        sku: 'C-1',
        name: 'one',
        qty: 1,
      });
      await tx.execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
        sku: 'C-2',
        name: 'two',
        qty: 2,
      });
      return 'done';
    });
    expect(value).toBe('done');
    const rows = await s
      .erp()
      .query(`SELECT sku FROM ${items()} WHERE sku IN (@a, @b) ORDER BY sku`, { a: 'C-1', b: 'C-2' });
    expect(rows).toEqual([{ sku: 'C-1' }, { sku: 'C-2' }]);
  });

  it('rolls back when the callback throws and rethrows that same error', async () => {
    const boom = new Error('boom');
    let leaked: { query: unknown } | undefined;
    const e = await caught(
      s.erp().transaction(async (tx) => {
        leaked = tx;
        await tx.execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
          sku: 'R-1',
          name: 'r',
          qty: 1,
        });
        throw boom;
      }),
    );
    expect(e).toBe(boom);
    expect(await s.erp().query(`SELECT sku FROM ${items()} WHERE sku = @sku`, { sku: 'R-1' })).toEqual([]);
    // the executor is dead once its transaction has ended
    await expect(
      (leaked as { query: (sql: string) => Promise<unknown> }).query('SELECT 1 AS one'),
    ).rejects.toThrow(/already finished/);
  });

  it("rolls back a dry run's rollback signal and a thrown non-Error value, returning them unchanged", async () => {
    // `check` probes write-backs this way: run them, then throw its own signal to undo them
    class RollbackSignal extends Error {}
    const signal = new RollbackSignal('undo the probe');
    const thrownValue = { reason: 'not an Error' };
    for (const [sku, thrown] of [
      ['S-1', signal],
      ['S-2', thrownValue],
    ] as const) {
      const e = await caught(
        s.erp().transaction(async (tx) => {
          await tx.execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
            sku,
            name: 's',
            qty: 1,
          });
          await tx.query(`SELECT sku FROM ${items()} WHERE sku = @sku`, { sku });
          throw thrown;
        }),
      );
      expect(e).toBe(thrown);
      expect(e instanceof RollbackSignal).toBe(thrown === signal);
      expect(await s.erp().query(`SELECT sku FROM ${items()} WHERE sku = @sku`, { sku })).toEqual([]);
    }
  });

  it('rolls back everything when one statement fails, reporting the constraint by statement name', async () => {
    await s.erp().execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
      sku: 'K-1',
      name: 'k',
      qty: 1,
    });
    const e = await caught(
      s.erp().transaction(async (tx) => {
        await tx.execute(`INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
          sku: 'K-2',
          name: 'k',
          qty: 2,
        });
        await tx.execute(
          `INSERT INTO ${items()} (sku, name, qty) VALUES (@sku, @name, @qty)`,
          { sku: 'K-1', name: 'dup', qty: 3 },
          { name: 'items.insert', touchpoint: 'items' },
        );
      }),
    );
    const err = expectErpError(e, 'constraint-violation');
    expect(err.message).toContain('items.insert');
    expect(await s.erp().query(`SELECT sku FROM ${items()} WHERE sku = @sku`, { sku: 'K-2' })).toEqual([]);
  });

  it('upserts with buildUpsert: the second run updates the same row', async () => {
    const plan = buildUpsert(
      s.h().driver,
      s.h().table('items').replace(/[[\]]/g, ''),
      ['sku'],
      ['name', 'qty'],
    );
    for (const qty of [1, 5]) {
      await s
        .erp()
        .transaction((tx) =>
          tx.execute(plan.sql, { sku: 'U-1', name: `qty ${qty}`, qty }, { name: 'items.upsert' }),
        );
    }
    expect(
      await s.erp().query(`SELECT sku, name, qty FROM ${items()} WHERE sku = @sku`, { sku: 'U-1' }),
    ).toEqual([{ sku: 'U-1', name: 'qty 5', qty: 5 }]);
  });
}
