/**
 * What the Electron shell (electron/) uses from the engine besides the app and the contract. The shell imports
 * only src/app and src/contract (lint-enforced), so its needs are visible in one place and the layers below can
 * move without touching it.
 */
export { createDispatcher, type Dispatch } from '../server/dispatcher.js';
export { RENDERER_CSP } from '../server/security-headers.js';
export {
  EMPTY_NOTIFICATION_MEMORY,
  notifyForAlert,
  notifyForRun,
  type DesktopNotification,
  type NotificationMemory,
} from '../domain/desktop-notifications.js';
export { buildTrayMenu, toMenuTemplate, type TrayAction, type TrayView } from '../domain/tray-menu.js';
export type { SecretStore } from '../settings/secret-store.js';
export { sealedSecretStore, SecretStoreError } from '../settings/sealed-secret-store.js';
export { SettingsError, type SettingsBackend } from '../settings/backend.js';
export { writeFileAtomic } from '../settings/file-backend.js';
export { makePrivateSync, PRIVATE_FILE_MODE, scrubSettingsBackups } from '../settings/private-files.js';
