/** What the push job, its judge and its sender share (kept apart so none of them imports another for types). */
import type { ClassifiedError } from '../domain/error-classification.js';
import type { InfoplusRecord } from './push-resources.js';

interface CandidateBase {
  readonly key: string;
  /** The Infoplus key as sent (key policy applied). */
  readonly keyValue: string;
  /** The Infoplus key as compared (trimmed, upper-cased): what collisions and lookups match on. */
  readonly canonical: string;
  readonly payload: InfoplusRecord;
  readonly hash: string;
  /** The hash the journal keeps once Infoplus has the record (createOnly fields left out); default `hash`. */
  readonly syncedHash?: string;
  readonly watermark: Date | null;
  /** The source fingerprint to keep in the journal once the record is in Infoplus (null: none configured). */
  readonly fingerprint: string | null;
  /**
   * The Infoplus id the ERP row itself names (profile infoplusIdColumn), or null: a record found under the key
   * with this id is this ERP record's even when its content differs.
   */
  readonly namedId?: string | null;
}

/** A record that must be sent: created, or updated under the Infoplus id the journal holds. */
export type Candidate =
  | (CandidateBase & { readonly op: 'create'; readonly infoplusId: null })
  | (CandidateBase & { readonly op: 'update'; readonly infoplusId: string });

/** How one ERP record compares with the journal. */
export type Verdict =
  | {
      readonly kind: 'unchanged';
      /** Unchanged by content hash while the journal lacks this fingerprint: store it for the next scan. */
      readonly refresh?: { readonly contentHash: string; readonly sourceFingerprint: string };
    }
  | { readonly kind: 'parked' }
  | {
      readonly kind: 'problems';
      readonly error: ClassifiedError;
      readonly hash: string;
      readonly payload: InfoplusRecord;
    }
  | { readonly kind: 'send'; readonly candidate: Candidate }
  /**
   * Cancelled in the ERP (profile cancelWhen) while this app has a record of it: delete or report it in
   * Infoplus (infoplusId null: never in Infoplus, only its journal and inbox entries are closed).
   */
  | { readonly kind: 'cancel'; readonly infoplusId: string | null; readonly hash: string };
