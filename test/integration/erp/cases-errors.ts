import { expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import type { Suite } from './suite.js';
import { SECRET } from './harness.js';
import { caught, expectErpError } from './suite.js';

/** Every error class, each with a message a person can act on and no password in it. */
export function errorCases(s: Suite): void {
  it('reports a rejected login as login-failed without the password', async (ctx) => {
    const cfg = s.h().loginFailed;
    if (!cfg) return ctx.skip('SQLite has no login');
    const err = expectErpError(await caught(openErp(cfg)), 'login-failed');
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(SECRET);
  });

  it('reports an unknown database as database-not-found', async () => {
    const err = expectErpError(await caught(openErp(s.h().databaseNotFound)), 'database-not-found');
    expect(err.message).toMatch(/missing|nope|not exist|unknown|cannot open/i);
  });

  it('reports a closed port as host-unreachable', async (ctx) => {
    const cfg = s.h().hostUnreachable;
    if (!cfg) return ctx.skip('SQLite is a local file');
    const err = expectErpError(await caught(openErp(cfg)), 'host-unreachable');
    expect(err.message).toMatch(/:1\b/);
  });

  it('names the statement and touchpoint of a syntax error', async () => {
    const e = await caught(
      s
        .erp()
        .query(
          'SELEC sku FROM nowhere WHERE sku = @sku',
          { sku: 'x' },
          { name: 'orders.header', touchpoint: 'orders' },
        ),
    );
    const err = expectErpError(e, 'syntax-error');
    expect(err.message).toContain('statement "orders.header"');
    expect(err.message).toContain('touchpoint "orders"');
    expect(err.driverCode).toBeTruthy();
  });

  it('reports a refused statement as permission-denied', async () => {
    const err = expectErpError(await s.h().permissionDenied(), 'permission-denied');
    expect(err.message).toMatch(/denied|readonly|read-only|permission/i);
  });

  it('reports a duplicate key as constraint-violation', async () => {
    const items = s.h().table('items');
    await s.erp().execute(`INSERT INTO ${items} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
      sku: 'D-1',
      name: 'd',
      qty: 1,
    });
    const e = await caught(
      s.erp().execute(`INSERT INTO ${items} (sku, name, qty) VALUES (@sku, @name, @qty)`, {
        sku: 'D-1',
        name: 'd',
        qty: 1,
      }),
    );
    expectErpError(e, 'constraint-violation');
  });

  it('stops a statement that runs past its timeout, and the pool keeps working', async () => {
    const sleep = s.h().sleepSql;
    if (sleep) {
      const err = expectErpError(
        await caught(s.erp().query(sleep, {}, { name: 'slow', timeoutMs: 300 })),
        'timeout',
      );
      expect(err.message).toContain('300 ms');
    } else {
      // SQLite cannot interrupt a running statement; what times out is waiting for another writer's lock
      const other = await openErp(s.h().config);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const tx = s.erp().transaction(async (t) => {
        await t.execute(`UPDATE ${s.h().table('items')} SET qty = qty WHERE 1 = 0`);
        await held;
      });
      await new Promise((r) => setTimeout(r, 50));
      const e = await caught(
        other.execute(`INSERT INTO ${s.h().table('items')} (sku, name, qty) VALUES ('L-1', 'l', 1)`),
      );
      release();
      await tx;
      await other.close();
      expectErpError(e, 'timeout');
    }
    expect(await s.erp().query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('cancels a statement when its signal aborts', async () => {
    const pre = new AbortController();
    pre.abort();
    expectErpError(await caught(s.erp().query('SELECT 1 AS one', {}, { signal: pre.signal })), 'cancelled');
    const sleep = s.h().sleepSql;
    if (sleep) {
      const ac = new AbortController();
      const running = s.erp().query(sleep, {}, { name: 'slow', signal: ac.signal });
      setTimeout(() => ac.abort(), 300);
      expectErpError(await caught(running), 'cancelled');
    }
    expect(await s.erp().query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('reports a server-side disconnect as connection-lost and recovers with a new connection', async (ctx) => {
    const pidSql = s.h().pidSql;
    if (!pidSql) return ctx.skip('SQLite has no server session');
    const e = await caught(
      s.erp().transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number }>(pidSql);
        await s.h().killSession(Number(row?.pid));
        await new Promise((r) => setTimeout(r, 100));
        await tx.query('SELECT 1 AS one', {}, { name: 'after.kill' });
      }),
    );
    expectErpError(e, 'connection-lost');
    expect(await s.erp().query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
}
