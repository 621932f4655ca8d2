/** The live connections of the app (profile, ERP, Infoplus client, engine), rebuilt when settings change. */
import { readFile, stat } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { resolve } from 'node:path';
import { describeErpConfig, openErp } from '../erp/index.js';
import type { ErpConnection } from '../erp/types.js';
import { createInfoplusClient, resolveBaseUrl, type InfoplusClient } from '../infoplus/index.js';
import type { Logging } from '../logging/index.js';
import { loadProbeReport } from './probe-store.js';
import { parseProfile, ProfileError, type Profile, type ProfileProblem } from '../profile/index.js';
import { unreadableProfile } from '../profile/parse.js';
import type { SecretStore, StoredSettings } from '../settings/index.js';
import type { StateStore } from '../store/index.js';
import { SyncEngine, type EngineEvent, type EngineOptions } from '../sync/index.js';
import {
  effectiveErp,
  effectiveInfoplus,
  engineProfile,
  erpConfigOf,
  erpPassword,
  infoplusApiKey,
  profileBaseDir,
} from './connections.js';
import { MAX_PROFILE_BYTES } from './profile-location.js';
import { LearnedRates } from './learned-rates.js';

/** What the runtime needs from the app. */
export interface RuntimeDeps {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: SecretStore;
  readonly logging: Logging;
  readonly store: StateStore;
  readonly onEngineEvent: (e: EngineEvent) => void;
  readonly engineOptions?: EngineOptions;
}

/** One generation of connections; replaced as a whole on reconnect. */
export interface Connections {
  readonly profilePath: string | null;
  readonly profileText: string | null;
  readonly profile: Profile | null;
  readonly profileProblems: readonly ProfileProblem[];
  readonly erp: ErpConnection | null;
  readonly erpProblem: string | null;
  /** The ERP did not answer at all (refused, timed out, unknown host), as opposed to refusing the login. */
  readonly erpUnreachable: boolean;
  /** Where the ERP is, for messages: `host:port`, or the SQLite file. */
  readonly erpTarget: string | null;
  readonly infoplus: InfoplusClient | null;
  readonly infoplusProblem: string | null;
  readonly engine: SyncEngine | null;
  /** Everything needed to sync is there (an engine; in a probe: profile, connections and key present). */
  readonly ready: boolean;
}

/** What the runtime needs of the demo: its profile and its key. */
export interface DemoRef {
  readonly profilePath: string;
  readonly apiKey: string;
  /** The password of a demo ERP given with --url (the demo profile does not hold it). */
  readonly erpPassword?: string;
}

const EMPTY: Connections = {
  profilePath: null,
  profileText: null,
  profile: null,
  profileProblems: [],
  erp: null,
  erpProblem: null,
  erpUnreachable: false,
  erpTarget: null,
  infoplus: null,
  infoplusProblem: null,
  engine: null,
  ready: false,
};

/** Network error codes that mean nobody answered at that address (as opposed to a refused login). */
const UNREACHABLE_CODES = new Set([
  'host-unreachable',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'ESOCKET',
  'ETIMEOUT',
]);

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 3) return [];
  const e = error as { code?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [...own, ...nested.flatMap((n) => codesOf(n, depth + 1))];
}

/** True when the ERP did not answer (decided by error code, never by message wording). */
export function isUnreachable(error: unknown): boolean {
  return codesOf(error).some((c) => UNREACHABLE_CODES.has(c));
}

/** `host:port` of an ERP connection (defaults filled in), or the SQLite file path. */
export function erpTargetOf(erp: {
  readonly driver: string;
  readonly url?: string | undefined;
  readonly server?: string | undefined;
  readonly port?: number | undefined;
}): string | null {
  if (erp.driver === 'sqlserver') return erp.server ? `${erp.server}:${erp.port ?? 1433}` : null;
  if (!erp.url) return null;
  if (erp.driver === 'sqlite') return erp.url.replace(/^sqlite:(\/\/)?/i, '');
  try {
    const u = new URL(erp.url);
    return `${u.hostname}:${u.port || (erp.driver === 'postgres' ? 5432 : 3306)}`;
  } catch {
    return null;
  }
}

/** Reads the profile at a path; problems instead of a throw, so the editor can show them. */
export async function readProfile(
  path: string,
): Promise<{ text: string | null; profile: Profile | null; problems: ProfileProblem[] }> {
  const refused = (message: string) => ({ text: null, profile: null, problems: [{ path: '', message }] });
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return refused(`${path} is not a file`);
    if (info.size > MAX_PROFILE_BYTES)
      return refused(`${path} is larger than ${MAX_PROFILE_BYTES / 1024} kB: not a mapping profile`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    return refused(unreadableProfile(path, error));
  }
  // Text that is not even a YAML/JSON mapping is some other file: say so, never echo it.
  const notMapping = notAMapping(text);
  if (notMapping)
    return refused(
      `${path} is not a mapping profile (${notMapping}); fix it in a text editor, its text is not shown here`,
    );
  try {
    return { text, profile: parseProfile(text, path), problems: [] };
  } catch (error) {
    if (error instanceof ProfileError) return { text, profile: null, problems: [...error.problems] };
    throw error;
  }
}

function notAMapping(text: string): string | null {
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  // The parser's first line names the line and column, never the text there.
  if (error) return `not valid YAML/JSON: ${error.message.split('\n')[0] ?? ''}`;
  const value: unknown = doc.toJS();
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? null
    : 'not a YAML or JSON mapping';
}

/** Builds connections from settings (+ the demo, when on) and keeps the current generation. */
export class Runtime {
  private current: Connections = EMPTY;

  constructor(private readonly deps: RuntimeDeps) {}

  get connections(): Connections {
    return this.current;
  }

  /** Opens everything the settings describe; what fails is reported as a problem, not thrown. */
  async connect(settings: StoredSettings, demo: DemoRef | null, probe = false): Promise<Connections> {
    const log = this.deps.logging.logger('app');
    const profilePath = demo ? demo.profilePath : settings.profilePath ? resolve(settings.profilePath) : null;
    const conn = demo ? { ...settings, erp: null, infoplus: null } : settings;
    const read = profilePath ? await readProfile(profilePath) : { text: null, profile: null, problems: [] };
    if (read.problems.length > 0)
      log.warn({ profilePath, problems: read.problems }, 'mapping profile has problems');
    const profile = read.profile;

    let erp: ErpConnection | null = null;
    let erpProblem: string | null = null;
    let erpUnreachable = false;
    const erpSettings = effectiveErp(conn, profile);
    const erpTarget = erpSettings ? erpTargetOf(erpSettings) : null;
    if (!erpSettings) erpProblem = 'No ERP connection is set up (Settings → ERP connection).';
    else if (!probe) {
      try {
        const password = demo?.erpPassword ?? (await erpPassword(profile, this.deps.secrets, this.deps.env));
        this.deps.logging.registerSecret(password);
        const config = erpConfigOf(erpSettings, password, profileBaseDir(profilePath, this.deps.dataDir));
        erp = await openErp(config);
        log.info({ erp: describeErpConfig(config) }, 'ERP connected');
      } catch (error) {
        erpProblem = `ERP connection failed: ${(error as Error).message}`;
        erpUnreachable = isUnreachable(error);
        log.error({ err: error }, 'ERP connection failed');
      }
    }

    let infoplus: InfoplusClient | null = null;
    let infoplusProblem: string | null = null;
    const ipSettings = effectiveInfoplus(conn, profile);
    const apiKey = demo ? demo.apiKey : await infoplusApiKey(profile, this.deps.secrets, this.deps.env);
    this.deps.logging.registerSecret(apiKey);
    if (!ipSettings || (!ipSettings.domain && !ipSettings.baseUrl)) {
      infoplusProblem = 'No Infoplus connection is set up (Settings → Infoplus).';
    } else if (!apiKey) {
      infoplusProblem = 'No Infoplus API key is set (Settings → Infoplus, or the INFOPLUS_API_KEY variable).';
    } else if (!probe) {
      try {
        const target = {
          ...(ipSettings.domain ? { domain: ipSettings.domain } : {}),
          ...(ipSettings.baseUrl ? { baseUrl: ipSettings.baseUrl } : {}),
        };
        // A tenant's rate is found by itself under the configured ceiling and remembered per tenant; the
        // demo's in-process simulator has no limit to find and runs at its fixed rate.
        const tenant = resolveBaseUrl(target);
        // What `probe-infoplus` / Check Infoplus found about this tenant (filter spelling), if it ran.
        const findings = await loadProbeReport(this.deps.dataDir, tenant);
        const rates = new LearnedRates(this.deps.dataDir);
        const pace = demo
          ? { requestsPerSecond: ipSettings.requestsPerSecond }
          : {
              adaptiveRate: {
                ceiling: ipSettings.requestsPerSecond,
                learned: rates.get(tenant),
                memory: rates.memory(tenant),
              },
            };
        infoplus = createInfoplusClient({
          ...target,
          apiVersion: ipSettings.apiVersion,
          apiKey,
          ...pace,
          ...(findings ? { filterOperators: findings.adapt.filterOperators } : {}),
          logger: this.deps.logging.logger('infoplus'),
        });
      } catch (error) {
        infoplusProblem = `Infoplus settings are not usable: ${(error as Error).message}`;
      }
    }

    const engine =
      profile && erp && infoplus
        ? new SyncEngine({
            erp,
            infoplus,
            profile: engineProfile(profile, conn),
            store: this.deps.store,
            logger: this.deps.logging.logger('engine'),
            onEvent: this.deps.onEngineEvent,
            options: this.deps.engineOptions,
          })
        : null;
    const previous = this.current;
    this.current = {
      profilePath,
      profileText: read.text,
      profile,
      profileProblems: read.problems,
      erp,
      erpProblem,
      erpUnreachable,
      erpTarget,
      infoplus,
      infoplusProblem,
      engine,
      ready:
        engine !== null || (probe && profile !== null && erpProblem === null && infoplusProblem === null),
    };
    return previous;
  }

  /** Closes a generation's ERP connection (after its runs ended). */
  static async release(gen: Connections): Promise<void> {
    await gen.erp?.close().catch(() => undefined);
  }

  /** Closes the current generation. */
  async close(): Promise<void> {
    const gen = this.current;
    this.current = EMPTY;
    await Runtime.release(gen);
  }
}
