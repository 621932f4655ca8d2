/** Push throughput against a rate-limited, slow simulator, beside a naive sequential client. */
import { join } from 'node:path';
import { buildPayload, contentHash } from '../src/domain/mapping/index.js';
import { readPushRecords } from '../src/sync/profile-io.js';
import { startSimulator } from '../src/simulator/index.js';
import { engineFor, profileFor, sampleErp, scratch } from './setup.js';

/** Figures of the push part. */
export interface PushFigures {
  orders: number;
  avgLines: number;
  rateLimit: number;
  latencyMs: number;
  concurrency: number;
  engineSeconds: number;
  engineReqPerSec: number;
  engineShareOfLimit: number;
  callsPerNewRecord: number;
  rateLimited429: number;
  naiveOrders: number;
  naiveReqPerSec: number;
  naiveShareOfLimit: number;
  unchangedRecords: number;
  callsPerUnchangedRecord: number;
}

/** Runs the push benchmark. */
export async function pushBench(orders: number, naiveOrders: number): Promise<PushFigures> {
  const rateLimit = 20;
  const latencyMs = 100;
  const dir = scratch('bench-push-');
  const sim = await startSimulator({ seed: 5 });
  const { erp, file } = await sampleErp(dir, orders);
  const profile = profileFor(sim, file);
  // Pieces orders depend on go in first, unthrottled: they are not what is measured.
  const concurrency = Math.ceil(rateLimit * (latencyMs / 1000) * 1.5) + 1;
  const { engine, store, client } = engineFor(erp, sim, profile, join(dir, 'state'), 1000, {
    concurrency: 16,
  });
  for (const tp of ['vendors', 'items'] as const) await engine.runTouchpoint(tp, { trigger: 'manual' });
  store.close();
  client.close();

  sim.setFaults({ latencyMs, rateLimit });
  const measured = engineFor(erp, sim, profile, join(dir, 'state'), rateLimit, { concurrency });
  sim.resetStats();
  const t0 = performance.now();
  const run = await measured.engine.runTouchpoint('orders', { trigger: 'manual' });
  const engineSeconds = (performance.now() - t0) / 1000;
  const stats = sim.stats();
  if (run.counts.created !== orders)
    throw new Error(`push created ${run.counts.created} of ${orders}: ${run.error ?? ''}`);
  const lines = await erp.query('SELECT COUNT(*) AS n FROM sales_order_lines');

  sim.resetStats();
  const again = await measured.engine.runTouchpoint('orders', { trigger: 'manual' });
  const unchangedCalls = sim.stats().requests;
  measured.store.close();
  measured.client.close();

  // Naive: one request at a time, the way a simple script would post orders.
  const naiveClient = engineFor(erp, sim, profile, join(dir, 'naive-state'), rateLimit, {}).client;
  const payloads: Record<string, unknown>[] = [];
  for await (const rec of readPushRecords(erp, profile, 'orders', {})) {
    const built = buildPayload(profile, 'orders', rec);
    payloads.push({ ...built.payload, customerOrderNo: `NAIVE-${contentHash(rec.key).slice(0, 12)}` });
    if (payloads.length >= naiveOrders) break;
  }
  sim.resetStats();
  const n0 = performance.now();
  for (const p of payloads) await naiveClient.order.create(p);
  const naiveSeconds = (performance.now() - n0) / 1000;
  const naiveReq = sim.stats().requests;
  naiveClient.close();
  await erp.close();
  await sim.close();

  const engineReqPerSec = stats.requests / engineSeconds;
  const naiveReqPerSec = naiveReq / naiveSeconds;
  return {
    orders,
    avgLines: Number(lines[0]!['n']) / orders,
    rateLimit,
    latencyMs,
    concurrency,
    engineSeconds: round(engineSeconds),
    engineReqPerSec: round(engineReqPerSec),
    engineShareOfLimit: round(engineReqPerSec / rateLimit),
    callsPerNewRecord: round(stats.requests / run.counts.created, 3),
    rateLimited429: stats.faults['rateLimited'] ?? stats.faults['rate-limit'] ?? 0,
    naiveOrders: payloads.length,
    naiveReqPerSec: round(naiveReqPerSec),
    naiveShareOfLimit: round(naiveReqPerSec / rateLimit),
    unchangedRecords: again.counts.unchanged,
    callsPerUnchangedRecord:
      again.counts.unchanged > 0 ? round(unchangedCalls / again.counts.unchanged, 3) : 0,
  };
}

/** Rounds for the table. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
