/** Pull of many shipments in a child process on the built JavaScript, reading its peak RSS. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { sampleErp, scratch } from './setup.js';

/** Figures of the pull part. */
export interface PullFigures {
  shipments: number;
  pulled: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
}

/** Runs the pull benchmark. */
export async function pullBench(shipments: number): Promise<PullFigures> {
  const dir = scratch('bench-pull-');
  const sim = await startSimulator({ seed: 5 });
  sim.seedShipments({ count: shipments, lobId: 1 });
  const { erp, file } = await sampleErp(dir, 10);
  await erp.close();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'pull-child.mjs'), sim.baseUrl, sim.apiKey, file, join(dir, 'state')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pull child exited ${code}: ${text}`)),
    );
  });
  await sim.close();
  const r = JSON.parse(out.trim().split('\n').pop()!) as {
    pulled: number;
    seconds: number;
    maxRssKb: number;
    status: string;
  };
  return {
    shipments,
    pulled: r.pulled,
    seconds: round(r.seconds),
    recordsPerSecond: round(r.pulled / r.seconds),
    peakRssMb: round(r.maxRssKb / 1024, 1),
  };
}
