/** Engine dependencies, options and events. */
import type { InboxItem, RunProgress, RunSummary, RunTrigger } from '../contract/index.js';
import type { ErpConnection } from '../erp/types.js';
import type { InfoplusClient } from '../infoplus/index.js';
import type { LoggerLike } from '../logging/index.js';
import type { Profile } from '../profile/index.js';
import type { StateStore } from '../store/index.js';
import { DEFAULT_SETTLE_DELAYS_MS } from './settle.js';

/** The engine logs through the one logger type of src/logging (pino-compatible). */
export type { LoggerLike };

/** What the engine pushes to the UI. */
export type EngineEvent =
  | { readonly type: 'run-started'; readonly run: RunSummary }
  | { readonly type: 'run-progress'; readonly progress: RunProgress }
  | { readonly type: 'run-finished'; readonly run: RunSummary }
  | { readonly type: 'inbox-changed'; readonly open: number; readonly changed: readonly InboxItem[] };

/** Tuning knobs; the defaults suit a real tenant (5 req/s, ~150 ms latency). */
export interface EngineOptions {
  /**
   * Requests in flight at once. Default 'auto': the Infoplus client's rate × latency × 1.5 (Little's law,
   * bounded), so a high limit is used at any latency; 4 for a client that cannot say.
   */
  readonly concurrency?: number | 'auto';
  /** Records sent while one ERP read stays open; then the read is closed and a new pass reads again. Default 5000. */
  readonly pushBatchSize?: number;
  /** Intents written per SQLite transaction. Default 32. */
  readonly intentBatch?: number;
  /** Pull: cursor checkpoint every N records. Default 100. */
  readonly checkpointEvery?: number;
  /** Pull page size (Infoplus maximum 250). */
  readonly pullPageSize?: number;
  /**
   * Pulled records written per ERP transaction (a failing batch is split until the bad record stands alone).
   * 1 = one transaction per record. Default 100.
   */
  readonly pullBatchSize?: number;
  /** Pull overlap window for modifyDate cursors. Default 5 minutes. */
  readonly overlapMs?: number;
  /** Pull overlap for id cursors (inventory adjustments), in ids. Default 250. */
  readonly overlapIds?: number;
  /** Push: how far before the stored ERP watermark a run starts reading. Default 10 minutes. */
  readonly watermarkOverlapMs?: number;
  /** Automatic retry backoff of transient failures. Defaults 60 s doubling up to 1 h. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Attempts of one transient failure inside a run before it is parked for a later run. Default 3. */
  readonly inlineAttempts?: number;
  /** Consecutive transient failures after which a run stops (Infoplus is down). Default 20. */
  readonly maxConsecutiveTransient?: number;
  /** Lease heartbeat and staleness. Defaults 10 s / 60 s. */
  readonly heartbeatMs?: number;
  readonly leaseStaleMs?: number;
  /**
   * When a create whose answer never came is looked up again, as offsets from the moment its outcome became
   * unknown; it is sent again only if the lookup at the last offset still finds nothing. Default
   * 30 s, 2 min, 10 min (a slow Infoplus can commit minutes after our timeout).
   */
  readonly settleDelaysMs?: readonly number[];
  /**
   * How far beyond now an ERP watermark may be (clock skew between ERP and this machine) before it is refused
   * as a date in the future. Default 1 hour.
   */
  readonly watermarkToleranceMs?: number;
  /**
   * A push run stops when Infoplus accepts connections but has given no answer at all for this long (every
   * request times out): a clear message instead of minutes of silence. Default 60 s.
   */
  readonly unansweredStopMs?: number;
  /** Minimum time between run-progress events. Default 250 ms. */
  readonly progressIntervalMs?: number;
  /** Random source for jitter (tests). */
  readonly random?: () => number;
}

/** What the engine is built from. */
export interface EngineDeps {
  readonly erp: ErpConnection;
  readonly infoplus: InfoplusClient;
  readonly profile: Profile;
  readonly store: StateStore;
  readonly logger: LoggerLike;
  readonly clock?: () => Date;
  readonly onEvent?: (e: EngineEvent) => void;
  readonly options?: EngineOptions;
}

/** Options of one run. */
export interface RunOptions {
  readonly trigger: RunTrigger;
  readonly signal?: AbortSignal;
  /** Push: read every ERP record and compare it by content, whatever the watermark or fingerprints say. */
  readonly full?: boolean;
}

/** Resolved options. */
export type ResolvedOptions = Required<EngineOptions>;

/** Fills in defaults. */
export function resolveOptions(o: EngineOptions = {}): ResolvedOptions {
  return {
    concurrency: o.concurrency ?? 'auto',
    pushBatchSize: o.pushBatchSize ?? 5000,
    intentBatch: o.intentBatch ?? 32,
    checkpointEvery: o.checkpointEvery ?? 100,
    pullPageSize: o.pullPageSize ?? 250,
    pullBatchSize: Math.max(1, o.pullBatchSize ?? 100),
    overlapMs: o.overlapMs ?? 5 * 60_000,
    overlapIds: o.overlapIds ?? 250,
    watermarkOverlapMs: o.watermarkOverlapMs ?? 10 * 60_000,
    retryBaseMs: o.retryBaseMs ?? 60_000,
    retryMaxMs: o.retryMaxMs ?? 3_600_000,
    inlineAttempts: o.inlineAttempts ?? 3,
    maxConsecutiveTransient: o.maxConsecutiveTransient ?? 20,
    heartbeatMs: o.heartbeatMs ?? 10_000,
    leaseStaleMs: o.leaseStaleMs ?? 60_000,
    progressIntervalMs: o.progressIntervalMs ?? 250,
    settleDelaysMs: o.settleDelaysMs ?? DEFAULT_SETTLE_DELAYS_MS,
    watermarkToleranceMs: o.watermarkToleranceMs ?? 3_600_000,
    unansweredStopMs: o.unansweredStopMs ?? 60_000,
    random: o.random ?? Math.random,
  };
}

/** Stops the whole run (auth refused, ERP gone, Infoplus down, cancelled). */
export class RunAbort extends Error {
  constructor(
    message: string,
    readonly status: 'failed' | 'cancelled' = 'failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RunAbort';
  }
}
