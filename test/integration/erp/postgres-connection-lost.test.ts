import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isErpError, openErp } from '../../../src/erp/index.js';
import type { ErpConnection } from '../../../src/erp/index.js';

// The server terminates the backends under a pooled ERP connection (a DBA's pg_terminate_backend, a
// failover, a restart): every statement waiting on them must fail with 'connection-lost' instead of hanging,
// and the same ErpConnection must work again afterwards. A hang shows up as a test timeout.

const PG_URL = process.env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const CI = process.env['CI'] === 'true';
const DB = `erp_lost_${process.pid}_${randomBytes(3).toString('hex')}`;
const HANG = 20_000;

let admin: pg.Client | null = null;
let unavailable: string | null = null;
try {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await c.connect();
  await c.query(`CREATE DATABASE ${DB}`);
  admin = c;
} catch (e) {
  if (CI) throw e;
  unavailable = `PostgreSQL not reachable at PG_URL: ${e instanceof Error ? e.message : String(e)}`;
  console.warn(`postgres connection-lost: skipping: ${unavailable}`);
}

const dbUrl = (): string => {
  const u = new URL(PG_URL);
  u.pathname = `/${DB}`;
  return u.toString();
};

/** Terminates every session of the test database (the admin connection is on another database). */
async function terminateAll(): Promise<number> {
  const r = await admin!.query<{ n: string }>(
    'SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE datname = $1',
    [DB],
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function terminate(pid: number): Promise<void> {
  await admin!.query('SELECT pg_terminate_backend($1)', [pid]);
}

/** Waits until the server has really ended the session (its pid is gone from pg_stat_activity). */
async function gone(pid: number): Promise<void> {
  for (;;) {
    const r = await admin!.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (r.rowCount === 0) return;
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the operation to fail');
}

function expectLost(e: unknown, statement?: string): void {
  expect(isErpError(e), String(e)).toBe(true);
  if (!isErpError(e)) return;
  expect(e.code, `${e.message} (cause: ${String(e.cause)})`).toBe('connection-lost');
  expect(e.message).toMatch(/connection to the database lost/i);
  if (statement) expect(e.statement).toBe(statement);
}

/** The connection is usable again: as many statements at once as the pool holds, plus one that must wait. */
async function expectRecovered(erp: ErpConnection, poolMax: number): Promise<void> {
  const all = await Promise.all(
    Array.from({ length: poolMax + 1 }, (_, i) => erp.query<{ n: number }>('SELECT @i::int AS n', { i })),
  );
  expect(all.map((r) => r[0]?.n)).toEqual(Array.from({ length: poolMax + 1 }, (_, i) => i));
}

describe.skipIf(unavailable !== null)('postgres: the server terminates the backend', () => {
  let erp: ErpConnection;
  const POOL = 2;

  beforeAll(async () => {
    const setup = await openErp({ driver: 'postgres', url: dbUrl() });
    await setup.execute('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await setup.close();
  });

  // a connection per test, so that a client one case leaks cannot fail the next one
  beforeEach(async () => {
    // a short connect timeout so that a leaked (never released) client fails the recovery check quickly
    erp = await openErp({ driver: 'postgres', url: dbUrl(), poolMax: POOL, connectTimeoutMs: 5000 });
    await erp.execute('TRUNCATE t');
  });

  afterEach(async () => {
    // pool.end() waits for every checked-out client: a leaked one would hold the suite
    await Promise.race([erp.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  });

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin?.end();
  });

  it(
    'a stream whose backend dies while the consumer holds rows fails with connection-lost',
    { timeout: HANG },
    async () => {
      const seen: number[] = [];
      const err = await caught(
        (async () => {
          for await (const r of erp.stream<{ g: number }>(
            'SELECT g FROM generate_series(1, 3000) g',
            {},
            { name: 'lost.stream', touchpoint: 'orders' },
          )) {
            seen.push(r.g);
            if (seen.length === 10) expect(await terminateAll()).toBeGreaterThan(0);
          }
        })(),
      );
      expectLost(err, 'lost.stream');
      expect(err).toMatchObject({ touchpoint: 'orders' });
      expect(seen.length).toBeLessThan(3000);
      await expectRecovered(erp, POOL);
    },
  );

  it(
    'a stream whose backend dies while it waits for the next batch fails with connection-lost',
    { timeout: HANG },
    async () => {
      let pid = 0;
      const err = await caught(
        (async () => {
          // row 600 is in the second batch and takes seconds: the kill lands while that read waits
          const sql =
            'SELECT g, pg_backend_pid() AS pid FROM generate_series(1, 2000) g, ' +
            'LATERAL (SELECT pg_sleep(CASE WHEN g = 600 THEN 10 ELSE 0 END)) s';
          for await (const r of erp.stream<{ g: number; pid: number }>(sql, {}, { name: 'lost.batch' })) {
            if (r.g === 1) {
              pid = r.pid;
              setTimeout(() => void terminate(pid), 300);
            }
          }
        })(),
      );
      expectLost(err, 'lost.batch');
      await gone(pid);
      await expectRecovered(erp, POOL);
    },
  );

  it('breaking out of a stream whose backend died releases the connection', { timeout: HANG }, async () => {
    let rows = 0;
    for await (const r of erp.stream<{ pid: number }>(
      'SELECT pg_backend_pid() AS pid FROM generate_series(1, 3000)',
    )) {
      rows++;
      await terminate(r.pid);
      await gone(r.pid);
      break;
    }
    expect(rows).toBe(1);
    await expectRecovered(erp, POOL);
  });

  it(
    'a transaction whose backend dies between statements fails with connection-lost, nothing is kept',
    { timeout: HANG },
    async () => {
      const err = await caught(
        erp.transaction(async (tx) => {
          await tx.execute('INSERT INTO t (id, v) VALUES (1, @v)', { v: 'first' }, { name: 'lost.insert1' });
          const [me] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await terminate(me!.pid);
          await gone(me!.pid);
          await tx.execute('INSERT INTO t (id, v) VALUES (2, @v)', { v: 'second' }, { name: 'lost.insert2' });
        }),
      );
      expectLost(err, 'lost.insert2');
      expect(await erp.query('SELECT id FROM t')).toEqual([]);
      await expectRecovered(erp, POOL);
    },
  );

  it(
    'a transaction whose backend dies during a statement fails with connection-lost',
    { timeout: HANG },
    async () => {
      const err = await caught(
        erp.transaction(async (tx) => {
          await tx.execute('INSERT INTO t (id, v) VALUES (3, @v)', { v: 'third' });
          const [me] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          setTimeout(() => void terminate(me!.pid), 300);
          await tx.execute('SELECT pg_sleep(10)', {}, { name: 'lost.sleep' });
        }),
      );
      expectLost(err, 'lost.sleep');
      expect(await erp.query('SELECT id FROM t')).toEqual([]);
      await expectRecovered(erp, POOL);
    },
  );

  it('a backend killed while its client sits idle in the pool is replaced', { timeout: HANG }, async () => {
    await expectRecovered(erp, POOL); // fills the pool with idle clients
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    await expectRecovered(erp, POOL);
  });

  it(
    'short transactions and streams while every backend is terminated, repeatedly, all settle',
    { timeout: 60_000 },
    async () => {
      let stop = false;
      const outcomes = { committed: 0, lost: 0 };
      const other: unknown[] = [];
      const settle = async (p: Promise<unknown>): Promise<void> => {
        try {
          await p;
          outcomes.committed++;
        } catch (e) {
          if (isErpError(e) && e.code === 'connection-lost') outcomes.lost++;
          else other.push(e);
        }
      };
      const writer = async (base: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          const id = base + i;
          await settle(
            erp.transaction(async (tx) => {
              await tx.execute(
                'INSERT INTO t (id, v) VALUES (@id, @v)',
                { id, v: 'x' },
                { name: 'loop.insert' },
              );
              await tx.execute('UPDATE t SET v = @v WHERE id = @id', { id, v: 'y' }, { name: 'loop.update' });
              await tx.query('SELECT count(*) AS n FROM t', {}, { name: 'loop.count' });
            }),
          );
        }
      };
      const reader = async (): Promise<void> => {
        while (!stop) {
          await settle(
            (async () => {
              for await (const r of erp.stream(
                'SELECT g FROM generate_series(1, 2000) g',
                {},
                { name: 'loop.stream' },
              )) {
                void r;
                await new Promise((res) => setImmediate(res));
              }
            })(),
          );
        }
      };
      const killer = async (): Promise<void> => {
        for (let k = 0; k < 8; k++) {
          await new Promise((r) => setTimeout(r, 150));
          await terminateAll();
        }
        stop = true;
      };
      await Promise.all([writer(1_000), writer(100_000), reader(), killer()]);
      expect(other).toEqual([]);
      expect(outcomes.lost).toBeGreaterThan(0);
      expect(outcomes.committed).toBeGreaterThan(0);
      // every committed transaction left a 'y' row; a failed one left nothing half-done
      expect(await erp.query("SELECT id FROM t WHERE v <> 'y'")).toEqual([]);
      await expectRecovered(erp, POOL);
    },
  );
});

/** A TCP proxy to the server whose current connections can be frozen: no FIN, no RST, just silence. */
async function freezableProxy(
  target: URL,
): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  const pairs: [net.Socket, net.Socket][] = [];
  const server = net.createServer((down) => {
    const up = net.connect(Number(target.port || 5432), target.hostname);
    down.on('error', () => undefined);
    up.on('error', () => undefined);
    down.pipe(up);
    up.pipe(down);
    pairs.push([down, up]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze() {
      for (const [down, up] of pairs.splice(0)) {
        down.unpipe(up);
        up.unpipe(down);
        down.pause();
        up.pause();
      }
    },
    async close() {
      for (const [down, up] of pairs.splice(0)) {
        down.destroy();
        up.destroy();
      }
      await new Promise((r) => server.close(r));
    },
  };
}

describe.skipIf(unavailable !== null)('postgres: the network to the server goes silent', () => {
  it(
    'a statement on a connection that stopped answering still settles after its timeout',
    { timeout: HANG },
    async () => {
      const proxy = await freezableProxy(new URL(PG_URL));
      const u = new URL(PG_URL); // nothing is terminated here, the shared database will do
      u.host = `127.0.0.1:${proxy.port}`;
      const erp = await openErp({
        driver: 'postgres',
        url: u.toString(),
        poolMax: 1,
        connectTimeoutMs: 5000,
      });
      try {
        const running = caught(erp.query('SELECT pg_sleep(3)', {}, { name: 'silent.sleep', timeoutMs: 500 }));
        await new Promise((r) => setTimeout(r, 100));
        proxy.freeze(); // the cancel still reaches the server on a new connection; its answer never comes back
        const err = await running;
        expect(isErpError(err) && err.code).toBe('timeout');
        expect(err).toMatchObject({ statement: 'silent.sleep' });
        // the silent connection was dropped: the only pool slot works again through a new one
        await expectRecovered(erp, 1);
      } finally {
        await Promise.race([erp.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
        await proxy.close();
      }
    },
  );
});

/** ErrorResponse 57P01, as the server sends it when an administrator terminates the backend. */
function adminShutdownMessage(): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P01'],
      ['M', 'terminating connection due to administrator command'],
    ].map(([k, v]) => Buffer.from(`${k}${v}\0`)),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/**
 * A proxy that, on its `nth` connection, appends a FATAL to the very packet that ends the startup
 * (ReadyForQuery), then hangs up: the backend died right as the connection became ready.
 */
async function dyingAtReadyProxy(
  target: URL,
  nth: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: net.Socket[] = [];
  let count = 0;
  const server = net.createServer((down) => {
    const index = ++count;
    const up = net.connect(Number(target.port || 5432), target.hostname);
    sockets.push(down, up);
    down.on('error', () => undefined);
    up.on('error', () => undefined);
    down.pipe(up);
    if (index !== nth) {
      up.pipe(down);
      return;
    }
    const ready = Buffer.from([0x5a, 0, 0, 0, 5]); // 'Z', length 5
    up.on('data', (chunk: Buffer) => {
      const at = chunk.indexOf(ready);
      if (at < 0) return void down.write(chunk);
      down.end(Buffer.concat([chunk.subarray(0, at + 6), adminShutdownMessage()]));
      up.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe.skipIf(unavailable !== null)('postgres: the backend dies as its connection becomes ready', () => {
  it('fails only the statement that got that connection, without crashing the process', async () => {
    const proxy = await dyingAtReadyProxy(new URL(PG_URL), 2);
    const u = new URL(PG_URL);
    u.host = `127.0.0.1:${proxy.port}`;
    const erp = await openErp({ driver: 'postgres', url: u.toString(), poolMax: 2, connectTimeoutMs: 5000 });
    try {
      // the probe used connection 1; two statements at once make the pool open connection 2
      const [slow, hit] = await Promise.allSettled([
        erp.query('SELECT 1 AS n FROM pg_sleep(0.3)'),
        erp.query('SELECT 2 AS n', {}, { name: 'ready.dies' }),
      ]);
      expect(slow).toMatchObject({ status: 'fulfilled', value: [{ n: 1 }] });
      expect(hit.status).toBe('rejected');
      if (hit.status === 'rejected') expectLost(hit.reason, 'ready.dies');
      await expectRecovered(erp, 2);
    } finally {
      await Promise.race([erp.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      await proxy.close();
    }
  });
});
