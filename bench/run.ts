/**
 * `npm run bench` (builds first): push throughput vs a naive client, API calls per record, a no-op re-sync of a
 * large ERP and a large pull's peak memory. `--quick` (or BENCH_QUICK=1) uses small sizes. Results go to
 * bench/results/latest.json and a printed table. A benchmark, not a test: nothing here fails on a slow machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noopBench } from './noop-bench.js';
import { noopSqlServerBench } from './noop-sqlserver.js';
import { pullBench } from './pull-bench.js';
import { pushBench } from './push-bench.js';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const sizes = quick
  ? { pushOrders: 400, naiveOrders: 60, noopRecords: 10_000, pullShipments: 10_000 }
  : { pushOrders: 10_000, naiveOrders: 300, noopRecords: 100_000, pullShipments: 100_000 };

const log = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

log(`mode ${quick ? 'quick' : 'full'}: ${JSON.stringify(sizes)}`);
log('pull (child process on dist/)...');
const pull = await pullBench(sizes.pullShipments, log);
log('no-op re-sync...');
const noop = await noopBench(sizes.noopRecords);
// SQL Server when MSSQL_URL names one (CI's Babelfish endpoint); its sample ERP builds slowly, hence fewer orders
const mssqlUrl = process.env.MSSQL_URL;
const noopMssqlOrders = quick ? 1000 : 10_000;
if (mssqlUrl) log(`no-op re-sync on SQL Server (${noopMssqlOrders} orders)...`);
const noopSqlServer = mssqlUrl ? await noopSqlServerBench(mssqlUrl, noopMssqlOrders) : null;
log('push (rate limited, slow simulator)...');
const push = await pushBench(sizes.pushOrders, sizes.naiveOrders);

const results = {
  at: new Date().toISOString(),
  quick,
  node: process.version,
  sizes,
  push,
  noop,
  noopSqlServer,
  pull,
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

/** Whether a no-op figure meets the 2 s target, spelled out so a miss is not read as a pass. */
function against2s(seconds: number): string {
  return seconds < 2 ? '(met)' : '(MISSED)';
}

const rows: [string, string, string][] = [
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
  [
    `no-op re-sync of ${noop.records} records (watermark)`,
    `${noop.watermarkRunSeconds} s ${against2s(noop.watermarkRunSeconds)}`,
    '< 2 s',
  ],
  // every record read, mapped and hashed (hash-mode change detection, or a watermark reset): the worst case
  [
    `no-op re-sync of ${noop.records} records (full scan + hash)`,
    `${noop.fullScanSeconds} s ${against2s(noop.fullScanSeconds)}`,
    '< 2 s',
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
  ...(noopSqlServer
    ? ([
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
      ] as [string, string, string][])
    : []),
  ...pullRows(pull),
];

/** Per database: the batched pull beside the one-record-per-transaction pull of the same run. */
function pullRows(p: typeof pull): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [db, r] of Object.entries(p.databases)) {
    if ('skipped' in r) {
      out.push([`pull ${p.shipments} shipments into ${db}`, `skipped: ${r.skipped}`, '-']);
      continue;
    }
    const met = (ok: boolean): string => (ok ? '(met)' : '(MISSED)');
    out.push(
      [
        `pull ${p.shipments} shipments into ${db}, ${p.batchSize} per transaction`,
        `${r.batched.seconds} s, ${r.batched.recordsPerSecond} rec/s, ${r.batched.failed} failed`,
        '-',
      ],
      [
        `pull ${p.shipments} shipments into ${db}, 1 per transaction (old path)`,
        `${r.perRecord.seconds} s, ${r.perRecord.recordsPerSecond} rec/s`,
        '-',
      ],
      [`pull into ${db}: batched / old records per second`, `${r.speedup}x ${met(r.speedup >= 3)}`, '>= 3x'],
      [
        `pull into ${db}: peak RSS (batched, old)`,
        `${r.batched.peakRssMb} MB, ${r.perRecord.peakRssMb} MB ${met(Math.max(r.batched.peakRssMb, r.perRecord.peakRssMb) < 250)}`,
        '< 250 MB',
      ],
    );
  }
  return out;
}
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${'measure'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(`\nwritten to ${join(dir, 'latest.json')}`);
