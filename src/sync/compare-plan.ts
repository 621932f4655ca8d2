/**
 * How much a push compares (issue: mapping changes never reached records already synced). When the mapping a
 * touchpoint's payloads are built from changed since its last complete push (fields, SQL, lookups, time zone:
 * see mappingDigest), or `run --full` asks for it, the push reads every ERP record whatever the watermark says
 * and compares each by content hash: a record whose payload did not change costs no Infoplus call. Records
 * parked for a reason the profile decides (a mapping or ERP-data rule, a key problem) are retried, since the
 * profile change may have cured them even where their payload stayed the same.
 */
import type { ErrorCategory, PushTouchpoint } from '../contract/index.js';
import { mappingDigest } from '../domain/mapping/index.js';
import type { Profile } from '../profile/index.js';
import type { StateStore } from '../store/index.js';
import type { LoggerLike } from './types.js';

/** Parked for a rule the profile states: a profile change can cure them without changing their payload. */
const PROFILE_CURABLE: ReadonlySet<ErrorCategory> = new Set<ErrorCategory>([
  'mapping',
  'erp-data',
  'key-collision',
]);

/** What one push compares. */
export interface ComparePlan {
  /** Why this push compares everything (null: the usual incremental read). */
  readonly reason: 'full' | 'mapping-changed' | null;
  /** Read every ERP record, ignoring the watermark. */
  readonly fullCompare: boolean;
  /** Judge every record by content hash, ignoring stored source fingerprints (`--full` only). */
  readonly ignoreFingerprints: boolean;
  /** Parked records to judge again now. */
  readonly retryKeys: readonly string[];
  /** Records that the push completed with this mapping (call after the run's last write). */
  commit(): void;
}

/** Plans one push of `tp`. */
export function planCompare(
  ctx: { readonly store: StateStore; readonly logger: LoggerLike },
  profile: Profile,
  tp: PushTouchpoint,
  opts: { readonly full?: boolean } = {},
): ComparePlan {
  const digest = mappingDigest(profile, tp);
  const previous = ctx.store.touchpoints.mappingDigest(tp);
  // no digest yet: the first push, or a state folder from before digests were kept; one full compare is safe
  const reason = opts.full ? 'full' : previous !== digest ? 'mapping-changed' : null;
  const retryKeys =
    reason === null
      ? []
      : ctx.store.inbox
          .list({ touchpoint: tp, status: 'open', limit: 1_000_000 })
          .filter((i) => PROFILE_CURABLE.has(i.category))
          .map((i) => i.recordKey);
  if (reason !== null && previous !== null) {
    ctx.logger.info(
      { touchpoint: tp, reason, retried: retryKeys.length },
      reason === 'full'
        ? 'full compare asked for: every ERP record is read and compared by content'
        : 'the mapping changed since the last push: every ERP record is read and compared by content, and records parked for a mapping or data rule are tried again',
    );
  }
  return {
    reason,
    fullCompare: reason !== null,
    ignoreFingerprints: reason === 'full',
    retryKeys,
    commit: () => {
      if (previous !== digest) ctx.store.touchpoints.setMappingDigest(tp, digest);
    },
  };
}
