import { afterAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import type { FaultConfig } from '../../../src/simulator/index.js';
import type { RunSummary } from '../../../src/contract/index.js';
import { pullAgreement, pushAgreement, problemsOf } from './agreement.js';
import { openErp } from '../../../src/erp/index.js';
import { SyncEngine, type EngineOptions } from '../../../src/sync/index.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';
import { runPath } from './run-path.js';

/**
 * Runs everything until a round has no failed record and no failed run (bounded), as the scheduler would: through
 * the production run path (the RunCoordinator, see run-path.ts).
 */
async function converge(rig: Rig, rounds = 12): Promise<RunSummary[][]> {
  const history: RunSummary[][] = [];
  for (let i = 0; i < rounds; i++) {
    const runs = await rig.runs.runAndWait({ trigger: 'schedule' });
    history.push(runs);
    const clean = runs.every((r) => r.status === 'succeeded') && rig.store.inbox.openCount() === 0;
    if (clean) return history;
    // records checking whether Infoplus received them wait for their next lookup, as the scheduler would
    if (rig.store.outbox.settlingCount() > 0) await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(
    `no convergence: ${JSON.stringify(history.at(-1)?.map((r) => [r.touchpoint, r.status, r.counts, r.error]))}; inbox ${JSON.stringify(
      rig.store.inbox.list().slice(0, 3),
    )}`,
  );
}

/** The slow-commit fault, scaled down: answers after 1.2 s (then committed) against a 400 ms client timeout. */
const SLOW = { timeoutMs: 400, options: { settleDelaysMs: [500, 2000] } };

const MATRIX: [string, Partial<FaultConfig>, { timeoutMs?: number; options?: EngineOptions }?][] = [
  ['10% server errors', { failRate: 0.1 }],
  ['10% slow commits past the client timeout', { slowRate: 0.1, slowMs: 1200 }, SLOW],
  ['5% connection resets', { resetRate: 0.05 }],
  ['commit then drop', { commitThenDropRate: 0.15 }],
  ['429 storms', { rateLimit: 40 }],
  ['everything at once', { failRate: 0.1, resetRate: 0.05, commitThenDropRate: 0.1, rateLimit: 60 }],
];

describe.each(MATRIX)('fault matrix: %s', (_name, faults, setup) => {
  const tmp = tempDir('sync-faults-');
  let rig: Rig | null = null;
  let erp: ErpConnection | null = null;
  afterAll(async () => {
    await rig?.close();
    await erp?.close();
    tmp.remove();
  });

  it('ends with every record exactly once on both sides', async () => {
    const db = await makeTestErp('sqlite', tmp.dir);
    erp = await db.open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 150, dataDir: `${tmp.dir}/state`, ...setup });
    rig.sim.setFaults(faults);
    await converge(rig);
    expect(problemsOf(await pushAgreement(erp, rig.sim))).toEqual([]);

    rig.sim.warehouse.shipOrders({ share: 0.8, partialShare: 0.3 });
    rig.sim.warehouse.receiveAsns({ share: 0.8 });
    rig.sim.warehouse.adjustInventory({ count: 40 });
    await converge(rig);
    expect(problemsOf(await pullAgreement(erp, rig.sim))).toEqual([]);
    if (faults.slowRate) {
      // the slow creates were confirmed by a lookup, never sent twice (pushAgreement above found no duplicate)
      expect(rig.sim.stats().faults.slow ?? 0).toBeGreaterThan(0);
    }
    if (faults.commitThenDropRate) {
      const reconciled = rig.store.runs
        .list({ touchpoint: 'orders' })
        .flatMap((r) => rig!.store.runs.records(r.id))
        .filter((r) => r.action === 'reconciled');
      expect(reconciled.length).toBeGreaterThan(0);
    }
  });
});

describe('fault matrix: the ERP connection is lost in the middle of a pull (PostgreSQL backend terminated)', () => {
  const tmp = tempDir('sync-erp-lost-');
  let rig: Rig | null = null;
  let erp: ErpConnection | null = null;
  let drop: (() => Promise<void>) | null = null;
  let available = true;
  afterAll(async () => {
    await rig?.close();
    await erp?.close();
    await drop?.();
    tmp.remove();
  });

  // Known issue (ERP driver, reported): a pg stream on a pooled connection whose backend was terminated can
  // hang instead of failing; when that happens this test times out rather than passing.
  it(
    'fails the run cleanly, and the next run completes without losing or repeating a record',
    { timeout: 120_000 },
    async (t) => {
      let db;
      try {
        db = await makeTestErp('postgres', tmp.dir);
      } catch (e) {
        if (process.env.CI === 'true') throw e;
        available = false;
      }
      if (!available || !db) return t.skip();
      drop = db.drop;
      erp = await db.open();
      rig = await makeRig({ erp, driver: 'postgres', orders: 200, dataDir: `${tmp.dir}/state` });
      await converge(rig);
      rig.sim.warehouse.shipOrders({ share: 1, partialShare: 0.3 });
      rig.sim.setFaults({ latencyMs: 3 });

      const dbName = db.url.split('/').pop()!;
      const killer = await (
        await import('../../../src/erp/index.js')
      ).openErp({
        driver: 'postgres',
        url: process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      });
      const running = rig.runs.runAndWait({ touchpoints: ['shipments'] });
      // Let some records land, then cut every connection of the ERP database under the engine.
      await new Promise((r) => setTimeout(r, 150));
      await killer.query(
        'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()',
        { db: dbName },
      );
      await killer.close();
      const [cut] = await running;
      if (!cut) throw new Error('the shipments run did not start');
      // Usually the cut lands mid-run (failed, with a message naming the lost connection); on a very fast
      // machine the run may finish first. Either way nothing may be lost or doubled afterwards.
      expect(['failed', 'succeeded']).toContain(cut.status);
      if (cut.status === 'failed') expect(cut.error).toMatch(/connection|terminat/i);
      const cursorAfterCut = rig.store.cursors.get('shipments');

      await converge(rig);
      expect(problemsOf(await pullAgreement(erp, rig.sim))).toEqual([]);
      if (cut.status === 'failed') expect(rig.store.cursors.get('shipments')).not.toEqual(cursorAfterCut);
    },
  );
});

describe('fault matrix: the ERP connection is closed under the engine in the middle of a pull (SQLite)', () => {
  const tmp = tempDir('sync-erp-closed-');
  let rig: Rig | null = null;
  let erp: ErpConnection | null = null;
  afterAll(async () => {
    await rig?.close();
    await erp?.close().catch(() => {});
    tmp.remove();
  });

  it('fails the run with the lost connection named, and a run on a new connection completes it', async () => {
    const db = await makeTestErp('sqlite', tmp.dir);
    const first = await db.open();
    rig = await makeRig({ erp: first, driver: 'sqlite', orders: 200, dataDir: `${tmp.dir}/state` });
    await converge(rig);
    rig.sim.warehouse.shipOrders({ share: 1, partialShare: 0.3 });
    rig.sim.setFaults({ latencyMs: 5 });
    let written = 0;
    const cutPath = runPath(
      (onEvent) =>
        new SyncEngine({
          erp: first,
          infoplus: rig!.client,
          profile: rig!.profile,
          store: rig!.store,
          logger: quietLogger,
          options: { progressIntervalMs: 0 },
          onEvent: (e) => {
            onEvent(e);
            // Close the connection under the engine once some records are in.
            if (e.type === 'run-progress' && e.progress.counts.pulled > 20 && written++ === 0)
              void first.close();
          },
        }),
      rig.store,
      quietLogger,
    );
    const [cut] = await cutPath.runs.runAndWait({ touchpoints: ['shipments'] });
    if (!cut) throw new Error('the shipments run did not start');
    expect(cut.status).toBe('failed');
    expect(cut.counts.pulled).toBeGreaterThan(0);
    expect(cut.error).toMatch(/connection|closed/i);

    // The agent reconnects (a new connection) and the next run finishes the job: nothing lost, nothing twice.
    erp = await openErp({ driver: 'sqlite', url: db.url });
    const reconnected = erp;
    const next = runPath(
      (onEvent) =>
        new SyncEngine({
          erp: reconnected,
          infoplus: rig!.client,
          profile: rig!.profile,
          store: rig!.store,
          logger: quietLogger,
          onEvent,
        }),
      rig.store,
      quietLogger,
    );
    const [done] = await next.runs.runAndWait({ touchpoints: ['shipments'] });
    expect(done?.status).toBe('succeeded');
    expect(problemsOf(await pullAgreement(erp, rig.sim))).toEqual([]);
  });
});
