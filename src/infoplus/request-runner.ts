/** Runs requests through the tenant rate limiter with retries, counting everything in live stats. */
import type { LoggerLike } from '../logging/index.js';
import { InfoplusError } from './errors.js';
import type { TokenBucket } from './rate-limiter.js';
import { nextRetryDelay, sleep } from './retry.js';
import type { RetryPolicy } from './retry.js';
import type { AttemptResult, AttemptSpec, Transport } from './transport.js';

/** Live request counters of one client. */
export interface ClientStats {
  /** HTTP attempts sent (including retries). */
  requests: number;
  /** GET attempts. */
  reads: number;
  /** POST/PUT/DELETE attempts. */
  writes: number;
  /** Attempts that were retries of an earlier failed attempt. */
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
}

/** Per-call overrides. */
export interface RunOptions {
  maxRetries?: number;
}

/** Glue between transport, limiter, retry policy, stats and logger. */
export class RequestRunner {
  readonly stats: ClientStats = { requests: 0, reads: 0, writes: 0, retries: 0, rateLimited: 0 };

  constructor(
    private readonly transport: Transport,
    private readonly limiter: TokenBucket,
    private readonly policy: RetryPolicy,
    private readonly logger: LoggerLike | undefined,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** Send with rate limiting and the retry rules of retry.ts. */
  async run(spec: AttemptSpec, opts: RunOptions = {}): Promise<AttemptResult> {
    const isWrite = spec.method !== 'GET';
    const policy =
      opts.maxRetries === undefined ? this.policy : { ...this.policy, maxRetries: opts.maxRetries };
    for (let retry = 0; ; retry++) {
      await this.limiter.acquire();
      this.stats.requests++;
      if (isWrite) this.stats.writes++;
      else this.stats.reads++;
      if (retry > 0) this.stats.retries++;
      const started = Date.now();
      try {
        const result = await this.transport.send(spec);
        this.limiter.onSuccess(Date.now() - started);
        this.logger?.debug(
          {
            method: spec.method,
            path: spec.path,
            status: result.status,
            ms: Date.now() - started,
            attempt: retry + 1,
          },
          'infoplus request',
        );
        return result;
      } catch (e) {
        if (!(e instanceof InfoplusError)) throw e;
        if (e.kind === 'rate-limited') {
          this.stats.rateLimited++;
          this.limiter.onRateLimited(e.retryAfterMs);
        }
        const delay = nextRetryDelay(e, retry, isWrite, policy);
        const logData = {
          method: spec.method,
          path: spec.path,
          kind: e.kind,
          status: e.status,
          code: e.code,
          attempt: retry + 1,
          ms: Date.now() - started,
        };
        if (delay === undefined) {
          this.logger?.debug(logData, `infoplus request failed: ${e.message}`);
          throw e;
        }
        this.logger?.warn({ ...logData, retryInMs: delay }, `infoplus request will be retried: ${e.message}`);
        await this.wait(delay);
      }
    }
  }
}
