/** Opens the app for a one-shot command (`run`, `reconcile`) and refuses, with exit code 2, when it is not set up. */
import { createApp } from '../app/index.js';
import { checkConfigOrDemo, dataDirOf, out, type CommonCliOptions } from '../app/cli-support.js';
import { describeStateFailure } from '../domain/state-errors.js';
import { problemLine } from './check-command.js';

type App = Awaited<ReturnType<typeof createApp>>;

/**
 * Runs `work` with a configured app and stops the app afterwards. Not set up: says why (a broken profile's
 * problems exactly as `check --offline` prints them) and exits 2. A data folder that cannot be written (full,
 * read-only) ends the command with exit 1 and that cause, whatever the command was doing.
 */
export async function withConfiguredApp(
  command: string,
  opts: CommonCliOptions,
  work: (app: App) => Promise<void>,
): Promise<void> {
  checkConfigOrDemo(opts);
  const dataDir = dataDirOf(opts);
  try {
    const app = await createApp({
      dataDir,
      ...(opts.config ? { configFile: opts.config } : {}),
      demo: opts.demo,
    });
    try {
      const status = await app.api.getStatus({});
      if (!status.configured) {
        await notConfigured(app, command, opts, status.lastResult ?? 'The app is not set up.');
        return;
      }
      await work(app);
    } finally {
      await app.stop();
    }
  } catch (error) {
    const cause = describeStateFailure(error, dataDir);
    if (cause === null && !opts.json) throw error;
    // --json promises a JSON answer on stdout, also when the command fails
    const code = cause !== null ? 'state-unwritable' : String((error as { code?: unknown }).code ?? 'failed');
    const message = cause ?? (error instanceof Error ? error.message : String(error));
    if (opts.json) out(JSON.stringify({ ok: false, error: { code, message } }, null, 2));
    else process.stderr.write(`infoplus-sync ${command}: ${message}\n`);
    process.exitCode = 1;
  }
}

async function notConfigured(app: App, command: string, opts: CommonCliOptions, msg: string): Promise<void> {
  const profile = await app.api.getProfile({});
  const problems = profile.problems.map((p) => ({ ...p, severity: 'error' as const }));
  if (opts.json) {
    out(JSON.stringify({ ok: false, error: { code: 'not-configured', message: msg, problems } }, null, 2));
  } else {
    process.stderr.write(`infoplus-sync ${command}: ${msg}\n`);
    for (const p of problems) process.stderr.write(`${problemLine(p)}\n`);
  }
  process.exitCode = 2;
}
