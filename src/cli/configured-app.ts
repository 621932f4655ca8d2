/** Opens the app for a one-shot command (`run`, `reconcile`) and refuses, with exit code 2, when it is not set up. */
import { createApp } from '../app/index.js';
import { checkConfigOrDemo, dataDirOf, out, type CommonCliOptions } from '../app/cli-support.js';

type App = Awaited<ReturnType<typeof createApp>>;

/** Runs `work` with a configured app and stops the app afterwards. */
export async function withConfiguredApp(
  command: string,
  opts: CommonCliOptions,
  work: (app: App) => Promise<void>,
): Promise<void> {
  checkConfigOrDemo(opts);
  const app = await createApp({
    dataDir: dataDirOf(opts),
    ...(opts.config ? { configFile: opts.config } : {}),
    ...(opts.demo ? { demo: true } : {}),
  });
  try {
    const status = await app.api.getStatus({});
    if (!status.configured) {
      const msg = status.lastResult ?? 'The app is not set up.';
      if (opts.json)
        out(JSON.stringify({ ok: false, error: { code: 'not-configured', message: msg } }, null, 2));
      else process.stderr.write(`infoplus-sync ${command}: ${msg}\n`);
      process.exitCode = 2;
      return;
    }
    await work(app);
  } finally {
    await app.stop();
  }
}
