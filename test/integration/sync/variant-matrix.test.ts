/**
 * The product under every plausible reading of Infoplus (src/simulator/decisions.ts VARIANTS): the same
 * end-to-end scenario runs under the strict defaults, under each value of each switch (one changed at a
 * time) and under a few random combinations whose seed is in the test name. Scenario: push all four,
 * labels printed then shipped (partial, multi-order, back-orders), received, adjusted, delivered; pull;
 * ERP and Infoplus agree line by line; a re-run writes nothing; a push killed with SIGKILL mid-way and
 * resumed leaves exactly one Infoplus record per ERP record, with the ERP's values.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDemo } from '../../../src/app/demo-verify.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import { PULL_TOUCHPOINTS, PUSH_TOUCHPOINTS } from '../../../src/contract/touchpoints.js';
import { STRICT_VARIANTS, VARIANTS, VARIANT_KEYS } from '../../../src/simulator/decisions.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { describeVariants, randomVariants } from '../../../src/simulator/variants.js';
import { problemsOf, pullAgreement, pushAgreement } from './agreement.js';
import { makeRig, makeTestErp, tempDir } from './harness.js';

const CHILD_SOURCE = join(import.meta.dirname, 'crash-child.ts');
const CHILD = join(
  import.meta.dirname,
  '../../../node_modules/.cache/infoplus-sync-tests',
  `variant-child-${process.pid}.mjs`,
);

beforeAll(async () => {
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
});

/** Runs the sync in a child process; SIGKILLs it `killAfterMs` after it is ready (null: let it finish). */
function child(args: string[], killAfterMs: number | null): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let armed = false;
    proc.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (killAfterMs !== null && !armed && output.includes('ready')) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
  });
}

const RANDOM_SEEDS = [11, 23, 37];

/** Strict defaults, each other value of each switch alone, then random combinations (seed in the name). */
const CASES: [string, Record<string, string>][] = [
  ['strict defaults', {}],
  ...VARIANT_KEYS.flatMap((k) =>
    (VARIANTS[k].values as readonly string[])
      .filter((v) => v !== STRICT_VARIANTS[k])
      .map((v): [string, Record<string, string>] => [`${k}=${v}`, { [k]: v }]),
  ),
  ...RANDOM_SEEDS.map((seed): [string, Record<string, string>] => {
    const v = randomVariants(seed);
    return [`random seed ${seed}: ${describeVariants(v)}`, { ...v }];
  }),
];

describe.each(CASES)('variant %s', (name, variants) => {
  const tmp = tempDir('variant-matrix-');
  let erp: ErpConnection;
  let erpFile: string;

  beforeAll(async () => {
    const db = await makeTestErp('sqlite', tmp.dir);
    erpFile = db.url;
    erp = await db.open();
  });
  afterAll(async () => {
    await erp?.close();
    tmp.remove();
  });

  it(`syncs both ways, agrees line by line, re-runs as a no-op and survives a kill (${name})`, async () => {
    const sim = await startSimulator({ seed: 5, variants });
    const dataDir = join(tmp.dir, 'state');
    const rig = await makeRig({ erp, driver: 'sqlite', orders: 18, dataDir, sim });
    const say = (what: string): string => `[variant ${name}] ${what}`;
    try {
      // Push all four.
      const pushed = await rig.runs.runAndWait({ touchpoints: [...PUSH_TOUCHPOINTS] });
      expect(
        pushed.map((r) => [r.touchpoint, r.status, r.error ?? null]),
        say('push runs'),
      ).toEqual(PUSH_TOUCHPOINTS.map((tp) => [tp, 'succeeded', null]));
      expect(problemsOf(await pushAgreement(erp, sim)), say('push agreement')).toEqual([]);

      // Labels first: a pull now must not mark anything shipped.
      sim.warehouse.shipOrders({ share: 0.5, partialShare: 0, labelOnly: true });
      await rig.runs.runAndWait({ touchpoints: [...PULL_TOUCHPOINTS] });
      const early = await erp.query('SELECT COUNT(*) AS n FROM sales_orders WHERE shipped_at IS NOT NULL');
      expect(Number(early[0]!['n']), say('orders marked shipped from label rows')).toBe(0);

      // Ship (labels and more, partly), receive partly, adjust, deliver; pull.
      sim.warehouse.shipOrders({ share: 0.8, partialShare: 0.4 });
      sim.warehouse.receiveAsns({ share: 1, partialShare: 0.4 });
      sim.warehouse.adjustInventory({ count: 6 });
      sim.warehouse.deliver();
      const pulled = await rig.runs.runAndWait({ touchpoints: [...PULL_TOUCHPOINTS] });
      expect(
        pulled.map((r) => [r.touchpoint, r.status, r.error ?? null]),
        say('pull runs'),
      ).toEqual(PULL_TOUCHPOINTS.map((tp) => [tp, 'succeeded', null]));
      expect(problemsOf(await pullAgreement(erp, sim)), say('pull agreement')).toEqual([]);
      const checks = await verifyDemo(erp, sim);
      expect(
        checks.filter((c) => !c.ok).map((c) => `${c.touchpoint}: ${c.message}`),
        say('ERP and Infoplus agree'),
      ).toEqual([]);

      // A re-run with nothing new writes nothing anywhere.
      sim.resetStats();
      const again = await rig.runs.runAndWait({});
      expect(sim.stats().writes, say('writes on a no-op re-run')).toBe(0);
      expect(
        again.filter((r) => r.counts.created + r.counts.updated + r.counts.pulled + r.counts.failed > 0),
        say('runs that did something on a no-op re-run'),
      ).toEqual([]);

      // Kill and resume: every item changes in the ERP; a push is killed mid-way, then runs to the end.
      const later = new Date(Date.now() + 60_000);
      await erp.execute("UPDATE items SET description = description || ' v2', updated_at = @t", { t: later });
      rig.store.close();
      const args = [sim.baseUrl, sim.apiKey, erpFile, dataDir, 'vendors,items'];
      const killed = await child(args, 40);
      const resumed = await child(args, null);
      expect(resumed.output, say('resumed run')).toMatch(/^done /m);
      expect(killed.killed || killed.output.includes('done'), say('child killed or finished')).toBe(true);
      rig.restart();
      // (pushAgreement counts back-order children as second orders; verifyDemo knows them.)
      const after = await verifyDemo(erp, sim);
      expect(
        after.filter((c) => !c.ok).map((c) => `${c.touchpoint}: ${c.message}`),
        say('agreement after kill and resume'),
      ).toEqual([]);
      const erpItems = await erp.query('SELECT sku, description FROM items');
      const infoplusItems = new Map(
        sim.state.list('item').map((i) => [String(i['sku']), String(i['itemDescription'])]),
      );
      const stale = erpItems.filter(
        (r) =>
          infoplusItems.get(String(r['sku']).trim().toUpperCase()) !== String(r['description']).slice(0, 40),
      );
      expect(
        stale.map((r) => r['sku']),
        say('items not updated after kill and resume'),
      ).toEqual([]);
    } finally {
      await rig.close();
      await sim.close();
    }
  });
});
