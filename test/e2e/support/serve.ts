import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO } from './paths.js';

/** A running `infoplus-sync serve` with what it printed. */
export interface ServeProcess {
  /** `http://127.0.0.1:PORT/#token=...` */
  readonly uiUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly token: string;
  /** The demo simulator's base URL and key, when serve printed them. */
  readonly simulator: { readonly baseUrl: string; readonly origin: string; readonly apiKey: string } | null;
  readonly dataDir: string;
  /** Everything serve printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

// serve keeps the token out of a piped stdout; the address with its token is in a 0600 file it names.
const UI_LINE = /UI: (http:\/\/127\.0\.0\.1:\d+) \(the address with its access token is in (\S+)\)/;
const TOKEN_IN_URL = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/;
const SIM_LINE = /Simulator:\s*(\S+)\s*\(API key:\s*([^)\s]+)\)/;

/** Waits for the child to exit, killing it harder if it does not stop by itself. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real agent (`node bin/infoplus-sync.js serve --port 0 --data-dir <fresh temp dir>`), with `--demo`
 * unless told otherwise, and resolves once it printed the UI address (and the simulator line for --demo).
 */
export async function startServe(opts: { demo?: boolean } = {}): Promise<ServeProcess> {
  const demo = opts.demo ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'infoplus-e2e-'));
  const args = [
    'bin/infoplus-sync.js',
    'serve',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    ...(demo ? ['--demo'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });

  let ui: RegExpExecArray | null = null;
  let sim: RegExpExecArray | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not print its address within 60 s. Output:\n${printed}`)),
      60_000,
    );
    lines.on('line', (line) => {
      printed += `${line}\n`;
      ui ??= UI_LINE.exec(line);
      sim ??= SIM_LINE.exec(line);
      if (ui && (sim || !demo)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before it was ready. Output:\n${printed}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const accessFile = (ui as unknown as RegExpExecArray)[2]!;
  const access = JSON.parse(readFileSync(accessFile, 'utf8')) as { uiUrl: string };
  const uiMatch = TOKEN_IN_URL.exec(access.uiUrl);
  if (!uiMatch) throw new Error(`${accessFile} holds no UI address with a token: ${access.uiUrl}`);
  const simMatch = sim as RegExpExecArray | null;
  const simulator = simMatch
    ? { baseUrl: simMatch[1]!, origin: new URL(simMatch[1]!).origin, apiKey: simMatch[2]! }
    : null;
  return {
    uiUrl: uiMatch[0],
    origin: uiMatch[1]!,
    token: uiMatch[2]!,
    simulator,
    dataDir,
    output: () => printed,
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sets the demo simulator's faults through its control endpoint (`POST /__sim/faults`). */
export async function setSimulatorFaults(serve: ServeProcess, faults: Record<string, number>): Promise<void> {
  if (!serve.simulator) throw new Error('serve printed no simulator line; start it with demo: true');
  const response = await fetch(`${serve.simulator.origin}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'API-Key': serve.simulator.apiKey },
    body: JSON.stringify(faults),
  });
  if (!response.ok)
    throw new Error(`setting simulator faults failed: HTTP ${response.status} ${await response.text()}`);
}
