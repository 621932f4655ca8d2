/**
 * The no-op re-sync on SQL Server (when MSSQL_URL is set): the SQL Server sample profile with its rowversion
 * fingerprint and narrow fingerprints query, over a database of its own that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildPayload, contentHash } from '../src/domain/mapping/index.js';
import { openErp } from '../src/erp/index.js';
import { readPushRecords } from '../src/sync/profile-io.js';
import { createSampleErp, sampleProfileText } from '../src/erp/sample/index.js';
import { parseProfile } from '../src/profile/index.js';
import { startSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { engineFor, scratch } from './setup.js';

/** Figures of the SQL Server no-op part. */
export interface NoopSqlServerFigures {
  records: number;
  server: string;
  watermarkRunSeconds: number;
  /** A full scan (no watermark) reading only the rowversion fingerprints query. */
  narrowScanSeconds: number;
  narrowScanUnchanged: number;
  apiWrites: number;
}

/** Runs the SQL Server no-op benchmark over `orders` sales orders in a new database on `url`'s server. */
export async function noopSqlServerBench(url: string, orders: number): Promise<NoopSqlServerFigures> {
  const base = new URL(url);
  const password = decodeURIComponent(base.password);
  const admin = await openErp({ driver: 'sqlserver', url });
  const db = `bench_noop_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin.execute(`CREATE DATABASE ${db}`);
  const sim = await startSimulator({ seed: 5 });
  try {
    base.pathname = `/${db}`;
    base.password = '';
    const erp = await openErp({ driver: 'sqlserver', url: base.toString(), password });
    try {
      await createSampleErp(erp, { orders, seed: 9 });
      const profile = parseProfile(
        sampleProfileText('sqlserver', { erpUrl: base.toString(), infoplusBaseUrl: sim.baseUrl }),
      );
      const { engine, store, client } = engineFor(
        erp,
        sim,
        profile,
        join(scratch('bench-noop-mssql-'), 'state'),
        1000,
        {},
      );
      // as if every order had been pushed before: the journal holds each record's id and content hash
      let n = 0;
      let maxWatermark = 0;
      const done: { key: string; hash: string; watermark: string | null }[] = [];
      for await (const rec of readPushRecords(erp, profile, 'orders', {})) {
        done.push({
          key: rec.key,
          hash: contentHash(buildPayload(profile, 'orders', rec).payload),
          watermark: rec.watermark?.toISOString() ?? null,
        });
        if (rec.watermark) maxWatermark = Math.max(maxWatermark, rec.watermark.getTime());
      }
      store.transaction(() => {
        for (const r of done)
          store.journal.markDone({
            touchpoint: 'orders',
            recordKey: r.key,
            infoplusId: String(100_000 + n++),
            contentHash: r.hash,
            watermark: r.watermark,
            at: new Date().toISOString(),
          });
      });
      store.touchpoints.setPushWatermark('orders', new Date(maxWatermark).toISOString());
      sim.resetStats();
      let t0 = performance.now();
      await engine.runTouchpoint('orders', { trigger: 'manual' });
      const watermarkRunSeconds = (performance.now() - t0) / 1000;
      // the first full scan stores the rowversion fingerprints; the second is the no-op being measured
      store.touchpoints.setPushWatermark('orders', null);
      await engine.runTouchpoint('orders', { trigger: 'manual' });
      store.touchpoints.setPushWatermark('orders', null);
      t0 = performance.now();
      const narrow = await engine.runTouchpoint('orders', { trigger: 'manual' });
      const narrowScanSeconds = (performance.now() - t0) / 1000;
      store.close();
      client.close();
      return {
        records: orders,
        server: await erp.serverInfo(),
        watermarkRunSeconds: round(watermarkRunSeconds, 3),
        narrowScanSeconds: round(narrowScanSeconds, 3),
        narrowScanUnchanged: narrow.counts.unchanged,
        apiWrites: sim.stats().writes,
      };
    } finally {
      await erp.close();
    }
  } finally {
    await sim.close();
    await admin.execute(`DROP DATABASE ${db}`).catch(() => undefined);
    await admin.close();
  }
}
