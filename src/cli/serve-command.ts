import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../app/index.js';
import { demoErpOf } from '../app/demo-env.js';
import { checkConfigOrDemo, dataDirOf, out, portNumber, type CommonCliOptions } from '../app/cli-support.js';
import { defaultStaticDir, startServer } from '../server/index.js';
import { writeFileAtomic } from '../settings/index.js';

/** In the data folder, 0600, while `serve` runs: `{ url, uiUrl, token, pid }`. */
export const UI_ACCESS_FILE = 'ui-access.json';

interface ServeOptions extends CommonCliOptions {
  port: number;
  driver?: string;
  url?: string;
}

/** Registers `infoplus-sync serve`: the headless agent (scheduler + watchdog) and the UI over HTTP on 127.0.0.1. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the agent headless: schedules, watchdog, and the dashboard UI on http://127.0.0.1 with a per-run token.',
    )
    .option('--config <file>', 'mapping profile (names its connections; secrets from the env vars it names)')
    .option('--demo', 'use the demo set-up: sample SQLite ERP + in-process Infoplus simulator')
    .option(
      '--driver <name>',
      'with --demo: database of the sample ERP (sqlite | sqlserver | postgres | mysql)',
    )
    .option('--url <url>', 'with --demo: that database; the password from ERP_PASSWORD or the URL')
    .option('--port <n>', 'port of the UI/API server (0 picks a free one)', portNumber, 0)
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)')
    .addHelpText(
      'after',
      '\nStops cleanly on Ctrl+C (SIGINT) or SIGTERM: runs in flight finish their current record first.',
    )
    .action(async (opts: ServeOptions) => {
      checkConfigOrDemo(opts);
      if ((opts.driver || opts.url) && !opts.demo)
        throw new Error('--driver and --url choose the demo database: use them with --demo.');
      const demoErp = opts.demo ? demoErpOf(opts.driver, opts.url, process.env) : undefined;
      const app = await createApp({
        dataDir: dataDirOf(opts),
        ...(opts.config ? { configFile: opts.config } : {}),
        demo: opts.demo,
        ...(demoErp ? { demoErp } : {}),
      });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          api: app.api,
          events: app.events,
          port: opts.port,
          staticDir: defaultStaticDir(),
          logger: app.logging.logger('server'),
        });
        await app.start();
      } catch (error) {
        await app.stop();
        throw error;
      }
      // The token is the key to the whole API: it goes to a 0600 file for the tray and scripts, and onto the
      // screen only when a person is watching (never into a service's captured stdout).
      const accessFile = join(app.dataDir, UI_ACCESS_FILE);
      await writeFileAtomic(
        accessFile,
        `${JSON.stringify({ url: server.url, uiUrl: server.uiUrl, token: server.token, pid: process.pid }, null, 2)}\n`,
      );
      if (process.stdout.isTTY) out(`UI: ${server.uiUrl}`);
      else out(`UI: ${server.url} (the address with its access token is in ${accessFile})`);
      if (app.demo) out(`Simulator: ${app.demo.simulator.baseUrl} (API key: ${app.demo.apiKey})`);
      out(`Data folder: ${app.dataDir}`);
      if (app.logging.file) out(`Logs: ${app.logging.file}`);
      const status = await app.api.getStatus({});
      if (!status.configured)
        out(`Not set up yet: ${status.lastResult ?? ''} Open the UI to finish the setup.`);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string): void => {
          if (stopping) return;
          stopping = true;
          out(`Stopping (${signal}) ...`);
          // before anything else: closing the server may wait for its clients, and no create may start meanwhile
          app.cancelRuns();
          void (async () => {
            await server.close().catch(() => undefined);
            await rm(accessFile, { force: true });
            await app.stop();
            resolve();
          })();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      out('Stopped.');
    });
}
