/** Infoplus simulator: a real HTTP server on loopback that behaves like the Infoplus API (see decisions.ts). */
export { startSimulator } from './simulator.js';
export { NO_FAULTS } from './faults.js';
export { DEFAULT_API_KEY } from './decisions.js';
export { RESOURCE_NAMES } from './types.js';
export type {
  AdjustOptions,
  FaultConfig,
  InfoplusSimulator,
  ReceiveOptions,
  ResourceName,
  SeedData,
  SeedShipmentsOptions,
  ShipOptions,
  SimRecord,
  SimStateView,
  SimStats,
  SimulatorOptions,
  WarehouseActivity,
} from './types.js';
