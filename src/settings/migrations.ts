/** Numbered settings migrations: each turns version N into N+1 and may lift secrets out of the document. */
import { PULL_TOUCHPOINTS, PUSH_TOUCHPOINTS } from '../contract/touchpoints.js';
import { SETTINGS_VERSION } from './schema.js';

/** Secrets found in an old document; the caller moves them into the SecretStore. */
export interface ExtractedSecrets {
  erpPassword?: string;
  infoplusApiKey?: string;
}

type Doc = Record<string, unknown>;
type Migration = (doc: Doc, secrets: ExtractedSecrets) => Doc;

function obj(v: unknown): Doc | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : null;
}

/**
 * v1 (first preview): one `syncIntervalMinutes` for every touchpoint, and the ERP password / API key kept
 * in the file. v2: a schedule per touchpoint, quiet hours, secrets moved to the SecretStore.
 */
function v1ToV2(doc: Doc, secrets: ExtractedSecrets): Doc {
  const { syncIntervalMinutes, pullIntervalMinutes, ...rest } = doc;
  const erp = obj(rest.erp);
  if (erp && typeof erp.password === 'string') {
    secrets.erpPassword = erp.password;
    delete erp.password;
  }
  const infoplus = obj(rest.infoplus);
  if (infoplus && typeof infoplus.apiKey === 'string') {
    secrets.infoplusApiKey = infoplus.apiKey;
    delete infoplus.apiKey;
  }
  const schedules: Doc = {};
  const push = typeof syncIntervalMinutes === 'number' ? syncIntervalMinutes : null;
  const pull = typeof pullIntervalMinutes === 'number' ? pullIntervalMinutes : push;
  if (push) for (const tp of PUSH_TOUCHPOINTS) schedules[tp] = { enabled: true, intervalMinutes: push };
  if (pull) for (const tp of PULL_TOUCHPOINTS) schedules[tp] = { enabled: true, intervalMinutes: pull };
  return { ...rest, version: 2, schedules, quietHours: null, allowPlaintextSecrets: false };
}

/** MIGRATIONS[n] migrates version n to n+1. */
const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2 };

/** A settings document this build cannot read, with a reason that names the version. */
export class SettingsVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsVersionError';
  }
}

/** Brings a raw document up to the current version; a document without a version is version 1. */
export function migrateSettings(raw: unknown): { doc: Doc; fromVersion: number; secrets: ExtractedSecrets } {
  const input = obj(raw);
  if (!input) throw new SettingsVersionError('the settings document is not an object');
  let doc: Doc = structuredClone(input);
  const fromVersion = doc.version === undefined ? 1 : doc.version;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 1) {
    throw new SettingsVersionError(`version: ${JSON.stringify(doc.version)} is not a settings version`);
  }
  if (fromVersion > SETTINGS_VERSION) {
    throw new SettingsVersionError(
      `version: ${fromVersion} was written by a newer Infoplus ERP Sync (this one reads up to ${SETTINGS_VERSION}); update the app`,
    );
  }
  const secrets: ExtractedSecrets = {};
  for (let v = fromVersion; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new SettingsVersionError(`no migration from settings version ${v}`);
    doc = step(doc, secrets);
  }
  return { doc, fromVersion, secrets };
}
