/** The live connections of the app (profile, ERP, Infoplus client, engine), rebuilt when settings change. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeErpConfig, openErp } from '../erp/index.js';
import type { ErpConnection } from '../erp/types.js';
import { createInfoplusClient, type InfoplusClient } from '../infoplus/index.js';
import type { Logging } from '../logging/index.js';
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
}

const EMPTY: Connections = {
  profilePath: null,
  profileText: null,
  profile: null,
  profileProblems: [],
  erp: null,
  erpProblem: null,
  infoplus: null,
  infoplusProblem: null,
  engine: null,
  ready: false,
};

/** Reads the profile at a path; problems instead of a throw, so the editor can show them. */
export async function readProfile(
  path: string,
): Promise<{ text: string | null; profile: Profile | null; problems: ProfileProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { text: null, profile: null, problems: [{ path: '', message: unreadableProfile(path, error) }] };
  }
  try {
    return { text, profile: parseProfile(text, path), problems: [] };
  } catch (error) {
    if (error instanceof ProfileError) return { text, profile: null, problems: [...error.problems] };
    throw error;
  }
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
    const erpSettings = effectiveErp(conn, profile);
    if (!erpSettings) erpProblem = 'No ERP connection is set up (Settings → ERP connection).';
    else if (!probe) {
      try {
        const password = await erpPassword(profile, this.deps.secrets, this.deps.env);
        this.deps.logging.registerSecret(password);
        const config = erpConfigOf(erpSettings, password, profileBaseDir(profilePath, this.deps.dataDir));
        erp = await openErp(config);
        log.info({ erp: describeErpConfig(config) }, 'ERP connected');
      } catch (error) {
        erpProblem = `ERP connection failed: ${(error as Error).message}`;
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
        infoplus = createInfoplusClient({
          ...(ipSettings.domain ? { domain: ipSettings.domain } : {}),
          ...(ipSettings.baseUrl ? { baseUrl: ipSettings.baseUrl } : {}),
          apiVersion: ipSettings.apiVersion,
          apiKey,
          requestsPerSecond: ipSettings.requestsPerSecond,
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
            ...(this.deps.engineOptions ? { options: this.deps.engineOptions } : {}),
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
