/**
 * What the adaptive rate learned per Infoplus tenant, kept in the data folder (learned-rates.json) so the next
 * run (or the next start of the agent) resumes near the tenant's limit instead of finding it again from below.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnedRate, RateMemory, RateSnapshot } from '../infoplus/index.js';

const FILE = 'learned-rates.json';

/** The learned rates of every tenant this data folder has talked to. */
export class LearnedRates {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, FILE);
  }

  /** What was learned about the tenant (keyed by base URL), or null. A damaged file counts as empty. */
  get(baseUrl: string): LearnedRate | null {
    return this.read()[keyOf(baseUrl)] ?? null;
  }

  /** Saves the tenant's rate whenever the limiter learns something. */
  memory(baseUrl: string): RateMemory {
    return {
      save: (learned) => {
        const all = this.read();
        all[keyOf(baseUrl)] = learned;
        // Written beside and renamed over: a crash mid-write never leaves half a file.
        const tmp = `${this.path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
        renameSync(tmp, this.path);
      },
    };
  }

  /** The status of a tenant no client is talking to now: what the last run learned. */
  snapshot(baseUrl: string, ceiling: number): RateSnapshot | null {
    const l = this.get(baseUrl);
    if (!l) return null;
    return {
      mode: 'adaptive',
      requestsPerSecond: Math.min(ceiling, Math.round(l.rate * 100) / 100),
      ceiling,
      knownLimit: l.knownLimit === null ? null : Math.round(l.knownLimit * 100) / 100,
      latencyMs: null,
      inFlight: 0,
    };
  }

  private read(): Record<string, LearnedRate> {
    try {
      const doc: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return {};
      const out: Record<string, LearnedRate> = {};
      for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
        const l = v as Partial<LearnedRate> | null;
        if (l && typeof l.rate === 'number' && (typeof l.knownLimit === 'number' || l.knownLimit === null)) {
          out[k] = { rate: l.rate, knownLimit: l.knownLimit, at: typeof l.at === 'string' ? l.at : '' };
        }
      }
      return out;
    } catch {
      return {};
    }
  }
}

function keyOf(baseUrl: string): string {
  return baseUrl.toLowerCase();
}
