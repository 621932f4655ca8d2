import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openErp } from '../../../src/erp/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { createSampleErp } from '../../../src/erp/sample/index.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { openStateStore } from '../../../src/store/index.js';
import { pullAgreement, pushAgreement, problemsOf } from './agreement.js';
import { countBy, tempDir } from './harness.js';

const CHILD_SOURCE = join(import.meta.dirname, 'crash-child.ts');
// Bundled once so each of the ~50 restarts starts in a fraction of a second; kept under node_modules so the
// bundle resolves the native packages (better-sqlite3) it leaves external.
const CHILD = join(
  import.meta.dirname,
  '../../../node_modules/.cache/infoplus-sync-tests',
  `crash-child-${process.pid}.mjs`,
);

async function bundleChild(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
}
const PUSH = 'vendors,items,asns,orders';
const PULL = 'shipments,item-receipts,inventory-adjustments';

interface Life {
  readonly killed: boolean;
  readonly code: number | null;
  readonly output: string;
}

/** Runs the child once; kills it with SIGKILL `killAfterMs` after it said "ready" (null: let it finish). */
function live(
  args: string[],
  killAfterMs: number | null,
  env: NodeJS.ProcessEnv = {},
  killWhen?: () => boolean,
): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const poll = killWhen
      ? setInterval(() => {
          if (killWhen()) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 10)
      : undefined;
    child.on('exit', () => clearInterval(poll));
    let output = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (killAfterMs !== null && output.includes('ready') && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code, output }));
  });
}

describe('crash suite: SIGKILL at random points during a push of 1,000 orders and during a pull', () => {
  const tmp = tempDir('sync-crash-');
  const erpFile = join(tmp.dir, 'erp.sqlite');
  const dataDir = join(tmp.dir, 'state');
  let sim: InfoplusSimulator;
  let erp: ErpConnection;
  // A seeded generator: a failure can be replayed with the same CRASH_SEED.
  let seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };

  beforeAll(async () => {
    await bundleChild();
    sim = await startSimulator({ seed: 11, faults: { latencyMs: 15 } });
    erp = await openErp({ driver: 'sqlite', url: erpFile, createIfMissing: true });
    await createSampleErp(erp, { orders: 1000, seed: 5 });
  });

  afterAll(async () => {
    await erp?.close();
    await sim?.close();
    tmp.remove();
    rmSync(CHILD, { force: true });
  });

  const args = (tps: string): string[] => [sim.baseUrl, sim.apiKey, erpFile, dataDir, tps];

  async function killRepeatedly(tps: string, kills: number, maxDelayMs: number): Promise<number> {
    let done = 0;
    for (let life = 0; done < kills && life < kills * 4; life++) {
      const r = await live(args(tps), Math.floor(random() * maxDelayMs));
      if (r.killed) done++;
      else if (r.code !== 0) throw new Error(`child failed (seed ${seed}):\n${r.output}`);
    }
    return done;
  }

  it('never duplicates nor loses a record on either side', { timeout: 600_000 }, async () => {
    const pushKills = await killRepeatedly(PUSH, 20, 900);
    expect(pushKills).toBeGreaterThanOrEqual(20);
    const finishPush = await live(args(PUSH), null);
    expect(finishPush.code, finishPush.output).toBe(0);
    expect(problemsOf(await pushAgreement(erp, sim))).toEqual([]);
    expect(sim.state.count('order')).toBe(1000);

    sim.setFaults({ latencyMs: 2 });
    sim.warehouse.shipOrders({ share: 1, partialShare: 0.3 });
    sim.warehouse.receiveAsns({ share: 1, partialShare: 0.3 });
    sim.warehouse.adjustInventory({ count: 300 });
    const pullKills = await killRepeatedly(PULL, 20, 700);
    expect(pullKills).toBeGreaterThanOrEqual(20);
    const finishPull = await live(args(PULL), null);
    expect(finishPull.code, finishPull.output).toBe(0);
    expect(problemsOf(await pullAgreement(erp, sim))).toEqual([]);

    // Nothing is left half-done in the state folder.
    const store = openStateStore(dataDir);
    try {
      for (const tp of ['vendors', 'items', 'asns', 'orders'] as const)
        expect(store.outbox.unresolved(tp)).toEqual([]);
      expect(store.inbox.openCount()).toBe(0);
      expect(store.runs.list({ status: 'running' })).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('crash suite: SIGKILL while Infoplus still holds slow creates, and an immediate restart', () => {
  const tmp = tempDir('sync-crash-slow-');
  const erpFile = join(tmp.dir, 'erp.sqlite');
  const dataDir = join(tmp.dir, 'state');
  let sim: InfoplusSimulator;
  let erp: ErpConnection;

  beforeAll(async () => {
    await bundleChild();
    sim = await startSimulator({ seed: 12 });
    erp = await openErp({ driver: 'sqlite', url: erpFile, createIfMissing: true });
    await createSampleErp(erp, { orders: 8, seed: 6 });
  });

  afterAll(async () => {
    await erp?.close();
    await sim?.close();
    tmp.remove();
    rmSync(CHILD, { force: true });
  });

  const args = (tps: string): string[] => [sim.baseUrl, sim.apiKey, erpFile, dataDir, tps];
  // the settle window (6 s here, minutes by default) is longer than the server's delay (5 s)
  const env = { CRASH_SETTLE_MS: '2000,6000' };

  it(
    'never sends a create again before the slow ones landed: 8 orders, none twice',
    { timeout: 120_000 },
    async () => {
      const masters = await live(args('vendors,items'), null, env);
      expect(masters.code, masters.output).toBe(0);

      // Every request is held 5 s and then committed; the process dies while its creates are held (once
      // the simulator holds its lookup and at least two creates).
      sim.setFaults({ slowRate: 1, slowMs: 5000 });
      sim.resetStats();
      const killed = await live(args('orders'), null, env, () => (sim.stats().faults.slow ?? 0) >= 3);
      expect(killed.killed).toBe(true);
      // An immediate restart: its lookups are answered at once, before the held creates commit.
      sim.setFaults({ slowRate: 0 });
      const restarted = await live(args('orders'), null, env);
      expect(restarted.code, restarted.output).toBe(0);
      const orders = (): Record<string, unknown>[] => sim.state.list<Record<string, unknown>>('order');
      const twice = (): string[] =>
        [...countBy(orders(), 'customerOrderNo')].filter(([, n]) => n > 1).map(([k]) => k);
      expect(twice()).toEqual([]);

      // Once the held creates landed and the window passed, a run confirms them: nothing twice, nothing left.
      await new Promise((r) => setTimeout(r, 6200));
      const settled = await live(args('orders'), null, env);
      expect(settled.code, settled.output).toBe(0);
      expect(twice()).toEqual([]);
      expect(sim.state.count('order')).toBe(8);
      const store = openStateStore(dataDir);
      try {
        expect(store.outbox.unresolved('orders')).toEqual([]);
        expect(store.journal.counts('orders').synced).toBe(8);
      } finally {
        store.close();
      }
    },
  );
});
