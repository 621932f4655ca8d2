import type { Command } from 'commander';
import type { DryRunReport, RunSummary } from '../contract/dto.js';
import { TOUCHPOINT_LABELS, TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { collectTouchpoint, out, table, type CommonCliOptions } from '../app/cli-support.js';
import { withConfiguredApp } from './configured-app.js';

interface RunOptions extends CommonCliOptions {
  touchpoint?: TouchpointName[];
  dryRun?: boolean;
}

function printRuns(runs: readonly RunSummary[], openErrors: number): void {
  out(
    table(
      ['Touchpoint', 'Status', 'Created', 'Updated', 'Unchanged', 'Pulled', 'Skipped', 'Failed'],
      runs.map((r) => [
        TOUCHPOINT_LABELS[r.touchpoint],
        r.status,
        r.counts.created,
        r.counts.updated,
        r.counts.unchanged,
        r.counts.pulled,
        r.counts.skipped,
        r.counts.failed,
      ]),
    ),
  );
  for (const r of runs) if (r.error) out(`${r.touchpoint}: ${r.error}`);
  if (openErrors > 0)
    out(`${openErrors} record(s) wait in the error inbox (infoplus-sync serve, then Errors).`);
}

function printDryRun(report: DryRunReport): void {
  out(
    table(
      ['Touchpoint', 'Records', 'Would create', 'Would update', 'Unchanged', 'Problems'],
      report.touchpoints.map((t) => [
        TOUCHPOINT_LABELS[t.touchpoint],
        t.records,
        t.wouldCreate,
        t.wouldUpdate,
        t.unchanged,
        t.problems.length,
      ]),
    ),
  );
  for (const t of report.touchpoints) {
    for (const p of t.problems.slice(0, 20)) {
      out(`${t.touchpoint} ${p.recordKey}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    }
    if (t.problems.length > 20) out(`${t.touchpoint}: ${t.problems.length - 20} more problem(s)`);
  }
}

/** Registers `infoplus-sync run`: one run of the chosen touchpoints; exit code 1 when any record failed. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Run the sync once (every enabled touchpoint, or the ones named) and exit.')
    .option('--config <file>', 'mapping profile (names its connections; secrets from the env vars it names)')
    .option('--demo', 'use the demo set-up: sample SQLite ERP + in-process Infoplus simulator')
    .option(
      '-t, --touchpoint <name>',
      `only this touchpoint; repeat for more (${TOUCHPOINTS.join(', ')})`,
      collectTouchpoint,
    )
    .option('--dry-run', 'build and check every payload against Infoplus without writing anything')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      '\nExit codes: 0 all records synced, 1 a run or a record failed, 2 not set up (missing connection or profile).',
    )
    .action((opts: RunOptions) =>
      withConfiguredApp('run', opts, async (app) => {
        const touchpoints = opts.touchpoint ?? [];
        if (opts.dryRun) {
          const report = await app.api.dryRun(touchpoints.length > 0 ? { touchpoints } : {});
          const problems = report.touchpoints.reduce((n, t) => n + t.problems.length, 0);
          if (opts.json) out(JSON.stringify({ ok: problems === 0, dryRun: true, report }, null, 2));
          else printDryRun(report);
          process.exitCode = problems === 0 ? 0 : 1;
          return;
        }
        const runs = await app.runs.runAndWait(touchpoints.length > 0 ? { touchpoints } : {});
        const after = await app.api.getStatus({});
        const ok = runs.every((r) => r.status === 'succeeded' && r.counts.failed === 0);
        if (opts.json) out(JSON.stringify({ ok, runs, openErrors: after.openErrors }, null, 2));
        else printRuns(runs, after.openErrors);
        process.exitCode = ok ? 0 : 1;
      }),
    );
}
