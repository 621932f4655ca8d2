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
import { tempDir } from './harness.js';

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
function live(args: string[], killAfterMs: number | null): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
