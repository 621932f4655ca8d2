/**
 * `npm run bench` (builds first): push throughput vs a naive client, API calls per record, a no-op re-sync of a
 * large ERP, a large pull's peak memory, the adaptive rate against a limit it is not told, near-real-time
 * (continuous) latency and idle CPU, and the memory of a long push run. `--quick` (or BENCH_QUICK=1) uses small
 * sizes; BENCH_ONLY=adaptive,continuous,rss,noop,pull,push runs only those parts; BENCH_NOOP, BENCH_PULL and
 * BENCH_RSS=early,late set those parts' sizes. Results go to
 * bench/results/latest.json and a printed table. A benchmark, not a test: nothing here fails on a slow machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adaptiveBench, type AdaptiveFigures } from './adaptive-bench.js';
import { continuousBench, type ContinuousFigures } from './continuous-bench.js';
import { rssBench, type RssFigures } from './rss-bench.js';
import { noopBench } from './noop-bench.js';
import { noopSqlServerBench } from './noop-sqlserver.js';
import { pullBench } from './pull-bench.js';
import { pushBench, round } from './push-bench.js';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const sizes = quick
  ? {
      pushOrders: 400,
      naiveOrders: 60,
      noopRecords: 10_000,
      pullShipments: 10_000,
      adaptive: { first: 40, low: 25, back: 45, warmup: 15 },
      continuous: { orders: 200, overSeconds: 30, everySeconds: 2, idleSeconds: 10 },
      rss: { early: 1_000, late: 5_000 },
    }
  : {
      pushOrders: 10_000,
      naiveOrders: 300,
      noopRecords: 100_000,
      pullShipments: 100_000,
      adaptive: { first: 60, low: 40, back: 60, warmup: 20 },
      continuous: { orders: 200, overSeconds: 60, everySeconds: 2, idleSeconds: 20 },
      rss: { early: 5_000, late: 50_000 },
    };

const log = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const part = (name: string, what: string): boolean => {
  const on = only === null || only.has(name);
  if (on) log(what);
  return on;
};

// A few sizes can be set alone (a shared machine cannot always afford the full ones in one sitting):
// BENCH_NOOP=records, BENCH_PULL=shipments, BENCH_RSS=early,late
const sized = (name: string): number[] | null => {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  const list = v.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`${name}=${v}: expected whole numbers`);
  return list;
};
const noopSize = sized('BENCH_NOOP');
if (noopSize) sizes.noopRecords = noopSize[0]!;
const pullSize = sized('BENCH_PULL');
if (pullSize) sizes.pullShipments = pullSize[0]!;
const rssSize = sized('BENCH_RSS');
if (rssSize) {
  if (rssSize.length !== 2 || rssSize[0]! >= rssSize[1]!)
    throw new Error('BENCH_RSS=early,late with early < late');
  sizes.rss = { early: rssSize[0]!, late: rssSize[1]! };
}

log(`mode ${quick ? 'quick' : 'full'}: ${JSON.stringify(sizes)}`);
const pull = part('pull', 'pull (child process on dist/)...')
  ? await pullBench(sizes.pullShipments, log)
  : null;
const noop = part('noop', 'no-op re-sync...') ? await noopBench(sizes.noopRecords) : null;
// SQL Server when MSSQL_URL names one (CI's Babelfish endpoint); its sample ERP builds slowly, hence fewer orders
const mssqlUrl = process.env.MSSQL_URL;
const noopMssqlOrders = quick ? 1000 : 10_000;
const noopSqlServer =
  mssqlUrl && part('noop-sqlserver', `no-op re-sync on SQL Server (${noopMssqlOrders} orders)...`)
    ? await noopSqlServerBench(mssqlUrl, noopMssqlOrders)
    : null;
const push = part('push', 'push (rate limited, slow simulator)...')
  ? await pushBench(sizes.pushOrders, sizes.naiveOrders)
  : null;
const adaptive: AdaptiveFigures | null = part(
  'adaptive',
  'adaptive rate (limit unknown to the engine, changed mid-run)...',
)
  ? await adaptiveBench(sizes.adaptive)
  : null;
const continuous: ContinuousFigures | null = part(
  'continuous',
  'continuous mode (agent child process on dist/)...',
)
  ? await continuousBench(sizes.continuous)
  : null;
const rss: RssFigures | null = part('rss', 'memory of a long push run (child process on dist/)...')
  ? await rssBench(sizes.rss.early, sizes.rss.late)
  : null;

const results = {
  at: new Date().toISOString(),
  quick,
  node: process.version,
  sizes,
  push,
  noop,
  noopSqlServer,
  pull,
  adaptive,
  continuous,
  rss,
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

/** Whether a figure meets its target, spelled out so a miss is not read as a pass. */
function mark(met: boolean): string {
  return met ? '(met)' : '(MISSED)';
}
function against2s(seconds: number): string {
  return mark(seconds < 2);
}

const rows: [string, string, string][] = [];
if (push) {
  rows.push(
    [
      `push ${push.orders} orders (avg ${push.avgLines.toFixed(1)} lines), engine req/s`,
      `${push.engineReqPerSec} (${push.engineShareOfLimit} of ${push.rateLimit}/s)`,
      '>= 0.95 of limit',
    ],
    [
      `naive sequential client (${push.naiveOrders} orders), req/s`,
      `${push.naiveReqPerSec} (${push.naiveShareOfLimit} of limit)`,
      '-',
    ],
    ['API calls per new record', String(push.callsPerNewRecord), '<= 1.05'],
    ['API calls per unchanged record', String(push.callsPerUnchangedRecord), '0'],
    ['429 answers during the engine push', String(push.rateLimited429), '-'],
  );
}
if (noop) {
  rows.push(
    [
      `no-op re-sync of ${noop.records} records (watermark)`,
      `${noop.watermarkRunSeconds} s ${against2s(noop.watermarkRunSeconds)}`,
      '< 2 s',
    ],
    // every record read and compared (hash mode, or a watermark reset) without a fingerprint column
    [
      `no-op re-sync of ${noop.records} records (full scan, no fingerprint)`,
      `${noop.fullScanSeconds} s ${mark(noop.fullScanSeconds < 4)}, ${noop.cpu.fullScan} s CPU (load ${noop.loadAverage})`,
      '< 4 s',
    ],
    [
      `  (the first such scan after an upgrade, storing row fingerprints)`,
      `${noop.firstFullScanSeconds} s, ${noop.cpu.firstFullScan} s CPU`,
      '-',
    ],
    // the same full scan with changeDetection.fingerprint: unchanged records are passed over on the header alone
    [
      `no-op re-sync of ${noop.records} records (full scan + fingerprint)`,
      `${noop.fingerprintScanSeconds} s ${against2s(noop.fingerprintScanSeconds)}`,
      '< 2 s',
    ],
    [
      `no-op re-sync of ${noop.records} records (full scan, fingerprints query)`,
      `${noop.narrowScanSeconds} s ${against2s(noop.narrowScanSeconds)}`,
      '< 2 s',
    ],
    ['API writes during no-op re-syncs', String(noop.apiWrites), '0'],
  );
}
if (noopSqlServer) {
  rows.push(
    [
      `SQL Server no-op re-sync of ${noopSqlServer.records} records (watermark)`,
      `${noopSqlServer.watermarkRunSeconds} s`,
      '-',
    ],
    [
      `SQL Server no-op re-sync of ${noopSqlServer.records} records (full scan, rowversion fingerprints query)`,
      `${noopSqlServer.narrowScanSeconds} s, ${noopSqlServer.apiWrites} API writes`,
      '0 writes',
    ],
  );
}
if (pull) rows.push(...pullRows(pull));
if (adaptive) {
  const a = adaptive;
  rows.push(
    [
      `adaptive rate, server limit ${a.serverLimit}/s unknown to the engine (${a.latencyMs} ms), sustained req/s`,
      `${a.sustainedReqPerSec} (${a.sustainedShareOfLimit} of limit) ${mark(a.sustainedShareOfLimit >= 0.9)}`,
      '>= 0.9 of limit',
    ],
    [
      `429 answers, whole run (${a.requests} requests)`,
      `${a.rateLimited429} (${round(a.share429 * 100, 2)}%) ${mark(a.share429 < 0.02)}`,
      '< 2%',
    ],
    [
      `limit ${a.serverLimit} -> ${a.lowLimit}: req/s once settled`,
      `${a.lowShareOfLimit} of ${a.lowLimit}/s`,
      '-',
    ],
    [
      `limit ${a.lowLimit} -> ${a.serverLimit}: back at >= 0.9 of it after`,
      `${a.recoverySeconds ?? 'never'} s ${mark(a.recoverySeconds !== null && a.recoverySeconds <= 60)}`,
      '<= 60 s',
    ],
  );
}
if (continuous) {
  const c = continuous;
  rows.push(
    [
      `continuous (every ${c.everySeconds} s, ${c.latencyMs} ms API): ERP commit -> in Infoplus, ${c.visible}/${c.orders} orders`,
      `p50 ${c.p50Seconds} s, p95 ${c.p95Seconds} s ${mark(c.visible === c.orders && c.p95Seconds < 10)}`,
      'p95 < 10 s',
    ],
    [
      `continuous: agent CPU while the ERP is quiet (${c.idleSeconds} s)`,
      `${round(c.idleCpuShareOfCore * 100, 2)}% of a core ${mark(c.idleCpuShareOfCore < 0.01)}`,
      '< 1% of a core',
    ],
  );
}
if (rss) {
  rows.push([
    `one push run of ${rss.late} orders: RSS at ${rss.early} / ${rss.late} pushed`,
    `${rss.rssEarlyMb} / ${rss.rssLateMb} MB (+${rss.growthMb})`,
    'flat',
  ]);
  rows.push([
    `  the same, reachable heap after a full GC`,
    `${rss.liveEarlyMb} / ${rss.liveLateMb} MB (+${rss.liveGrowthMb})`,
    'flat',
  ]);
}
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${'measure'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(`\nwritten to ${join(dir, 'latest.json')}`);

/** Per database: the batched pull beside the one-record-per-transaction pull of the same run. */
function pullRows(p: NonNullable<typeof pull>): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [db, r] of Object.entries(p.databases)) {
    if ('skipped' in r) {
      out.push([`pull ${p.shipments} shipments into ${db}`, `skipped: ${r.skipped}`, '-']);
      continue;
    }
    out.push(
      [
        `pull ${p.shipments} shipments into ${db}, ${p.batchSize} per transaction`,
        `${r.batched.seconds} s, ${r.batched.recordsPerSecond} rec/s, ${r.batched.recordsPerCpuSecond} rec/CPU-s, ${r.batched.failed} failed (load ${r.batched.loadAverage})`,
        '-',
      ],
      [
        `pull ${p.shipments} shipments into ${db}, 1 per transaction (old path)`,
        `${r.perRecord.seconds} s, ${r.perRecord.recordsPerSecond} rec/s, ${r.perRecord.recordsPerCpuSecond} rec/CPU-s (load ${r.perRecord.loadAverage})`,
        '-',
      ],
      [
        `pull into ${db}: batched / old records per second`,
        `${r.speedup}x ${mark(r.speedup >= 3)} (per CPU second: ${r.cpuSpeedup}x)`,
        '>= 3x',
      ],
      [
        `pull into ${db}: peak RSS (batched, old)`,
        `${r.batched.peakRssMb} MB, ${r.perRecord.peakRssMb} MB ${mark(Math.max(r.batched.peakRssMb, r.perRecord.peakRssMb) < 250)}`,
        '< 250 MB',
      ],
    );
  }
  return out;
}
