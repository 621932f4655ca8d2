import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { REPO } from './paths.js';

const run = promisify(execFile);

/** Builds the sample ERP in a SQLite file with the real CLI (`infoplus-sync sample-erp`). */
export async function createSampleErpFile(file: string, orders: number): Promise<void> {
  await run(
    process.execPath,
    ['bin/infoplus-sync.js', 'sample-erp', '--driver', 'sqlite', '--url', file, '--orders', String(orders)],
    {
      cwd: REPO,
    },
  );
}

/** A stand-alone simulator started with the real CLI (`infoplus-sync simulator`). */
export interface SimulatorProcess {
  readonly baseUrl: string;
  readonly apiKey: string;
  stop(): Promise<void>;
}

/**
 * Starts `infoplus-sync simulator --port 0 --api-key KEY` (plus `extraArgs`, e.g. `--latency-ms 150`) and reads
 * the base URL it prints.
 */
export async function startSimulatorCli(
  apiKey: string,
  extraArgs: readonly string[] = [],
): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    ['bin/infoplus-sync.js', 'simulator', '--port', '0', '--api-key', apiKey, ...extraArgs],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`simulator printed no base URL in 30 s:\n${printed}`)),
      30_000,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      printed += `${line}\n`;
      const match = /Base URL:\s*(\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited (${code}):\n${printed}`));
    });
  });
  return {
    baseUrl,
    apiKey,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
