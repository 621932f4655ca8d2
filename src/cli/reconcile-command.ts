import type { Command } from 'commander';
import type { ReconcileReport } from '../contract/dto.js';
import { InvalidArgumentError } from 'commander';
import { PUSH_TOUCHPOINTS, TOUCHPOINT_LABELS, type PushTouchpoint } from '../contract/touchpoints.js';
import { out, table, type CommonCliOptions } from '../app/cli-support.js';
import { withConfiguredApp } from './configured-app.js';

interface ReconcileOptions extends CommonCliOptions {
  touchpoint?: PushTouchpoint[];
  repair?: boolean;
}

/** Commander parser of repeated `--touchpoint NAME`, push touchpoints only. */
function collectPushTouchpoint(value: string, previous: PushTouchpoint[] = []): PushTouchpoint[] {
  const tp = PUSH_TOUCHPOINTS.find((t) => t === value);
  if (!tp) {
    throw new InvalidArgumentError(
      `"${value}" is not a push touchpoint; reconcile compares ${PUSH_TOUCHPOINTS.join(', ')}.`,
    );
  }
  return [...previous, tp];
}

/** Findings still open after the command (a repaired one is not). */
function openFindings(report: ReconcileReport): number {
  return report.touchpoints.reduce(
    (n, t) => n + (t.error ? 1 : 0) + t.findings.filter((f) => f.repaired === undefined).length,
    0,
  );
}

function printReport(report: ReconcileReport): void {
  out(
    table(
      [
        'Touchpoint',
        'ERP',
        'Infoplus',
        'Agree',
        'Missing',
        'Gone',
        'Duplicated',
        'Untracked',
        'Stale',
        'Inbox',
      ],
      report.touchpoints.map((t) => [
        TOUCHPOINT_LABELS[t.touchpoint],
        t.erpRecords,
        t.infoplusRecords,
        t.agreeing,
        t.counts.missing,
        t.counts['gone-from-infoplus'],
        t.counts.duplicated,
        t.counts.untracked,
        t.counts['stale-link'],
        t.inErrorInbox,
      ]),
    ),
  );
  for (const t of report.touchpoints) {
    if (t.error) out(`${t.touchpoint}: ${t.error}`);
    for (const f of t.findings.slice(0, 50)) {
      out(`${t.touchpoint} ${f.recordKey}: ${f.message}${f.repaired ? ` [repaired: ${f.repaired}]` : ''}`);
    }
    if (t.findings.length > 50) out(`${t.touchpoint}: ${t.findings.length - 50} more finding(s); use --json`);
    if (t.onlyInInfoplus > 0) {
      out(
        `${t.touchpoint}: ${t.onlyInInfoplus} Infoplus record(s) with no ERP record in the profile's query (${t.onlyInInfoplusSample.slice(0, 5).join(', ')}${t.onlyInInfoplus > 5 ? ', ...' : ''})`,
      );
    }
  }
  if (!report.repair && openFindings(report) > 0)
    out('Run again with --repair to fix what can be fixed safely.');
}

/** Registers `infoplus-sync reconcile`: ERP vs Infoplus per push touchpoint, optionally repaired. */
export function registerReconcileCommand(program: Command): void {
  program
    .command('reconcile')
    .description(
      'Compare every ERP record with Infoplus (missing, duplicated, untracked, gone) and optionally repair.',
    )
    .option('--config <file>', 'mapping profile (names its connections; secrets from the env vars it names)')
    .option('--demo', 'use the demo set-up: sample SQLite ERP + in-process Infoplus simulator')
    .option(
      '-t, --touchpoint <name>',
      `only this push touchpoint; repeat for more (${PUSH_TOUCHPOINTS.join(', ')})`,
      collectPushTouchpoint,
    )
    .option(
      '--repair',
      'queue missing records for the next run and link records Infoplus already has; duplicates are only reported',
    )
    .option('--json', 'print the report as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ERP and Infoplus agree (or every finding was repaired), 1 findings remain, 2 not set up.',
    )
    .action((opts: ReconcileOptions) =>
      withConfiguredApp('reconcile', opts, async (app) => {
        const touchpoints = opts.touchpoint ?? [];
        const report = await app.api.reconcile({
          ...(touchpoints.length > 0 ? { touchpoints } : {}),
          ...(opts.repair ? { repair: true } : {}),
        });
        const open = openFindings(report);
        if (opts.json) out(JSON.stringify({ ok: open === 0, report }, null, 2));
        else printReport(report);
        process.exitCode = open === 0 ? 0 : 1;
      }),
    );
}
