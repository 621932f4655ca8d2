import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { RunCounts, RunSummary } from '../contract/dto.js';
import {
  PULL_TOUCHPOINTS,
  PUSH_TOUCHPOINTS,
  TOUCHPOINT_LABELS,
  TOUCHPOINTS,
  type TouchpointName,
} from '../contract/touchpoints.js';
import { createApp, memorySecretStore } from '../app/index.js';
import { out, positiveInt, table } from '../app/cli-support.js';
import { verifyDemo, type DemoCheck } from '../app/demo-verify.js';
import { demoErpOf } from '../app/demo-env.js';
import { openErp } from '../erp/index.js';
import { createLogging } from '../logging/index.js';
import {
  addVariantOptions,
  printVariantList,
  variantsFromFlags,
  type VariantFlags,
} from './variant-options.js';

interface DemoOptions extends VariantFlags {
  orders: number;
  driver?: string;
  url?: string;
  seed: number;
  json?: boolean;
  dataDir?: string;
}

/** One touchpoint's line of the demo summary. */
interface DemoRow {
  readonly touchpoint: TouchpointName;
  readonly status: RunSummary['status'] | 'not-run';
  readonly counts: RunCounts;
  readonly error?: string;
  readonly check: DemoCheck;
}

const ZERO: RunCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 };

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('--seed must be a whole number >= 0.');
  return n;
}

function sumCounts(runs: readonly RunSummary[]): RunCounts {
  return runs.reduce(
    (a, r) => ({
      created: a.created + r.counts.created,
      updated: a.updated + r.counts.updated,
      unchanged: a.unchanged + r.counts.unchanged,
      skipped: a.skipped + r.counts.skipped,
      failed: a.failed + r.counts.failed,
      pulled: a.pulled + r.counts.pulled,
    }),
    ZERO,
  );
}

function worst(runs: readonly RunSummary[]): DemoRow['status'] {
  for (const s of ['failed', 'cancelled', 'partial', 'succeeded'] as const)
    if (runs.some((r) => r.status === s)) return s;
  return 'not-run';
}

/** Registers `infoplus-sync demo`: the whole round trip on the sample ERP and the simulator, verified. */
export function registerDemoCommand(program: Command): void {
  const cmd = program
    .command('demo')
    .description(
      'Build the sample ERP (SQLite, or the database given by --driver/--url), start the Infoplus simulator in this process, push everything, let the ' +
        'simulated warehouse ship, receive and adjust, pull everything back, and check both sides agree.',
    )
    .option('--orders <n>', 'sales orders in the sample ERP', positiveInt, 50)
    .option('--driver <name>', 'database of the sample ERP: sqlite (default) | sqlserver | postgres | mysql')
    .option(
      '--url <url>',
      'that database (its sample tables are dropped and rebuilt); the password from ERP_PASSWORD or the URL',
    )
    .option('--json', 'print the summary as JSON')
    .option(
      '--data-dir <dir>',
      'keep the demo in this folder (default: a temporary folder, removed when the demo passes)',
    )
    .option('--seed <n>', 'seed of --variants random', nonNegativeInt, 1)
    .addHelpText('after', '\nExit codes: 0 the ERP and Infoplus agree, 1 they do not (or a run failed).');
  addVariantOptions(cmd).action(async (opts: DemoOptions) => {
    if (opts.listVariants) {
      printVariantList((t) => process.stdout.write(t));
      return;
    }
    const chosen = variantsFromFlags(opts, opts.seed);
    const started = Date.now();
    const demoErp = demoErpOf(opts.driver, opts.url, process.env);
    const temp = !opts.dataDir;
    const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'infoplus-sync-demo-')));
    const progress = (text: string): void => {
      if (!opts.json) process.stderr.write(`${text}\n`);
    };
    progress(
      `Building the sample ERP with ${opts.orders} sales orders in ${
        demoErp && demoErp.driver !== 'sqlite' ? `${demoErp.driver} ${demoErp.url}` : dataDir
      } ...`,
    );
    const app = await createApp({
      dataDir,
      demo: true,
      demoOrders: opts.orders,
      demoFresh: true,
      demoPersist: false,
      demoVariants: chosen.variants,
      ...(demoErp ? { demoErp } : {}),
      secretStore: memorySecretStore(),
      logging: createLogging({ dir: join(dataDir, 'logs') }),
      env: {},
    });
    let ok = false;
    try {
      const sim = app.demo?.simulator;
      if (!sim || !app.demo) throw new Error('the demo environment did not start');
      progress(
        `Infoplus simulator: ${sim.baseUrl} (API key: ${app.demo.apiKey}; variants: ${chosen.description})`,
      );
      progress('Pushing vendors, items, purchase orders and sales orders ...');
      const pushRuns = await app.runs.runAndWait({ touchpoints: [...PUSH_TOUCHPOINTS] });
      progress('The simulated warehouse ships, receives and adjusts ...');
      // As Infoplus does: labels are printed first (shipment rows not shipped yet), then the cartons ship.
      sim.warehouse.shipOrders({ share: 0.5, partialShare: 0, labelOnly: true });
      const shipped = sim.warehouse.shipOrders({ share: 1, partialShare: 0.3 });
      sim.warehouse.deliver();
      const received = sim.warehouse.receiveAsns({ share: 1, partialShare: 0.3 });
      const adjusted = sim.warehouse.adjustInventory({ count: Math.max(5, Math.ceil(opts.orders / 5)) });
      progress('Pulling shipments, item receipts and inventory adjustments back into the ERP ...');
      const pullRuns = await app.runs.runAndWait({ touchpoints: [...PULL_TOUCHPOINTS] });
      const erp = await openErp(app.demo.erpConfig);
      let checks: DemoCheck[];
      try {
        checks = await verifyDemo(erp, sim);
      } finally {
        await erp.close();
      }
      const all = [...pushRuns, ...pullRuns];
      const rows: DemoRow[] = TOUCHPOINTS.map((tp) => {
        const runs = all.filter((r) => r.touchpoint === tp);
        const error = runs.find((r) => r.error)?.error;
        return {
          touchpoint: tp,
          status: worst(runs),
          counts: sumCounts(runs),
          ...(error ? { error } : {}),
          check: checks.find((c) => c.touchpoint === tp) ?? {
            touchpoint: tp,
            ok: false,
            message: 'not checked',
          },
        };
      });
      ok = rows.every((r) => r.status === 'succeeded' && r.counts.failed === 0 && r.check.ok);
      const durationMs = Date.now() - started;
      const warehouse = { ...shipped, ...received, ...adjusted };
      if (opts.json) {
        out(
          JSON.stringify(
            {
              ok,
              orders: opts.orders,
              variants: chosen.description,
              dataDir: temp && ok ? null : dataDir,
              durationMs,
              warehouse,
              touchpoints: rows,
            },
            null,
            2,
          ),
        );
      } else {
        out('');
        out(
          table(
            ['Touchpoint', 'Status', 'Created', 'Unchanged', 'Pulled', 'Failed', 'Check'],
            rows.map((r) => [
              TOUCHPOINT_LABELS[r.touchpoint],
              r.status,
              r.counts.created,
              r.counts.unchanged,
              r.counts.pulled,
              r.counts.failed,
              `${r.check.ok ? 'ok' : 'MISMATCH'}: ${r.check.message}`,
            ]),
          ),
        );
        for (const r of rows) if (r.error) out(`${r.touchpoint}: ${r.error}`);
        out('');
        out(
          `Warehouse: ${shipped.shipments} shipments for ${shipped.orders} orders, ${received.receipts} receipt lines on ` +
            `${received.asns} ASNs, ${adjusted.adjustments} inventory adjustments.`,
        );
        out(
          ok
            ? `Result: the ERP and Infoplus agree (${(durationMs / 1000).toFixed(1)} s).`
            : `Result: the ERP and Infoplus DO NOT agree; details above, logs in ${join(dataDir, 'logs')}.`,
        );
      }
    } finally {
      await app.stop();
      if (temp && ok) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
    process.exitCode = ok ? 0 : 1;
  });
}
