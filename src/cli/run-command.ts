import { printRunProgress } from './run-progress.js';
import type { Command } from 'commander';
import type { DryRunRecord, DryRunReport, RunSummary } from '../contract/dto.js';
import { TOUCHPOINT_LABELS, TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { collectTouchpoint, out, table, type CommonCliOptions } from '../app/cli-support.js';
import { runEnding, type RunEnding } from '../app/run-ending.js';
import { withConfiguredApp } from './configured-app.js';

interface RunOptions extends CommonCliOptions {
  touchpoint?: TouchpointName[];
  dryRun?: boolean;
  full?: boolean;
}

function printRuns(runs: readonly RunSummary[], ending: RunEnding): void {
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
  for (const line of ending.lines) out(line);
  if (ending.waiting.some((w) => w.blocking))
    out('See them with: infoplus-sync errors list (then errors retry KEY... or errors skip KEY...).');
  out(ending.ok ? 'Every record is in sync.' : 'Not every record is in sync (exit code 1).');
}

/** A record's verdict as one line: "would update (fields: a, b)". Refusals are printed with the problems. */
function verdictText(r: DryRunRecord): string {
  if (r.verdict !== 'update') return `would ${r.verdict}`;
  if (r.changedFields === undefined) return 'would update';
  return r.changedFields.length === 0
    ? 'would update (no field differs from Infoplus; the content sent last differs)'
    : `would update (fields: ${r.changedFields.join(', ')})`;
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
    const listed = (t.recordVerdicts ?? []).filter((r) => r.verdict === 'create' || r.verdict === 'update');
    for (const r of listed.slice(0, 50)) out(`${t.touchpoint} ${r.recordKey}: ${verdictText(r)}`);
    if (listed.length > 50)
      out(`${t.touchpoint}: ${listed.length - 50} more record(s) would change (see --json)`);
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
    .option(
      '--full',
      'push touchpoints: read every ERP record and compare it by content, whatever the watermark or fingerprints ' +
        'say (records that did not change cost no Infoplus call)',
    )
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every record of the touchpoints run is in sync; 1 a run failed, or records still wait\n' +
        '(parked in the error inbox, retrying, being checked with Infoplus; one line per reason); 2 not set up\n' +
        '(missing connection, or the profile has problems: they are listed). Records set aside with\n' +
        '`errors skip` are listed but do not fail the run. --json carries the same in "waiting" and "notRun".',
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
        const notRun: { touchpoint: TouchpointName; reason: string }[] = [];
        // a long run says how far it is (stderr, every 10 s), so it is never silent for minutes
        const stopProgress = printRunProgress(app.events);
        const runs = await app.runs
          .runAndWait({
            ...(touchpoints.length > 0 ? { touchpoints } : {}),
            full: opts.full,
            notRun: (touchpoint, reason) => notRun.push({ touchpoint, reason }),
          })
          .finally(stopProgress);
        const after = await app.api.getStatus({});
        const ending = runEnding(runs, app.inbox.groups(), notRun);
        if (opts.json) {
          const { ok, waiting } = ending;
          out(JSON.stringify({ ok, runs, waiting, notRun, openErrors: after.openErrors }, null, 2));
        } else printRuns(runs, ending);
        process.exitCode = ending.ok ? 0 : 1;
      }),
    );
}
