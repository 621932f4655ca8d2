export { SettingsError, memorySettingsBackend, type SettingsBackend } from './backend.js';
export { fileSettingsBackend, writeFileAtomic } from './file-backend.js';
export { migrateSettings, SettingsVersionError, type ExtractedSecrets } from './migrations.js';
export { SETTINGS_VERSION, defaultSettings, storedSettingsSchema, type StoredSettings } from './schema.js';
export {
  headlessSecretStore,
  memorySecretStore,
  readThroughSecretStore,
  SECRET_ENV,
  type SecretName,
  type SecretStore,
  type HeadlessSecretStoreOptions,
} from './secret-store.js';
export { SettingsStore, validateSettings } from './settings-store.js';
export {
  ensurePrivateDir,
  ensurePrivateDirSync,
  makePrivateSync,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
} from './private-files.js';
