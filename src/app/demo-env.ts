/** The demo set-up: the sample ERP in SQLite inside the data folder, an in-process simulator, and the sample profile. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { openErp } from '../erp/index.js';
import { createSampleErp } from '../erp/sample/create-sample-erp.js';
import { sampleProfileText } from '../erp/sample/sample-profile.js';
import { writeFileAtomic } from '../settings/index.js';
import { startSimulator, type InfoplusSimulator } from '../simulator/index.js';

/** The API key of the demo simulator. */
export const DEMO_API_KEY = 'sim-demo-key';
/** The demo talks to a local simulator, so it need not crawl at a real tenant's 5 requests/second. */
const DEMO_REQUESTS_PER_SECOND = 100;

/** A running demo environment. */
export interface DemoEnvironment {
  readonly simulator: InfoplusSimulator;
  /** The SQLite file of the sample ERP. */
  readonly erpFile: string;
  /** The demo mapping profile (YAML) in the data folder. */
  readonly profilePath: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/** Options of the demo environment. */
export interface DemoOptions {
  readonly dataDir: string;
  /** Sales orders in a newly built sample ERP; default 50. */
  readonly orders?: number;
  /** Rebuild the ERP, profile and simulator state even when they exist. */
  readonly fresh?: boolean;
  /** Keep the simulator's records in the data folder across restarts (serve); default true. */
  readonly persistSimulator?: boolean;
  readonly seed?: number;
  /** The simulator's variants (decisions.ts VARIANTS). */
  readonly variants?: Readonly<Record<string, string>>;
}

/** Starts (or resumes) the demo: builds what is missing, then points the demo profile at the simulator. */
export async function startDemo(opts: DemoOptions): Promise<DemoEnvironment> {
  await mkdir(opts.dataDir, { recursive: true });
  const erpFile = join(opts.dataDir, 'demo-erp.sqlite');
  const profilePath = join(opts.dataDir, 'demo-profile.yaml');
  const simState = join(opts.dataDir, 'demo-infoplus.json');
  const rebuild = opts.fresh === true || !existsSync(erpFile);
  if (rebuild) {
    const erp = await openErp({ driver: 'sqlite', url: erpFile, createIfMissing: true });
    try {
      await createSampleErp(erp, { orders: opts.orders ?? 50, seed: opts.seed ?? 1 });
    } finally {
      await erp.close();
    }
  }
  const persist = opts.persistSimulator !== false;
  // A rebuilt ERP must not meet the records an earlier demo pushed into the simulator.
  if (rebuild) await rm(simState, { force: true });
  const simulator = await startSimulator({
    apiKey: DEMO_API_KEY,
    ...(persist ? { stateFile: simState } : {}),
    ...(opts.variants ? { variants: opts.variants } : {}),
  });
  try {
    await writeDemoProfile(profilePath, simulator.baseUrl, rebuild || !existsSync(profilePath));
  } catch (error) {
    await simulator.close();
    throw error;
  }
  return {
    simulator,
    erpFile,
    profilePath,
    apiKey: DEMO_API_KEY,
    close: () => simulator.close(),
  };
}

/** Writes the sample profile for the demo, or re-points an existing one at this run's simulator port. */
async function writeDemoProfile(file: string, baseUrl: string, create: boolean): Promise<void> {
  const text = create
    ? sampleProfileText('sqlite', { erpUrl: 'demo-erp.sqlite', infoplusBaseUrl: baseUrl })
    : await readFile(file, 'utf8');
  const doc = parseDocument(text);
  doc.setIn(['connections', 'infoplus', 'baseUrl'], baseUrl);
  if (create) doc.setIn(['connections', 'infoplus', 'requestsPerSecond'], DEMO_REQUESTS_PER_SECOND);
  // An admin may have broken the demo profile by hand; leave such text alone (the editor shows its problems).
  if (doc.errors.length > 0 && !create) return;
  const next = doc.toString({ lineWidth: 0 });
  if (create || next !== text) await writeFileAtomic(file, next);
}
