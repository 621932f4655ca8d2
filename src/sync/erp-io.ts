/** The ERP side the engine needs, as one port: D's profile-driven reader and writers, or a test double. */
import type { PullTouchpoint, PushTouchpoint } from '../contract/index.js';
import type { PushSourceRecord } from '../domain/mapping/index.js';
import type { ErpConnection } from '../erp/types.js';
import type { Profile } from '../profile/index.js';
import {
  applyPushResult,
  applyWriteBack,
  applyWriteBacks,
  readFingerprints,
  readPushBatches,
  readPushRecords,
  type ReadPushOptions,
} from './profile-io.js';

/** Reading push records and writing pulled records / after-push statements through the profile. */
export interface ErpIo {
  readPushRecords(
    erp: ErpConnection,
    profile: Profile,
    tp: PushTouchpoint,
    opts?: ReadPushOptions,
  ): AsyncIterable<PushSourceRecord>;
  /**
   * The same records in arrays (optional; a full scan then pays a promise per batch, not per record). Without
   * it, readers group readPushRecords themselves.
   */
  readPushBatches?(
    erp: ErpConnection,
    profile: Profile,
    tp: PushTouchpoint,
    opts?: ReadPushOptions,
  ): AsyncIterable<PushSourceRecord[]>;
  /** source.fingerprints: every record's key and fingerprint. */
  readFingerprints(
    erp: ErpConnection,
    profile: Profile,
    tp: PushTouchpoint,
    opts?: { signal?: AbortSignal },
  ): AsyncIterable<{ key: string; fingerprint: string | null }>;
  applyWriteBack(erp: ErpConnection, profile: Profile, tp: PullTouchpoint, record: object): Promise<void>;
  /**
   * Writes several pulled records (write-back units) in ONE ERP transaction, each with its own statements in
   * order; any failure rolls back all of them. Optional: without it the engine writes one record at a time.
   */
  applyWriteBacks?(
    erp: ErpConnection,
    profile: Profile,
    tp: PullTouchpoint,
    records: readonly object[],
  ): Promise<void>;
  /** Runs the profile's afterPush statements (e.g. store the Infoplus orderNo in the ERP) in one transaction. */
  afterPush(
    erp: ErpConnection,
    profile: Profile,
    tp: PushTouchpoint,
    key: string,
    created: Readonly<Record<string, unknown>>,
  ): Promise<void>;
}

/** The profile-driven ERP reader/writers of src/sync/profile-io.ts. */
export const profileErpIo: ErpIo = {
  readPushRecords: (erp, profile, tp, opts) => readPushRecords(erp, profile, tp, opts ?? {}),
  readPushBatches: (erp, profile, tp, opts) => readPushBatches(erp, profile, tp, opts ?? {}),
  readFingerprints: (erp, profile, tp, opts) => readFingerprints(erp, profile, tp, opts ?? {}),
  applyWriteBack: (erp, profile, tp, record) => applyWriteBack(erp, profile, tp, record),
  applyWriteBacks: (erp, profile, tp, records) => applyWriteBacks(erp, profile, tp, records),
  afterPush: (erp, profile, tp, key, created) => applyPushResult(erp, profile, tp, key, created),
};
