/**
 * Near-real-time mode: an agent (a child process on the built code, its own data folder) runs the sample
 * profile with `orders: schedule: { continuous: { everySeconds } }` against the simulator at 100 ms latency;
 * orders are committed to the ERP at random moments and the time until each is visible in Infoplus is
 * measured. Then the agent's CPU is read from /proc while the ERP is quiet.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { erpDateParam } from '../src/sync/profile-io.js';
import { sampleProfileText } from '../src/erp/sample/index.js';
import { startSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { engineFor, profileFor, sampleErp, scratch } from './setup.js';

/** Figures of the continuous part. */
export interface ContinuousFigures {
  everySeconds: number;
  latencyMs: number;
  orders: number;
  overSeconds: number;
  visible: number;
  p50Seconds: number;
  p95Seconds: number;
  maxSeconds: number;
  idleSeconds: number;
  /** Agent CPU while the ERP was quiet, as a share of one core. */
  idleCpuShareOfCore: number;
}

/** Runs the continuous benchmark: `orders` commits spread at random over `overSeconds`. */
export async function continuousBench(opts: {
  orders: number;
  overSeconds: number;
  everySeconds: number;
  idleSeconds: number;
}): Promise<ContinuousFigures> {
  const latencyMs = 100;
  const dir = scratch('bench-continuous-');
  const sim = await startSimulator({ seed: 5 });
  const { erp, file } = await sampleErp(dir, 50);
  const dataDir = join(dir, 'agent');
  // Everything the orders refer to (and the seeded orders) is in Infoplus before the agent starts.
  const profile = profileFor(sim, file);
  const pre = engineFor(erp, sim, profile, dataDir, 1000, { concurrency: 16 });
  for (const tp of ['vendors', 'items', 'orders'] as const)
    await pre.engine.runTouchpoint(tp, { trigger: 'manual' });
  pre.store.close();
  pre.client.close();

  const doc = parse(sampleProfileText('sqlite', { erpUrl: file, infoplusBaseUrl: sim.baseUrl })) as {
    touchpoints: Record<string, { schedule?: unknown }>;
  };
  for (const [name, tp] of Object.entries(doc.touchpoints)) {
    if (name === 'orders') tp.schedule = { continuous: { everySeconds: opts.everySeconds } };
    else delete tp.schedule; // only the orders are measured
  }
  const profileFile = join(dir, 'profile.yaml');
  writeFileSync(profileFile, stringify(doc));
  sim.setFaults({ latencyMs });

  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'continuous-child.mjs'), profileFile, dataDir, sim.apiKey],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (d.toString().includes('ready') ? resolve() : undefined));
    child.on('exit', (code) => reject(new Error(`the agent exited ${code} before it was ready`)));
  });

  // A template order already in Infoplus; copies of it are committed as new orders.
  const [tpl] = await erp.query<{ order_id: number }>('SELECT MIN(order_id) AS order_id FROM sales_orders');
  const headerCols = (await erp.query<{ name: string }>('PRAGMA table_info(sales_orders)'))
    .map((c) => c.name)
    .filter((c) => !['order_id', 'order_no', 'infoplus_order_no', 'created_at', 'updated_at'].includes(c));
  const lineCols = (await erp.query<{ name: string }>('PRAGMA table_info(sales_order_lines)'))
    .map((c) => c.name)
    .filter((c) => !['line_id', 'order_id'].includes(c));
  const commitAt = Array.from({ length: opts.orders }, () => Math.random() * opts.overSeconds * 1000).sort(
    (a, b) => a - b,
  );
  const committed = new Map<string, number>();
  const seenAfter: number[] = [];
  const t0 = performance.now();
  const poll = setInterval(() => {
    if (committed.size === 0) return;
    const now = performance.now();
    for (const o of sim.state.list('order')) {
      const no = String(o['customerOrderNo']);
      const at = committed.get(no);
      if (at === undefined) continue;
      committed.delete(no);
      seenAfter.push((now - at) / 1000);
    }
  }, 50);
  for (const [i, at] of commitAt.entries()) {
    const wait = t0 + at - performance.now();
    if (wait > 0) await sleep(wait);
    const no = `RT-${String(i).padStart(5, '0')}`;
    const stamp = erpDateParam(new Date(), profile, 'sqlite');
    await erp.transaction(async (tx) => {
      await tx.execute(
        `INSERT INTO sales_orders (order_no, ${headerCols.join(', ')}, created_at, updated_at)
         SELECT @no, ${headerCols.join(', ')}, @stamp, @stamp FROM sales_orders WHERE order_id = @tpl`,
        { no, stamp, tpl: tpl!.order_id },
      );
      await tx.execute(
        `INSERT INTO sales_order_lines (order_id, ${lineCols.join(', ')})
         SELECT (SELECT order_id FROM sales_orders WHERE order_no = @no), ${lineCols.join(', ')}
         FROM sales_order_lines WHERE order_id = @tpl`,
        { no, tpl: tpl!.order_id },
      );
    });
    committed.set(no, performance.now());
  }
  const deadline = performance.now() + 120_000;
  while (committed.size > 0 && performance.now() < deadline) await sleep(100);
  clearInterval(poll);

  // Quiet ERP: what does the agent cost while it only checks? (After the last records' re-check, see
  // WATERMARK_TICK_MS, is over.)
  await sleep(10_000);
  const cpu0 = cpuSeconds(child.pid!);
  const i0 = performance.now();
  await sleep(opts.idleSeconds * 1000);
  const idleCpu = (cpuSeconds(child.pid!) - cpu0) / ((performance.now() - i0) / 1000);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await erp.close();
  await sim.close();

  const sorted = [...seenAfter].sort((a, b) => a - b);
  const pct = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return {
    everySeconds: opts.everySeconds,
    latencyMs,
    orders: opts.orders,
    overSeconds: opts.overSeconds,
    visible: sorted.length,
    p50Seconds: round(pct(0.5)),
    p95Seconds: round(pct(0.95)),
    maxSeconds: round(sorted[sorted.length - 1] ?? NaN),
    idleSeconds: opts.idleSeconds,
    idleCpuShareOfCore: round(idleCpu, 4),
  };
}

/** User + system CPU seconds of a process (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // after "pid (comm) ": state is field 3, utime 14, stime 15 (1-based) -> indexes 11 and 12 here
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
