import type { ZodError } from 'zod';
import { SettingsError, type SettingsBackend } from './backend.js';
import { migrateSettings, SettingsVersionError } from './migrations.js';
import { withoutInlineSecrets } from './private-files.js';
import { defaultSettings, storedSettingsSchema, type StoredSettings } from './schema.js';
import type { SecretStore } from './secret-store.js';

function firstIssue(error: ZodError): { field: string; text: string } {
  const issues = error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
  return { field: error.issues[0]?.path.join('.') ?? '', text: issues.join('; ') };
}

/** Validates a full settings document; throws SettingsError naming the bad field. */
export function validateSettings(doc: unknown, where = 'settings'): StoredSettings {
  const parsed = storedSettingsSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const { field, text } = firstIssue(parsed.error);
  throw new SettingsError(`${where}: ${text}`, field);
}

/** Loads, migrates and validates settings, and saves them back through the same back end. */
export class SettingsStore {
  private current: StoredSettings = defaultSettings();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly secrets: SecretStore,
    /** False for a read-only probe (`status`): a migration happens in memory only, nothing is written. */
    private readonly persist = true,
  ) {}

  /**
   * Reads the stored settings. An old version is migrated (a backup is kept first, lifted secrets go to the
   * SecretStore); an invalid document fails with a message naming the field and is left untouched.
   */
  async load(): Promise<StoredSettings> {
    const where = `Settings (${this.backend.location ?? 'store'})`;
    const raw = await this.backend.read();
    if (raw === undefined || raw === null) {
      this.current = defaultSettings();
      return this.current;
    }
    let migrated: ReturnType<typeof migrateSettings>;
    try {
      migrated = migrateSettings(raw);
    } catch (error) {
      if (error instanceof SettingsVersionError) {
        throw new SettingsError(
          `${where}: ${error.message}. The stored settings were left unchanged.`,
          'version',
        );
      }
      throw error;
    }
    let settings: StoredSettings;
    try {
      settings = validateSettings(migrated.doc, where);
    } catch (error) {
      if (error instanceof SettingsError) {
        throw new SettingsError(
          `${error.message}. The stored settings were left unchanged; fix them and restart.`,
          error.field,
        );
      }
      throw error;
    }
    if (migrated.fromVersion < settings.version) {
      // The secrets go to the SecretStore first; the backup keeps the old document without them.
      if (migrated.secrets.erpPassword) await this.secrets.set('erpPassword', migrated.secrets.erpPassword);
      if (migrated.secrets.infoplusApiKey)
        await this.secrets.set('infoplusApiKey', migrated.secrets.infoplusApiKey);
      if (this.persist) {
        await this.backend.backup?.(`v${migrated.fromVersion}`, withoutInlineSecrets(raw).doc);
        await this.backend.write(settings);
      }
    }
    if (this.persist) await this.backend.scrubBackups?.();
    this.current = settings;
    return settings;
  }

  /** The settings in force. */
  get(): StoredSettings {
    return this.current;
  }

  /** Puts a document in force for this process only (command-line overrides such as --config or --demo). */
  override(next: StoredSettings): StoredSettings {
    this.current = validateSettings(next);
    return this.current;
  }

  /** Validates and stores a new document; the old one stays in force when it is invalid. */
  async save(next: StoredSettings): Promise<StoredSettings> {
    const settings = validateSettings(next);
    await this.backend.write(settings);
    this.current = settings;
    return settings;
  }
}
