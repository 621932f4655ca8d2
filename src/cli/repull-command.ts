import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { PULL_TOUCHPOINTS, TOUCHPOINT_LABELS, type PullTouchpoint } from '../contract/touchpoints.js';
import { out, table, type CommonCliOptions } from '../app/cli-support.js';
import { withConfiguredApp } from './configured-app.js';

interface RepullOptions extends CommonCliOptions {
  touchpoint: PullTouchpoint;
  since: Date;
  skipWritten?: boolean;
}

/** Commander parser of `--touchpoint`: pull touchpoints only (a push is re-sent with `run`). */
function pullTouchpoint(value: string): PullTouchpoint {
  const tp = PULL_TOUCHPOINTS.find((t) => t === value);
  if (!tp) {
    throw new InvalidArgumentError(
      `"${value}" is not a pull touchpoint; repull replays ${PULL_TOUCHPOINTS.join(', ')} (push touchpoints are sent again with run).`,
    );
  }
  return tp;
}

/** Commander parser of `--since`: a date (midnight UTC) or a date-time with its offset, in the past. */
export function pastDate(value: string, now: Date = new Date()): Date {
  const text = value.trim();
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(text) ||
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!ok || Number.isNaN(at.getTime()))
    throw new InvalidArgumentError(
      `"${value}" is not a date; write 2026-01-31 (midnight UTC) or 2026-01-31T08:00:00-06:00.`,
    );
  if (at.getTime() > now.getTime())
    throw new InvalidArgumentError(
      `${at.toISOString()} is in the future; choose a date in the past to re-pull from.`,
    );
  return at;
}

/** Registers `infoplus-sync repull`: moves a pull touchpoint's cursor back to a date and pulls again from there. */
export function registerRepullCommand(program: Command): void {
  program
    .command('repull')
    .description(
      'Replay a pull: read every Infoplus record of the touchpoint changed since DATE again and write it back ' +
        'into the ERP (write-backs are idempotent, so a replay is safe).',
    )
    .requiredOption(
      '-t, --touchpoint <name>',
      `the pull touchpoint to replay (${PULL_TOUCHPOINTS.join(', ')})`,
      pullTouchpoint,
    )
    .requiredOption(
      '--since <date>',
      'replay records changed on or after this date: 2026-01-31 (midnight UTC) or 2026-01-31T08:00:00-06:00',
      (v: string) => pastDate(v),
    )
    .option(
      '--skip-written',
      'write only records not yet written in their current version (default: write all again)',
    )
    .option('--config <file>', 'mapping profile (names its connections; secrets from the env vars it names)')
    .option('--demo', 'use the demo set-up: sample SQLite ERP + in-process Infoplus simulator')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      [
        '',
        'The cursor stays where the replay ends, so the next scheduled pull goes on from there.',
        'Exit codes: 0 every record written, 1 a record failed (see the error inbox), 2 not set up.',
        '',
        'Example: infoplus-sync repull --config profile.yaml --touchpoint shipments --since 2026-01-31',
      ].join('\n'),
    )
    .action((opts: RepullOptions) =>
      withConfiguredApp('repull', opts, async (app) => {
        await app.api.resetCursor({
          touchpoint: opts.touchpoint,
          since: opts.since.toISOString(),
          ...(opts.skipWritten ? {} : { rewrite: true }),
        });
        const runs = await app.runs.runAndWait({ touchpoints: [opts.touchpoint] });
        const after = await app.api.getStatus({});
        const ok = runs.length > 0 && runs.every((r) => r.status === 'succeeded' && r.counts.failed === 0);
        if (opts.json) {
          out(
            JSON.stringify(
              { ok, since: opts.since.toISOString(), runs, openErrors: after.openErrors },
              null,
              2,
            ),
          );
        } else {
          out(`Replayed ${TOUCHPOINT_LABELS[opts.touchpoint]} since ${opts.since.toISOString()}.`);
          out(
            table(
              ['Touchpoint', 'Status', 'Pulled', 'Unchanged', 'Skipped', 'Failed'],
              runs.map((r) => [
                TOUCHPOINT_LABELS[r.touchpoint],
                r.status,
                r.counts.pulled,
                r.counts.unchanged,
                r.counts.skipped,
                r.counts.failed,
              ]),
            ),
          );
          for (const r of runs) if (r.error) out(`${r.touchpoint}: ${r.error}`);
          if (after.openErrors > 0) out(`${after.openErrors} record(s) wait in the error inbox.`);
        }
        process.exitCode = ok ? 0 : 1;
      }),
    );
}
