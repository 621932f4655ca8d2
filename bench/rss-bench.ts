/** Memory of one long push run: RSS of the agent (a child on the built code) at two points of the same run. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startSimulator } from '../src/simulator/index.js';
import { round } from './push-bench.js';
import { sampleErp, scratch } from './setup.js';

/** Figures of the memory part. */
export interface RssFigures {
  orders: number;
  seconds: number;
  /** RSS in MB when `early` and `late` records had been pushed. */
  early: number;
  late: number;
  rssEarlyMb: number;
  rssLateMb: number;
  growthMb: number;
  /** Reachable heap + external memory in MB after a full collection at the same two points. */
  liveEarlyMb: number;
  liveLateMb: number;
  liveGrowthMb: number;
}

/** Pushes `late` orders in one run and reads the agent's RSS after `early` and after `late` of them. */
export async function rssBench(early: number, late: number): Promise<RssFigures> {
  const dir = scratch('bench-rss-');
  const sim = await startSimulator({ seed: 5 });
  const { erp, file } = await sampleErp(dir, late);
  await erp.close();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        join(import.meta.dirname, 'rss-child.mjs'),
        sim.baseUrl,
        sim.apiKey,
        file,
        join(dir, 'state'),
        `${early},${late}`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`rss child exited ${code}: ${text}`)),
    );
  });
  await sim.close();
  const r = JSON.parse(out.trim().split('\n').pop()!) as {
    created: number;
    seconds: number;
    rss: Record<string, number>;
    live: Record<string, number>;
  };
  if (r.created < late) throw new Error(`the memory run pushed ${r.created} of ${late} orders`);
  const mb = (n: number | undefined): number => round((n ?? NaN) / 1024 / 1024, 1);
  return {
    orders: r.created,
    seconds: round(r.seconds),
    early,
    late,
    rssEarlyMb: mb(r.rss[early]),
    rssLateMb: mb(r.rss[late]),
    growthMb: round(mb(r.rss[late]) - mb(r.rss[early]), 1),
    liveEarlyMb: mb(r.live[early]),
    liveLateMb: mb(r.live[late]),
    liveGrowthMb: round(mb(r.live[late]) - mb(r.live[early]), 1),
  };
}
