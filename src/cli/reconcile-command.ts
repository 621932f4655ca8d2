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

/**
 * What still keeps ERP and Infoplus apart after the command: findings not repaired (a key held several times
 * stays open after its link: the extra copies are still in Infoplus), records waiting in the error inbox or
 * being checked with Infoplus (they are not in Infoplus either), and touchpoints that could not be compared.
 */
function openFindings(report: ReconcileReport): number {
  return report.touchpoints.reduce(
    (n, t) =>
      n +
      (t.error ? 1 : 0) +
      t.inErrorInbox +
      (t.settling ?? 0) +
      t.findings.filter((f) => f.repaired === undefined || f.kind === 'duplicated').length +
      Math.max(0, sumCounts(t) - t.findings.length),
    0,
  );
}

function sumCounts(t: ReconcileReport['touchpoints'][number]): number {
  return Object.values(t.counts).reduce((a, b) => a + b, 0);
}

/** The closing sentence: "agree" only when nothing at all is open. */
function verdict(report: ReconcileReport): string {
  const open = openFindings(report);
  if (open === 0) return 'ERP and Infoplus agree.';
  const inbox = report.touchpoints.reduce((n, t) => n + t.inErrorInbox, 0);
  const settling = report.touchpoints.reduce((n, t) => n + (t.settling ?? 0), 0);
  const parts = [
    inbox > 0 ? `${inbox} ERP record(s) wait in the error inbox (infoplus-sync errors list)` : '',
    settling > 0
      ? `${settling} being checked with Infoplus (an unconfirmed create; never re-sent blindly)`
      : '',
  ].filter((p) => p !== '');
  return `ERP and Infoplus do not agree${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
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
        'Collision',
        'Inbox',
        'Settling',
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
        t.counts['key-collision'] + t.counts['invalid-key'],
        t.inErrorInbox,
        t.settling ?? 0,
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
  out(verdict(report));
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
      'queue missing records for the next run and link records Infoplus already has (a key it holds several times: ' +
        'to one copy; the others are reported for cancelling); key collisions, inbox and unconfirmed records are ' +
        'never touched',
    )
    .option('--json', 'print the report as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ERP and Infoplus agree (or every finding was repaired); 1 anything remains: a finding, extra\n' +
        'copies in Infoplus, an ERP record missing from Infoplus for any reason (error inbox, skipped, being checked);\n' +
        '2 not set up.',
    )
    .action((opts: ReconcileOptions) =>
      withConfiguredApp('reconcile', opts, async (app) => {
        const touchpoints = opts.touchpoint ?? [];
        const report = await app.api.reconcile({
          ...(touchpoints.length > 0 ? { touchpoints } : {}),
          repair: opts.repair,
        });
        const open = openFindings(report);
        if (opts.json) out(JSON.stringify({ ok: open === 0, report }, null, 2));
        else printReport(report);
        process.exitCode = open === 0 ? 0 : 1;
      }),
    );
}
