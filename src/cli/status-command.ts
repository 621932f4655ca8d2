import type { Command } from 'commander';
import type { AppStatus } from '../contract/dto.js';
import { describeRate } from '../contract/rate.js';
import { TOUCHPOINT_LABELS } from '../contract/touchpoints.js';
import { createApp } from '../app/index.js';
import { checkConfigOrDemo, dataDirOf, out, table, type CommonCliOptions } from '../app/cli-support.js';
import { createLogging } from '../logging/index.js';

function printStatus(s: AppStatus): void {
  out(`Health: ${s.health}${s.paused ? ' (schedules paused)' : ''}${s.demo ? ' [demo]' : ''}`);
  out(`Configured: ${s.configured ? 'yes' : 'no'}${s.lastResult ? ` | Last result: ${s.lastResult}` : ''}`);
  if (s.rate) out(`Infoplus rate: ${describeRate(s.rate)}`);
  out('');
  out(
    table(
      ['Touchpoint', 'State', 'Schedule', 'Last run', 'Next run', 'Open errors'],
      s.touchpoints.map((t) => [
        TOUCHPOINT_LABELS[t.name],
        t.state,
        t.schedule ?? 'manual',
        t.lastRun ? `${t.lastRun.status} ${t.lastRun.finishedAt ?? t.lastRun.startedAt}` : '-',
        t.nextRunAt ?? '-',
        t.openErrors,
      ]),
    ),
  );
  if (s.inbox && s.inbox.total > 0) {
    const parts = Object.entries(s.inbox.byCategory).map(([c, n]) => `${c} ${n}`);
    out(`Error inbox: ${s.inbox.total} record(s) wait (${parts.join(', ')}); see: infoplus-sync errors list`);
  }
  for (const a of s.alerts) out(`ALERT ${a.kind}${a.touchpoint ? ` (${a.touchpoint})` : ''}: ${a.message}`);
}

/** Registers `infoplus-sync status`: health, per-touchpoint cards and alerts, as text or JSON. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('Show health, the last and next run of each touchpoint, open errors and alerts.')
    .option('--config <file>', 'mapping profile to report on (default: the one in settings)')
    .option('--demo', 'report on the demo set-up in the data folder (as used by serve/run --demo)')
    .option(
      '--json',
      'print the AppStatus document as JSON (inbox: counts by category, status and touchpoint)',
    )
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText('after', '\nExit codes: 0 health ok, 1 warning or error, 2 not set up.')
    .action(async (opts: CommonCliOptions) => {
      checkConfigOrDemo(opts);
      // A read-only probe: no connections, and logs stay in memory so it never rotates a running agent's files.
      const app = await createApp({
        dataDir: dataDirOf(opts),
        ...(opts.config ? { configFile: opts.config } : {}),
        demo: opts.demo,
        probe: true,
        logging: createLogging({ dir: null }),
      });
      try {
        const status = await app.api.getStatus({});
        if (opts.json) out(JSON.stringify(status, null, 2));
        else printStatus(status);
        process.exitCode = !status.configured ? 2 : status.health === 'ok' ? 0 : 1;
      } finally {
        await app.stop();
      }
    });
}
