/**
 * Pull of many shipments into SQLite and PostgreSQL, each in a child process on the built JavaScript (its
 * peak RSS is the product's): the batched write-back path (many records per ERP transaction) beside the old
 * one-record-per-transaction path, on the same data in the same run.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openErp } from '../src/erp/index.js';
import { createSampleErp } from '../src/erp/sample/index.js';
import type { ErpConnection } from '../src/erp/types.js';
import { startSimulator, type InfoplusSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { scratch } from './setup.js';

/** One pull run's figures. */
export interface PullRunFigures {
  pulled: number;
  failed: number;
  seconds: number;
  recordsPerSecond: number;
  /** CPU seconds of the agent process (the simulator runs in the parent) and records per CPU second. */
  cpuSeconds: number;
  recordsPerCpuSecond: number;
  peakRssMb: number;
  /** 1-minute load average when the run ended (2 cores). */
  loadAverage: number;
}

/** Figures of the pull part, per database. */
export interface PullFigures {
  shipments: number;
  /** Records per ERP transaction of the batched path. */
  batchSize: number;
  databases: Record<
    string,
    | {
        batched: PullRunFigures;
        perRecord: PullRunFigures;
        /** records/s batched over records/s of the old path (wall time: stretched by other load). */
        speedup: number;
        /** the same in records per CPU second of the agent. */
        cpuSpeedup: number;
      }
    | { skipped: string }
  >;
}

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BATCH = 100;
/** The order numbers of the simulator's seeded shipments (seedShipments: 900000 + i). */
const FIRST_SEEDED_ORDER = 900_000;

/** Gives the ERP one sales order per seeded shipment, as if each had been pushed. */
async function ordersForShipments(erp: ErpConnection, count: number): Promise<void> {
  const chunk = 1000;
  await erp.transaction(async (tx) => {
    for (let i = 0; i < count; i += chunk) {
      const values: string[] = [];
      for (let k = i; k < Math.min(count, i + chunk); k++) {
        values.push(
          `(${100_000 + k}, 'BENCH-${k}', 1, '2024-03-01', 'Sent', ${FIRST_SEEDED_ORDER + k}, '2024-03-01 10:00:00', '2024-03-01 10:00:00')`,
        );
      }
      await tx.execute(
        `INSERT INTO sales_orders (order_id, order_no, customer_id, order_date, status, infoplus_order_no, created_at, updated_at)
VALUES ${values.join(',\n')}`,
      );
    }
  });
}

async function clearWriteBacks(erp: ErpConnection): Promise<void> {
  for (const t of ['erp_shipments', 'erp_shipment_orders', 'erp_order_line_links'])
    await erp.execute(`DELETE FROM ${t}`);
}

function child(
  sim: InfoplusSimulator,
  driver: string,
  url: string,
  dataDir: string,
  batch: number,
): Promise<PullRunFigures> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [
        join(import.meta.dirname, 'pull-child.mjs'),
        sim.baseUrl,
        sim.apiKey,
        driver,
        url,
        dataDir,
        String(batch),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`pull child exited ${code}: ${text}`));
      const r = JSON.parse(text.trim().split('\n').pop()!) as {
        pulled: number;
        failed: number;
        seconds: number;
        cpuSeconds: number;
        maxRssKb: number;
      };
      resolve({
        pulled: r.pulled,
        failed: r.failed,
        seconds: round(r.seconds),
        recordsPerSecond: round(r.pulled / r.seconds),
        cpuSeconds: round(r.cpuSeconds),
        recordsPerCpuSecond: round(r.pulled / r.cpuSeconds),
        peakRssMb: round(r.maxRssKb / 1024, 1),
        loadAverage: round(loadavg()[0]!, 1),
      });
    });
  });
}

/** An ERP database of the driver for the run, dropped afterwards. */
async function database(
  driver: 'sqlite' | 'postgres',
  dir: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (driver === 'sqlite') return { url: join(dir, 'erp.sqlite'), drop: async () => {} };
  const name = `bench_pull_${process.pid}`;
  const admin = await openErp({ driver, url: PG_URL });
  await admin.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.execute(`CREATE DATABASE ${name}`);
  await admin.close();
  return {
    url: PG_URL.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const a = await openErp({ driver, url: PG_URL });
      await a.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

/** Runs the pull benchmark on each database: the batched path, then the one-record-per-transaction path. */
export async function pullBench(
  shipments: number,
  log: (msg: string) => void = () => {},
): Promise<PullFigures> {
  const sim = await startSimulator({ seed: 5 });
  sim.seedShipments({ count: shipments, lobId: 1 });
  const out: PullFigures = { shipments, batchSize: BATCH, databases: {} };
  try {
    for (const driver of ['sqlite', 'postgres'] as const) {
      const dir = scratch(`bench-pull-${driver}-`);
      let db: { url: string; drop: () => Promise<void> };
      try {
        db = await database(driver, dir);
      } catch (e) {
        out.databases[driver] = { skipped: `no ${driver}: ${(e as Error).message}` };
        continue;
      }
      try {
        const erp = await openErp({
          driver,
          url: db.url,
          ...(driver === 'sqlite' ? { createIfMissing: true } : {}),
        });
        await createSampleErp(erp, { orders: 10, seed: 9 });
        await ordersForShipments(erp, shipments);
        log(`pull into ${driver}: batched (${BATCH} per transaction)...`);
        const batched = await child(sim, driver, db.url, join(dir, 'state-batched'), BATCH);
        await clearWriteBacks(erp);
        log(`pull into ${driver}: one record per transaction...`);
        const perRecord = await child(sim, driver, db.url, join(dir, 'state-single'), 1);
        await erp.close();
        out.databases[driver] = {
          batched,
          perRecord,
          speedup: round(batched.recordsPerSecond / perRecord.recordsPerSecond),
          cpuSpeedup: round(batched.recordsPerCpuSecond / perRecord.recordsPerCpuSecond),
        };
      } finally {
        await db.drop();
      }
    }
  } finally {
    await sim.close();
  }
  return out;
}
