/** No-op re-sync of a large ERP: every record already in Infoplus, nothing changed. */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildPayload, contentHash, mappingDigest } from '../src/domain/mapping/index.js';
import { readPushRecords } from '../src/sync/profile-io.js';
import { startSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { SyncEngine } from '../src/sync/index.js';
import { engineFor, profileFor, sampleErp, scratch, silent } from './setup.js';

/** Figures of the no-op part. */
export interface NoopFigures {
  records: number;
  watermarkRunSeconds: number;
  /** The first full scan after the journal was filled without row fingerprints (an upgrade): it stores them. */
  firstFullScanSeconds: number;
  /** A full scan without a fingerprint column, the journal holding the rows' fingerprints. */
  fullScanSeconds: number;
  fullScanUnchanged: number;
  /** Full scan with changeDetection.fingerprint, after one scan has stored the fingerprints. */
  fingerprintScanSeconds: number;
  fingerprintScanUnchanged: number;
  /** The same with source.fingerprints: only a key + fingerprint query is read. */
  narrowScanSeconds: number;
  narrowScanUnchanged: number;
  apiWrites: number;
  apiRequests: number;
  /** CPU seconds (user + system) of the process during each timed scan: less noisy than wall time on a shared machine. */
  cpu: { firstFullScan: number; fullScan: number; fingerprintScan: number; narrowScan: number };
  /** 1-minute load average when the full scan ran (2 cores: above 2, wall time is stretched by others). */
  loadAverage: number;
}

/** Wall and CPU seconds of one awaited call. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const c = process.cpuUsage(c0);
  return { result, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** Runs the no-op benchmark over `orders` ERP orders. */
export async function noopBench(orders: number): Promise<NoopFigures> {
  const dir = scratch('bench-noop-');
  const sim = await startSimulator({ seed: 5 });
  const { erp, file } = await sampleErp(dir, orders);
  const profile = profileFor(sim, file);
  const { engine, store, client } = engineFor(erp, sim, profile, join(dir, 'state'), 1000, {});
  // As if every order had been pushed before: the journal holds each record's Infoplus id and content hash.
  let n = 0;
  let maxWatermark = 0;
  let batch: { key: string; hash: string; watermark: string | null }[] = [];
  const flush = (): void => {
    const rows = batch;
    batch = [];
    store.transaction(() => {
      for (const r of rows) {
        store.journal.markDone({
          touchpoint: 'orders',
          recordKey: r.key,
          infoplusId: String(100_000 + n++),
          contentHash: r.hash,
          watermark: r.watermark,
          at: new Date().toISOString(),
        });
      }
    });
  };
  for await (const rec of readPushRecords(erp, profile, 'orders', {})) {
    batch.push({
      key: rec.key,
      hash: contentHash(buildPayload(profile, 'orders', rec).payload),
      watermark: rec.watermark?.toISOString() ?? null,
    });
    if (rec.watermark) maxWatermark = Math.max(maxWatermark, rec.watermark.getTime());
    if (batch.length >= 5000) flush();
  }
  flush();
  store.touchpoints.setPushWatermark('orders', new Date(maxWatermark).toISOString());
  // ...with this very mapping (a changed mapping would make the next run compare every record by content)
  store.touchpoints.setMappingDigest('orders', mappingDigest(profile, 'orders'));

  sim.resetStats();
  const t0 = performance.now();
  await engine.runTouchpoint('orders', { trigger: 'manual' });
  const watermarkRunSeconds = (performance.now() - t0) / 1000;

  // The worst case: no watermark (hash mode, or a reset), every record is read and compared. The first scan
  // after an upgrade compares by content and stores each record's row fingerprint; later ones use them.
  store.touchpoints.setPushWatermark('orders', null);
  const first = await timed(() => engine.runTouchpoint('orders', { trigger: 'manual' }));
  store.touchpoints.setPushWatermark('orders', null);
  const loadAverage = loadavg()[0]!;
  const fullRun = await timed(() => engine.runTouchpoint('orders', { trigger: 'manual' }));
  const full = fullRun.result;

  // The same full scan with a fingerprint column (the sample's updated_at, which the ERP bumps on any change).
  const fpProfile = structuredClone(profile);
  const ordersTp = fpProfile.touchpoints.orders!;
  ordersTp.changeDetection = { ...ordersTp.changeDetection, fingerprint: 'updated_at' };
  const fpEngine = new SyncEngine({ erp, infoplus: client, profile: fpProfile, store, logger: silent });
  store.touchpoints.setPushWatermark('orders', null);
  await fpEngine.runTouchpoint('orders', { trigger: 'manual' }); // stores the fingerprints
  store.touchpoints.setPushWatermark('orders', null);
  const fpRun = await timed(() => fpEngine.runTouchpoint('orders', { trigger: 'manual' }));
  const fp = fpRun.result;

  const narrowProfile = structuredClone(fpProfile);
  narrowProfile.touchpoints.orders!.source.fingerprints = 'SELECT order_no, updated_at FROM sales_orders';
  const narrowEngine = new SyncEngine({
    erp,
    infoplus: client,
    profile: narrowProfile,
    store,
    logger: silent,
  });
  store.touchpoints.setPushWatermark('orders', null);
  await narrowEngine.runTouchpoint('orders', { trigger: 'manual' }); // a new mapping digest: stores fingerprints
  store.touchpoints.setPushWatermark('orders', null);
  const narrowRun = await timed(() => narrowEngine.runTouchpoint('orders', { trigger: 'manual' }));
  const narrow = narrowRun.result;
  const stats = sim.stats();
  store.close();
  client.close();
  await erp.close();
  await sim.close();
  return {
    records: orders,
    watermarkRunSeconds: round(watermarkRunSeconds, 3),
    firstFullScanSeconds: round(first.wall, 3),
    fullScanSeconds: round(fullRun.wall, 3),
    fullScanUnchanged: full.counts.unchanged,
    fingerprintScanSeconds: round(fpRun.wall, 3),
    fingerprintScanUnchanged: fp.counts.unchanged,
    narrowScanSeconds: round(narrowRun.wall, 3),
    narrowScanUnchanged: narrow.counts.unchanged,
    apiWrites: stats.writes,
    apiRequests: stats.requests,
    cpu: {
      firstFullScan: round(first.cpu, 3),
      fullScan: round(fullRun.cpu, 3),
      fingerprintScan: round(fpRun.cpu, 3),
      narrowScan: round(narrowRun.cpu, 3),
    },
    loadAverage: round(loadAverage, 1),
  };
}
