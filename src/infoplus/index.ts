/** Public surface of the Infoplus client: import from here (src/infoplus/index.js). */
export * from './filter.js';
export * from './wire-format.js';
export * from './models/generated.js';
export * from './errors.js';
export { createInfoplusClient, CLIENT_DEFAULTS } from './client.js';
export type {
  InfoplusClient,
  InfoplusClientOptions,
  ReadableResource,
  WritableResource,
  ItemResource,
  CustomerResource,
  SearchQuery,
  RateView,
} from './types.js';
export type { ClientStats } from './request-runner.js';
export { resolveBaseUrl, TENANT_HOST_SUFFIX } from './base-url.js';
export { TokenBucket, tenantLimiter, MAX_IN_FLIGHT } from './rate-limiter.js';
export type { RateMemory, RateSnapshot, RateSpec } from './rate-limiter.js';
export type { LearnedRate } from './adaptive-rate.js';
export { backoffDelay, isRetryable, nextRetryDelay } from './retry.js';
export type { RetryPolicy } from './retry.js';
export { iteratePages } from './paging.js';
export { KeepCurrent } from './resource.js';
