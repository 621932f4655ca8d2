/**
 * The tenant's limit unknown to the engine: the simulator enforces 12 req/s, the profile names no rate, and the
 * adaptive limiter has to find it; then the simulator's limit changes mid-run (12 -> 6 -> 12, through its
 * `/__sim/faults` control endpoint) and the limiter has to follow. Accepted requests and 429s are sampled
 * once a second from the simulator's counters.
 */
import { join } from 'node:path';
import { createInfoplusClient } from '../src/infoplus/index.js';
import { startSimulator } from '../src/simulator/index.js';
import { openStateStore } from '../src/store/index.js';
import { SyncEngine } from '../src/sync/index.js';
import { round } from './push-bench.js';
import { engineFor, profileFor, sampleErp, scratch, silent } from './setup.js';

/** Figures of the adaptive-rate part. */
export interface AdaptiveFigures {
  serverLimit: number;
  lowLimit: number;
  latencyMs: number;
  /** Accepted requests/s over the steady part of the first phase (after `warmupSeconds`). */
  sustainedReqPerSec: number;
  sustainedShareOfLimit: number;
  warmupSeconds: number;
  phaseSeconds: { first: number; low: number; back: number };
  requests: number;
  rateLimited429: number;
  share429: number;
  /** Accepted requests/s over the low phase after it settled, as a share of the low limit. */
  lowShareOfLimit: number;
  /** Seconds after the limit went back up until a 5 s window reached 0.9 of it (null: never in the phase). */
  recoverySeconds: number | null;
  /** The rate the limiter reported at the end, and the limit it learned. */
  finalRate: number;
  knownLimit: number | null;
}

/** Runs the adaptive-rate benchmark; phases in seconds. */
export async function adaptiveBench(phases: {
  first: number;
  low: number;
  back: number;
  warmup: number;
}): Promise<AdaptiveFigures> {
  const serverLimit = 12;
  const lowLimit = 6;
  const latencyMs = 50;
  const dir = scratch('bench-adaptive-');
  const sim = await startSimulator({ seed: 5 });
  // enough orders that the run never runs dry: the limit x the phases, with room
  const orders = Math.ceil(serverLimit * (phases.first + phases.low + phases.back) * 1.4) + 200;
  const { erp, file } = await sampleErp(dir, orders);
  const profile = profileFor(sim, file);
  delete profile.connections?.infoplus?.requestsPerSecond;
  // Pieces orders depend on go in first, unthrottled: they are not what is measured.
  const pre = engineFor(erp, sim, profile, join(dir, 'state'), 1000, { concurrency: 16 });
  for (const tp of ['vendors', 'items'] as const) await pre.engine.runTouchpoint(tp, { trigger: 'manual' });
  pre.store.close();
  pre.client.close();

  await control(sim.baseUrl, sim.apiKey, { latencyMs, rateLimit: serverLimit });
  const client = createInfoplusClient({
    baseUrl: sim.baseUrl,
    apiKey: sim.apiKey,
    adaptiveRate: {}, // no ceiling from the profile: the limit is found
    timeoutMs: 30_000,
  });
  const store = openStateStore(join(dir, 'state'));
  const engine = new SyncEngine({ erp, infoplus: client, profile, store, logger: silent });
  sim.resetStats();

  const samples: { t: number; accepted: number; limited: number }[] = [];
  const t0 = performance.now();
  const sample = (): void => {
    const s = sim.stats();
    const limited = s.faults['rateLimited'] ?? 0;
    samples.push({ t: (performance.now() - t0) / 1000, accepted: s.requests - limited, limited });
  };
  sample();
  const sampler = setInterval(sample, 1000);
  const stop = new AbortController();
  const run = engine.runTouchpoint('orders', { trigger: 'manual', signal: stop.signal });
  await sleep(phases.first * 1000);
  await control(sim.baseUrl, sim.apiKey, { rateLimit: lowLimit });
  const lowAt = (performance.now() - t0) / 1000;
  await sleep(phases.low * 1000);
  await control(sim.baseUrl, sim.apiKey, { rateLimit: serverLimit });
  const backAt = (performance.now() - t0) / 1000;
  await sleep(phases.back * 1000);
  sample();
  clearInterval(sampler);
  const snapshot = client.rate?.snapshot();
  stop.abort();
  await run;
  store.close();
  client.close();
  await erp.close();
  await sim.close();

  const rateBetween = (from: number, to: number): number => {
    const a = at(samples, from);
    const b = at(samples, to);
    return (b.accepted - a.accepted) / (b.t - a.t);
  };
  const end = samples[samples.length - 1]!;
  const sustained = rateBetween(phases.warmup, lowAt);
  const low = rateBetween(lowAt + Math.min(20, phases.low / 2), backAt);
  let recoverySeconds: number | null = null;
  for (const s of samples) {
    if (s.t < backAt + 5) continue;
    if (rateBetween(s.t - 5, s.t) >= 0.9 * serverLimit) {
      recoverySeconds = round(s.t - backAt, 1);
      break;
    }
  }
  const requests = end.accepted + end.limited;
  return {
    serverLimit,
    lowLimit,
    latencyMs,
    sustainedReqPerSec: round(sustained),
    sustainedShareOfLimit: round(sustained / serverLimit),
    warmupSeconds: phases.warmup,
    phaseSeconds: { first: phases.first, low: phases.low, back: phases.back },
    requests,
    rateLimited429: end.limited,
    share429: round(end.limited / Math.max(1, requests), 4),
    lowShareOfLimit: round(low / lowLimit),
    recoverySeconds,
    finalRate: snapshot?.requestsPerSecond ?? 0,
    knownLimit: snapshot?.knownLimit ?? null,
  };
}

/** The sample closest to (at or after) time t. */
function at<T extends { t: number }>(samples: readonly T[], t: number): T {
  return samples.find((s) => s.t >= t) ?? samples[samples.length - 1]!;
}

/** Changes the running simulator's faults through its control endpoint, as an operator would. */
async function control(baseUrl: string, apiKey: string, faults: Record<string, number>): Promise<void> {
  const res = await fetch(`${baseUrl.replace(/\/infoplus-wms\/api$/, '')}/__sim/faults`, {
    method: 'POST',
    headers: { 'API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`simulator control answered ${res.status}: ${await res.text()}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
