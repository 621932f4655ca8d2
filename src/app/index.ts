/** The app composition root: import from src/app/index.js. */
export { createApp, type App, type CreateAppOptions } from './create-app.js';
export { AppError } from './app-error.js';
export { defaultDataDir } from './data-dir.js';
export { DEMO_API_KEY, startDemo, type DemoEnvironment, type DemoOptions } from './demo-env.js';
export { describeRun } from './status.js';
export {
  headlessSecretStore,
  memorySecretStore,
  fileSettingsBackend,
  memorySettingsBackend,
  SettingsError,
  type SecretStore,
  type SettingsBackend,
} from '../settings/index.js';
