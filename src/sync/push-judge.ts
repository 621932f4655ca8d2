/** The judge of one push record: what to do with it (nothing, wait, park, or send), without writing anything. */
import type { PushTouchpoint } from '../contract/index.js';
import {
  buildPayload,
  columnValue,
  contentHash,
  pushConfig,
  storedFingerprint,
  resolveRequests,
  rowsFingerprint,
  withoutCreateOnly,
  isCancelled,
  type PushSourceRecord,
} from '../domain/mapping/index.js';
import { createOnlyOf } from '../profile/lifecycle.js';
import { refusalsOf, type Refusal } from '../domain/mapping/record-rules.js';
import type { ClassifiedError } from '../domain/error-classification.js';
import type { Profile } from '../profile/index.js';
import type { JournalEntry, StateStore } from '../store/index.js';
import { checkInfoplusKey, invalidKeyError } from './key-policy.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { Verdict } from './push-types.js';
import type { LookupResolver } from './resolver.js';

/** What the judge reads besides the record and the journal. */
export interface JudgeEnv {
  readonly profile: Profile;
  readonly resolver: Pick<LookupResolver, 'prefetch' | 'resolve' | 'tenantList'>;
  readonly fingerprintDigest?: string | null;
  /** mappingDigest, when records without a fingerprint column may be passed over on their raw rows. */
  readonly rowsDigest?: string | null;
}

/**
 * Builds the payload of one record and decides what to do with it (no Infoplus write). `journal` is the
 * record's journal row when the caller already loaded it (null = none); left out, it is looked up here.
 * With `fingerprintDigest` (see mappingDigest) a synced record whose source fingerprint is unchanged is not
 * even built.
 */
export async function judgeRecord(
  store: StateStore,
  env: JudgeEnv,
  tp: PushTouchpoint,
  rec: PushSourceRecord,
  due: ReadonlySet<string>,
  journal?: JournalEntry | null,
): Promise<Verdict> {
  const res = PUSH_DEFINITIONS[tp];
  const j = journal === undefined ? store.journal.get(tp, rec.key) : journal;
  const lookups = rec.unchangedByFingerprint ? [] : resolveRequests(env.profile, tp, rec);
  const fingerprint = sourceFingerprintOf(env, rec, lookups.length);
  const synced = j !== null && j.status === 'synced';
  if (synced && fingerprint !== null && j.sourceFingerprint === fingerprint) return { kind: 'unchanged' };
  if (rec.unchangedByFingerprint) {
    // the reader skipped its lines on the journal's word; a payload built now would lose them
    throw new Error(`${res.label} ${rec.key}: read without lines but its fingerprint no longer matches`);
  }
  if (isCancelled(env.profile, tp, rec.header)) return cancelVerdict(rec, j, due);
  if (lookups.length > 0) await env.resolver.prefetch(lookups);
  const built = buildPayload(env.profile, tp, rec, {
    resolve: env.resolver.resolve,
    tenantList: env.resolver.tenantList,
  });
  const fullHash = contentHash(built.payload);
  // createOnly fields are never sent on an update: a record Infoplus has is compared without them (a journal
  // written before they were create-only holds the full hash, which counts as well).
  const createOnly = createOnlyOf(tp, pushConfig(env.profile, tp));
  const syncedHash = createOnly ? contentHash(withoutCreateOnly(built.payload, createOnly)) : fullHash;
  const hash = j?.infoplusId ? syncedHash : fullHash;
  if (synced && (j.contentHash === syncedHash || j.contentHash === fullHash)) {
    return fingerprint === null
      ? { kind: 'unchanged' }
      : { kind: 'unchanged', refresh: { contentHash: syncedHash, sourceFingerprint: fingerprint } };
  }
  if (j && (j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash && !due.has(rec.key)) {
    // Parked and not changed since: wait for the data to change, a retry to come due, or Retry.
    return { kind: 'parked' };
  }
  if (rec.key.trim() === '') {
    // NULL or blank in the key column: the record can be neither sent nor found again; parked by itself.
    const column = pushConfig(env.profile, tp).key;
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: invalidKeyError(
        res.label,
        rec.key,
        `${res.keyField} is empty: the ERP record has no ${column}: fill it in the ERP (Infoplus could never find this record again by its key).`,
      ),
    };
  }
  if (built.problems.length > 0) {
    const first = built.problems[0]!;
    const erpData = built.problems.every((p) => p.category === 'erp-data');
    const message = `${res.label} ${rec.key}: ${built.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: {
        category: erpData ? 'erp-data' : 'mapping',
        fixBy: erpData ? 'erp-user' : 'admin',
        message,
        infoplusMessages: [],
        hint: erpData
          ? `Correct ${first.column ? `column ${first.column} of ` : ''}this record in the ERP; it is sent automatically once it changes.`
          : 'The mapping profile cannot build this field; fix the field mapping in Mappings, then press Retry.',
        transient: false,
        stopsRun: false,
        maybeApplied: false,
      },
    };
  }
  // One key policy before anything is sent: a record Infoplus could never find again is parked.
  const keyCheck = checkInfoplusKey(tp, built.payload[res.keyField]);
  if (!keyCheck.ok) {
    return {
      kind: 'problems',
      hash,
      payload: built.payload,
      error: invalidKeyError(res.label, rec.key, keyCheck.reason),
    };
  }
  // Infoplus's own record rules (SKU characters and length, whole line quantities): refused here, never sent,
  // in the same words the dry run and `check` use.
  const refused = refusalsOf(tp, { key: rec.key, payload: built.payload, problems: [] });
  if (refused.length > 0) {
    return { kind: 'problems', hash, payload: built.payload, error: refusalError(tp, rec.key, refused) };
  }
  const base = {
    key: rec.key,
    keyValue: keyCheck.key,
    canonical: keyCheck.canonical,
    payload: built.payload,
    hash,
    syncedHash,
    watermark: rec.watermark,
    fingerprint,
    namedId: namedInfoplusId(rec, pushConfig(env.profile, tp).infoplusIdColumn, tp),
  };
  const candidate = j?.infoplusId
    ? { ...base, op: 'update' as const, infoplusId: j.infoplusId }
    : { ...base, op: 'create' as const, infoplusId: null };
  return { kind: 'send', candidate };
}

/** The journal's content hash of a record cancelled in the ERP and settled in Infoplus (cancelled there too). */
export const CANCEL_SETTLED = 'cancelled-in-infoplus';

/**
 * A record the ERP cancelled: never created; one this app has a record of is deleted or reported once (again
 * when its rows change or a retry comes due), then passed over.
 */
function cancelVerdict(rec: PushSourceRecord, j: JournalEntry | null, due: ReadonlySet<string>): Verdict {
  if (j === null || (j.status === 'synced' && (j.infoplusId === null || j.contentHash === CANCEL_SETTLED)))
    return { kind: 'unchanged' };
  const hash = `cancelled:${rowsFingerprint(rec)}`;
  if ((j.status === 'failed' || j.status === 'skipped') && j.failedHash === hash && !due.has(rec.key))
    return { kind: 'parked' };
  return { kind: 'cancel', infoplusId: j.infoplusId, hash };
}

/** How the run and the dry run word a record Infoplus would refuse (`check` lists the same reasons per field). */
export function refusalMessage(tp: PushTouchpoint, recordKey: string, reasons: readonly Refusal[]): string {
  return `${PUSH_DEFINITIONS[tp].label} ${recordKey}: ${reasons.map((r) => `${r.field}: ${r.message}`).join('; ')}`;
}

/** The inbox entry of a record parked by Infoplus's record rules before anything was sent. */
function refusalError(tp: PushTouchpoint, recordKey: string, reasons: readonly Refusal[]): ClassifiedError {
  const fields = [...new Set(reasons.map((r) => r.field))].join(', ');
  return {
    category: 'erp-data',
    fixBy: 'erp-user',
    message: refusalMessage(tp, recordKey, reasons),
    infoplusMessages: [],
    hint: `Infoplus would refuse this record: correct ${fields} of this record in the ERP; it is sent automatically once it changes. Nothing was sent to Infoplus.`,
    transient: false,
    stopsRun: false,
    maybeApplied: false,
  };
}

/**
 * The fingerprint the journal would hold for this record: its fingerprint column's (under the mapping digest),
 * or, without a fingerprint column, its raw rows' (when nothing is resolved against Infoplus, the payload
 * follows from them and the mapping alone); null when neither applies.
 */
function sourceFingerprintOf(env: JudgeEnv, rec: PushSourceRecord, lookups: number): string | null {
  const fingerprint = env.fingerprintDigest
    ? storedFingerprint(env.fingerprintDigest, rec.fingerprint)
    : null;
  if (fingerprint === null && env.rowsDigest && lookups === 0 && !rec.unchangedByFingerprint) {
    return storedFingerprint(env.rowsDigest, rowsFingerprint(rec));
  }
  return fingerprint;
}

/**
 * judgeRecord's first answer, synchronously: true when the journal holds this record synced with this very
 * source fingerprint (judgeRecord would say 'unchanged' without building anything). False says nothing: the
 * record must be judged in full.
 */
export function judgedUnchanged(
  env: JudgeEnv,
  tp: PushTouchpoint,
  rec: PushSourceRecord,
  journal: JournalEntry | null,
): boolean {
  if (journal === null || journal.status !== 'synced' || journal.sourceFingerprint === null) return false;
  if (rec.unchangedByFingerprint) return false;
  const lookups = resolveRequests(env.profile, tp, rec).length;
  return journal.sourceFingerprint === sourceFingerprintOf(env, rec, lookups);
}

/**
 * The Infoplus id the ERP row names in the profile's infoplusIdColumn, as idOf writes it ("1005"), or null when
 * none is configured or the row has none. A decimal column's "1005.0" is the id 1005.
 */
export function namedInfoplusId(
  rec: PushSourceRecord,
  column: string | undefined,
  tp: PushTouchpoint,
): string | null {
  if (column === undefined) return null;
  const got = columnValue(rec.header, column);
  if (!got.found) {
    throw new Error(
      `touchpoints.${tp}.infoplusIdColumn: column "${column}" is not in the query result (columns: ${Object.keys(rec.header).join(', ')})`,
    );
  }
  const v = got.value;
  if (v === null || v === undefined) return null;
  const text = (typeof v === 'object' ? String(v as { toString(): string }) : String(v)).trim();
  if (text === '') return null;
  const whole = /^(\d+)(?:\.0*)?$/.exec(text);
  return whole ? String(Number(whole[1])) : text;
}
