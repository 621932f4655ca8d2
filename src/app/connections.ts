/** Which connections and schedules are in force: the admin's settings win, the profile fills the rest. */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ScheduleSettings } from '../contract/dto.js';
import { TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import type { ErpConfig } from '../erp/types.js';
import { DEFAULT_CEILING } from '../infoplus/adaptive-rate.js';
import type { Profile } from '../profile/index.js';
import type { SecretStore } from '../settings/index.js';
import type { StoredSettings } from '../settings/index.js';

type ErpSettings = NonNullable<StoredSettings['erp']>;
type InfoplusSettings = NonNullable<StoredSettings['infoplus']>;

/** Options for the Infoplus client that do not depend on the client module's own types. */
export interface InfoplusTarget {
  readonly domain?: string;
  readonly baseUrl?: string;
  readonly apiVersion: 'v3.0' | 'beta';
  readonly requestsPerSecond: number;
  readonly apiKey: string | null;
}

/** The ERP connection in force (without password) and where relative SQLite paths are anchored. */
export function effectiveErp(settings: StoredSettings, profile: Profile | null): ErpSettings | null {
  if (settings.erp) return settings.erp;
  const p = profile?.connections?.erp;
  if (!p) return null;
  const { passwordEnv: _env, ...rest } = p;
  return rest;
}

/** The Infoplus connection in force (without key). */
export function effectiveInfoplus(
  settings: StoredSettings,
  profile: Profile | null,
): InfoplusSettings | null {
  if (settings.infoplus) return settings.infoplus;
  const p = profile?.connections?.infoplus;
  if (!p) return null;
  return {
    ...(p.domain ? { domain: p.domain } : {}),
    ...(p.baseUrl ? { baseUrl: p.baseUrl } : {}),
    apiVersion: p.apiVersion,
    // the ceiling of the adaptive rate
    requestsPerSecond: p.requestsPerSecond ?? DEFAULT_CEILING,
    ...(profile ? { lobId: profile.infoplus.lobId, warehouseId: profile.infoplus.warehouseId } : {}),
  };
}

/** The ERP password: the profile's named variable, else the SecretStore (which reads ERP_PASSWORD first). */
export async function erpPassword(
  profile: Profile | null,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const named = profile?.connections?.erp?.passwordEnv;
  if (named && env[named]) return env[named] as string;
  return secrets.get('erpPassword');
}

/** The API key: the profile's named variable, else the SecretStore (which reads INFOPLUS_API_KEY first). */
export async function infoplusApiKey(
  profile: Profile | null,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const named = profile?.connections?.infoplus?.apiKeyEnv;
  if (named && env[named]) return env[named] as string;
  return secrets.get('infoplusApiKey');
}

/** Driver config for openErp; a relative SQLite path is read from the profile's folder (or the data folder). */
export function erpConfigOf(conn: ErpSettings, password: string | null, baseDir: string): ErpConfig {
  const pw = password ?? undefined;
  if (conn.driver === 'sqlserver') {
    return { ...conn, driver: 'sqlserver', ...(pw ? { password: pw } : {}) };
  }
  let url = conn.url ?? '';
  if (conn.driver === 'sqlite') {
    const path = url.replace(/^sqlite:(\/\/)?/i, '');
    if (path && path !== ':memory:' && !isAbsolute(path)) url = resolve(baseDir, path);
  }
  if (!url) throw new Error(`The ${conn.driver} connection needs a URL (Settings → ERP connection)`);
  return { driver: conn.driver, url, ...(pw ? { password: pw } : {}) };
}

/**
 * Folder that relative paths in the profile are read from: the profile's own folder, except for profiles the
 * app keeps in `<dataDir>/profiles/`, whose relative paths stay relative to the data folder (where the app
 * kept its profile before, so a saved profile's `erp.sqlite` still means `<dataDir>/erp.sqlite`).
 */
export function profileBaseDir(profilePath: string | null, dataDir: string): string {
  if (!profilePath) return dataDir;
  const dir = dirname(resolve(profilePath));
  return dir === join(resolve(dataDir), 'profiles') ? resolve(dataDir) : dir;
}

/** The schedule of every touchpoint: the admin's setting, else the profile's, else manual only. */
export function effectiveSchedules(
  settings: StoredSettings,
  profile: Profile | null,
): Record<TouchpointName, ScheduleSettings> {
  const out = {} as Record<TouchpointName, ScheduleSettings>;
  for (const tp of TOUCHPOINTS) {
    const own = settings.schedules[tp];
    const fromProfile = profile?.touchpoints[tp];
    if (own) out[tp] = own;
    else if (fromProfile?.schedule) {
      const s = fromProfile.schedule;
      out[tp] = {
        enabled: fromProfile.enabled !== false,
        ...('continuous' in s ? { continuousSeconds: s.continuous.everySeconds } : s),
      };
    } else out[tp] = { enabled: false };
  }
  return out;
}

/** True when the profile maps the touchpoint and does not switch it off. */
export function touchpointEnabled(profile: Profile | null, tp: TouchpointName): boolean {
  const t = profile?.touchpoints[tp];
  return !!t && t.enabled !== false;
}

/** The profile the engine gets: the admin's line of business and warehouse (from settings) win. */
export function engineProfile(profile: Profile, settings: StoredSettings): Profile {
  const lobId = settings.infoplus?.lobId ?? profile.infoplus.lobId;
  const warehouseId = settings.infoplus?.warehouseId ?? profile.infoplus.warehouseId;
  if (lobId === profile.infoplus.lobId && warehouseId === profile.infoplus.warehouseId) return profile;
  return { ...profile, infoplus: { ...profile.infoplus, lobId, warehouseId } };
}
