/** The sync engine core: import from src/sync/index.js. */
export { SyncEngine, TouchpointNotConfiguredError } from './engine.js';
export { AlreadyRunningError, isAlreadyRunning, acquireLease, type Lease } from './single-flight.js';
export { profileErpIo, type ErpIo } from './erp-io.js';
export { type PushResource } from './push-resources.js';
export {
  PULL_DEFINITIONS,
  PUSH_DEFINITIONS,
  definitionOf,
  type PullTouchpointDefinition,
  type PushTouchpointDefinition,
  type TouchpointDefinition,
} from './touchpoints/index.js';
export { cursorKindOf } from './pull-source.js';
export {
  RunAbort,
  resolveOptions,
  type EngineDeps,
  type EngineEvent,
  type EngineOptions,
  type LoggerLike,
  type RunOptions,
} from './types.js';
