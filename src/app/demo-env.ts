/**
 * The demo set-up: the sample ERP (SQLite inside the data folder, or any database named by --driver/--url),
 * an in-process simulator, and the sample profile.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { openErp } from '../erp/index.js';
import type { ErpConfig, ErpDriverName } from '../erp/types.js';
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
  /** How to open the sample ERP (with its password, when it has one). */
  readonly erpConfig: ErpConfig;
  /** The ERP password the demo profile's connection needs (never written into the profile). */
  readonly erpPassword?: string;
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
  /** The database of the sample ERP; default a SQLite file in the data folder. */
  readonly erp?: DemoErp;
  /** The simulator's variants (decisions.ts VARIANTS). */
  readonly variants?: Readonly<Record<string, string>>;
}

/** A database the demo builds its sample ERP in (its own tables only; others are left alone). */
export interface DemoErp {
  readonly driver: ErpDriverName;
  /** URL without the password (it goes into the demo profile); a SQLite file path for sqlite. */
  readonly url: string;
  readonly password?: string;
}

/**
 * The demo database from `--driver`/`--url`: a password inside the URL is taken out of it (the profile must not
 * hold it); ERP_PASSWORD, when set, is used instead.
 */
export function demoErpOf(
  driver: string | undefined,
  url: string | undefined,
  env: NodeJS.ProcessEnv,
): DemoErp | undefined {
  if (driver === undefined && url === undefined) return undefined;
  const kinds: readonly ErpDriverName[] = ['sqlite', 'sqlserver', 'postgres', 'mysql'];
  const d = (driver ?? 'sqlite') as ErpDriverName;
  if (!kinds.includes(d)) throw new Error(`--driver must be one of ${kinds.join(', ')} (got "${driver}").`);
  if (!url) {
    if (d === 'sqlite') return undefined;
    throw new Error(`--driver ${d} needs --url naming the database to build the sample ERP in.`);
  }
  if (d === 'sqlite') return { driver: d, url: resolve(url) };
  let bare = url;
  let fromUrl: string | undefined;
  try {
    const u = new URL(url);
    if (u.password) {
      fromUrl = decodeURIComponent(u.password);
      u.password = '';
      bare = u.toString();
    }
  } catch {
    // JDBC-style SQL Server URLs are not WHATWG URLs; the driver reports what is wrong with them
  }
  const password = env['ERP_PASSWORD'] || fromUrl;
  return { driver: d, url: bare, ...(password ? { password } : {}) };
}

/** Starts (or resumes) the demo: builds what is missing, then points the demo profile at the simulator. */
export async function startDemo(opts: DemoOptions): Promise<DemoEnvironment> {
  await mkdir(opts.dataDir, { recursive: true });
  const profilePath = join(opts.dataDir, 'demo-profile.yaml');
  const simState = join(opts.dataDir, 'demo-infoplus.json');
  const target = opts.erp ?? { driver: 'sqlite' as const, url: join(opts.dataDir, 'demo-erp.sqlite') };
  const erpConfig: ErpConfig =
    target.driver === 'sqlserver'
      ? { driver: 'sqlserver', url: target.url, ...(target.password ? { password: target.password } : {}) }
      : {
          driver: target.driver,
          url: target.url,
          ...(target.password ? { password: target.password } : {}),
          ...(target.driver === 'sqlite' ? { createIfMissing: true } : {}),
        };
  // the profile names the ERP it was written for; another --driver/--url means a new demo
  const profileErpUrl = opts.erp ? target.url : 'demo-erp.sqlite';
  const rebuild =
    opts.fresh === true ||
    (target.driver === 'sqlite' && !existsSync(target.url)) ||
    !(await profileNames(profilePath, target.driver, profileErpUrl));
  if (rebuild) {
    const erp = await openErp(erpConfig);
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
    await writeDemoProfile(
      profilePath,
      simulator.baseUrl,
      rebuild || !existsSync(profilePath),
      target.driver,
      profileErpUrl,
    );
  } catch (error) {
    await simulator.close();
    throw error;
  }
  return {
    simulator,
    erpConfig,
    ...(target.password ? { erpPassword: target.password } : {}),
    profilePath,
    apiKey: DEMO_API_KEY,
    close: () => simulator.close(),
  };
}

/** Writes the sample profile for the demo, or re-points an existing one at this run's simulator port. */
async function writeDemoProfile(
  file: string,
  baseUrl: string,
  create: boolean,
  driver: ErpDriverName,
  erpUrl: string,
): Promise<void> {
  const text = create
    ? sampleProfileText(driver, { erpUrl, infoplusBaseUrl: baseUrl })
    : await readFile(file, 'utf8');
  const doc = parseDocument(text);
  doc.setIn(['connections', 'infoplus', 'baseUrl'], baseUrl);
  if (create) doc.setIn(['connections', 'infoplus', 'requestsPerSecond'], DEMO_REQUESTS_PER_SECOND);
  // An admin may have broken the demo profile by hand; leave such text alone (the editor shows its problems).
  if (doc.errors.length > 0 && !create) return;
  const next = doc.toString({ lineWidth: 0 });
  if (create || next !== text) await writeFileAtomic(file, next);
}

/**
 * True when the demo profile at `file` exists and names this ERP. A profile an admin broke by hand counts as
 * naming it: its text is left alone (the editor shows its problems) and the ERP is not rebuilt.
 */
async function profileNames(file: string, driver: ErpDriverName, url: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (doc.errors.length > 0) return true;
  const erp = doc.getIn(['connections', 'erp']) as { get(k: string): unknown } | undefined;
  if (!erp || typeof erp.get !== 'function') return true;
  return erp.get('driver') === driver && erp.get('url') === url;
}
