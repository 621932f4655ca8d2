/** Settings as the UI sees them (secrets as has-flags, effective schedules) and applying a change. */
import type { Settings, SettingsUpdate } from '../contract/dto.js';
import type { Profile } from '../profile/index.js';
import type { StoredSettings } from '../settings/index.js';
import { effectiveErp, effectiveInfoplus, effectiveSchedules } from './connections.js';
import { withoutUrlPassword } from './url-password.js';

/** The Settings DTO: what is in force, secrets reduced to hasPassword / hasApiKey. */
export function settingsDto(
  stored: StoredSettings,
  profile: Profile | null,
  opts: {
    demo: boolean;
    demoInfoplusBaseUrl?: string;
    hasPassword: boolean;
    hasApiKey: boolean;
    profilePath: string | null;
  },
): Settings {
  const conn = opts.demo ? { ...stored, erp: null, infoplus: null } : stored;
  const erp = effectiveErp(conn, profile);
  const infoplus = effectiveInfoplus(conn, profile);
  return {
    version: stored.version,
    // A URL an older version stored with a password in it is shown without it.
    erp: erp ? { ...withoutUrlPassword(erp).conn, hasPassword: opts.hasPassword } : null,
    infoplus: infoplus ? { ...infoplus, hasApiKey: opts.hasApiKey } : null,
    schedules: effectiveSchedules(stored, profile),
    quietHours: stored.quietHours,
    profilePath: opts.profilePath,
    allowPlaintextSecrets: stored.allowPlaintextSecrets,
  };
}

/** The stored document after a change (validated by the caller). Schedules merge per touchpoint. */
export function applySettingsUpdate(stored: StoredSettings, update: SettingsUpdate): StoredSettings {
  const strip = <T extends object>(v: T, key: string): T => {
    const { [key]: _drop, ...rest } = v as Record<string, unknown>;
    return rest as T;
  };
  return {
    ...stored,
    ...(update.erp !== undefined ? { erp: update.erp ? strip(update.erp, 'hasPassword') : null } : {}),
    ...(update.infoplus !== undefined
      ? { infoplus: update.infoplus ? strip(update.infoplus, 'hasApiKey') : null }
      : {}),
    ...(update.schedules ? { schedules: { ...stored.schedules, ...update.schedules } } : {}),
    ...(update.quietHours !== undefined ? { quietHours: update.quietHours } : {}),
    ...(update.profilePath !== undefined ? { profilePath: update.profilePath } : {}),
    ...(update.setupPending !== undefined ? { setupPending: update.setupPending } : {}),
  };
}

/** True when an update changes where the app connects (which ends the demo). */
export function changesConnections(update: SettingsUpdate, current: Settings): boolean {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const { hasPassword: _p, ...erpNow } = current.erp ?? { hasPassword: false };
  const { hasApiKey: _k, ...ipNow } = current.infoplus ?? { hasApiKey: false };
  const erpChanged =
    update.erp !== undefined && update.erp !== null && !same(sorted(update.erp), sorted(erpNow));
  const ipChanged =
    update.infoplus !== undefined &&
    update.infoplus !== null &&
    (update.infoplus.baseUrl !== (ipNow as { baseUrl?: string }).baseUrl ||
      update.infoplus.domain !== (ipNow as { domain?: string }).domain);
  return (
    erpChanged ||
    ipChanged ||
    (update.profilePath !== undefined && update.profilePath !== current.profilePath)
  );
}

function sorted(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined && k !== 'hasPassword') out[k] = v;
  }
  return out;
}
