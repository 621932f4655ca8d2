import { spawn, execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;

/**
 * The built CLI when it is at least as new as the simulator sources (CI builds before testing), else the
 * sources through tsx (slower to start).
 */
function cliCommand(): string[] {
  const built = `${ROOT}dist/src/cli.js`;
  if (existsSync(built)) {
    const sources = [
      `${ROOT}src/cli/simulator-command.ts`,
      ...readdirSync(`${ROOT}src/simulator`).map((f) => `${ROOT}src/simulator/${f}`),
    ];
    const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
    if (statSync(built).mtimeMs >= newest) return [built];
  }
  return ['--import', 'tsx', 'src/cli.ts'];
}
const CLI = cliCommand();

/** Starts `infoplus-sync simulator` from source and resolves with its printed base URL and key. */
function startCli(
  args: string[],
): Promise<{ url: string; key: string; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [...CLI, 'simulator', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${err}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`simulator exited with ${String(code)}: ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Base URL: (\S+)/.exec(out)?.[1];
      const key = /API key: (\S+)/.exec(out)?.[1];
      if (url && key) {
        clearTimeout(timer);
        resolve({
          url,
          key,
          output: () => out,
          stop: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.on('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

describe('infoplus-sync simulator', () => {
  it('prints its base URL and key and answers curl as the README shows', async () => {
    const sim = await startCli([
      '--port',
      '0',
      '--api-key',
      'cli-test-key',
      '--seed',
      '3',
      '--rate-limit',
      '500',
      '--latency-ms',
      '1',
      '--variant',
      'authStatus=401',
      '--variant',
      'errorBody=errors',
    ]);
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/infoplus-wms\/api$/);
      expect(sim.key).toBe('cli-test-key');
      const curl = existsSync('/usr/bin/curl') ? '/usr/bin/curl' : 'curl';
      const { stdout } = await run(curl, [
        '-s',
        '-H',
        `API-Key: ${sim.key}`,
        `${sim.url}/v3.0/lineOfBusiness/search`,
      ]);
      expect(JSON.parse(stdout)).toEqual([
        expect.objectContaining({ id: 1, code: 'DEMO', name: 'Demo Company' }),
      ]);
      const denied = await run(curl, [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        `${sim.url}/v3.0/item/search`,
      ]);
      expect(denied.stdout).toBe('401');
      expect(sim.output()).toContain('Variants: errorBody=errors authStatus=401');
      // Fault flags reach the simulator.
      const faults = await fetch(`${sim.url.replace(/\/infoplus-wms\/api$/, '')}/__sim/faults`, {
        headers: { 'API-Key': sim.key },
      });
      expect(await faults.json()).toMatchObject({ rateLimit: 500, latencyMs: 1, failRate: 0 });
    } finally {
      expect(await sim.stop()).toBe(0);
    }
  });

  it('lists the variant switches and refuses an unknown one, naming it', async () => {
    const list = await run(process.execPath, [...CLI, 'simulator', '--list-variants'], { cwd: ROOT });
    for (const line of [
      'errorBody=empty|errors|text  (default empty)',
      'createStatus=200|201',
      'validationStatus=405|400',
      'authStatus=403|401',
      'put=replace|merge',
      'filterOps=gte|ge|both',
      'datePrecision=s|ms',
      'limitOver250=clamp|error',
      'unknownFields=reject|ignore',
      'receipts=rows|cumulative',
      'backorders=child|none',
    ])
      expect(list.stdout).toContain(line);
    await expect(
      run(process.execPath, [...CLI, 'simulator', '--variant', 'put=patch'], { cwd: ROOT }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('variant put must be one of replace|merge') });
  });

  it('explains bad options and shows help', async () => {
    const help = await run(process.execPath, [...CLI, 'simulator', '--help'], { cwd: ROOT });
    expect(help.stdout).toContain('--rate-limit');
    expect(help.stdout).toContain('--state-file');
    await expect(
      run(process.execPath, [...CLI, 'simulator', '--fail-rate', '3'], { cwd: ROOT }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--fail-rate must be a number between 0 and 1'),
    });
  });
});
