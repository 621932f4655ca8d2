import type { Command } from 'commander';
import type { AppStatus } from '../contract/dto.js';
import { TOUCHPOINT_LABELS } from '../contract/touchpoints.js';
import { createApp } from '../app/index.js';
import { dataDirOf, out, table, type CommonCliOptions } from '../app/cli-support.js';
import { createLogging } from '../logging/index.js';

function printStatus(s: AppStatus): void {
  out(`Health: ${s.health}${s.paused ? ' (schedules paused)' : ''}${s.demo ? ' [demo]' : ''}`);
  out(`Configured: ${s.configured ? 'yes' : 'no'}${s.lastResult ? ` | Last result: ${s.lastResult}` : ''}`);
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
  for (const a of s.alerts) out(`ALERT ${a.kind}${a.touchpoint ? ` (${a.touchpoint})` : ''}: ${a.message}`);
}

/** Registers `infoplus-sync status`: health, per-touchpoint cards and alerts, as text or JSON. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('Show health, the last and next run of each touchpoint, open errors and alerts.')
    .option('--config <file>', 'mapping profile to report on (default: the one in settings)')
    .option('--json', 'print the AppStatus document as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText('after', '\nExit codes: 0 health ok, 1 warning or error, 2 not set up.')
    .action(async (opts: CommonCliOptions) => {
      // Status only reads: logs stay in memory so it never rotates files a running agent writes.
      const app = await createApp({
        dataDir: dataDirOf(opts),
        ...(opts.config ? { configFile: opts.config } : {}),
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
