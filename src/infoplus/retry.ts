/** Retry decisions and back-off: exponential with full jitter, never shorter than Retry-After. */
import type { InfoplusError } from './errors.js';

/** How the client retries. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First back-off ceiling in ms; doubles per retry. */
  readonly baseMs: number;
  /** Ceiling for one back-off. */
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside one call: the error goes to the caller. */
  readonly maxRetryAfterMs: number;
  /** Source of jitter in [0, 1). */
  readonly random: () => number;
}

/** Default policy values (maxRetries and baseMs come from the client options). */
export const DEFAULT_MAX_DELAY_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

/** Full-jitter exponential back-off for retry number `retry` (0 = first retry). */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(retry, 30));
  return Math.floor(policy.random() * ceiling);
}

/**
 * Whether an error may be retried automatically.
 * Reads: network errors, 5xx and 429. Writes: only when Infoplus certainly did not apply the request —
 * a 429 (refused) or a network failure before the request left (refused connection, DNS failure).
 */
export function isRetryable(error: InfoplusError, isWrite: boolean): boolean {
  switch (error.kind) {
    case 'rate-limited':
      return true;
    case 'network':
      return !isWrite || error.requestSent === false;
    case 'server':
      return !isWrite && error.status !== undefined && error.status >= 500;
    default:
      return false;
  }
}

/** Delay before the next attempt, or undefined when the error must not be retried now. */
export function nextRetryDelay(
  error: InfoplusError,
  retry: number,
  isWrite: boolean,
  policy: RetryPolicy,
): number | undefined {
  if (retry >= policy.maxRetries || !isRetryable(error, isWrite)) return undefined;
  // A server that let the same request time out twice is not answering: more attempts of a full timeout each
  // only keep a run silent for minutes before it can say so.
  if (error.code === 'ETIMEDOUT' && error.requestSent === true && retry >= 1) return undefined;
  const retryAfter = error.retryAfterMs;
  if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return undefined;
  return Math.max(retryAfter ?? 0, backoffDelay(retry, policy));
}

/** Promise-based sleep. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
