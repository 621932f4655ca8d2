/**
 * `check`'s record sample: the first N records of each push touchpoint are mapped and judged by the rules the
 * run and Infoplus apply, and every record that would be refused is listed (one record proves little: a long
 * SKU or a 2.5 quantity is usually somewhere else).
 */
import type { PushTouchpoint } from '../contract/touchpoints.js';
import { buildPayload } from '../domain/mapping/build-payload.js';
import { refusalsOf } from '../domain/mapping/record-rules.js';
import { isCancelled } from '../domain/mapping/cancel.js';
import type { ErpConnection } from '../erp/types.js';
import type { Profile } from '../profile/schema.js';
import type { SourceRow } from '../domain/mapping/types.js';
import { readPushRecords } from '../sync/profile-io.js';
import type { ProfileProblem } from '../profile/problems.js';

/** One finding (the shape of probe-erp's CheckProblem; declared here so the two modules do not import each other). */
type CheckProblem = ProfileProblem & { readonly severity: 'error' | 'warning' };

/** How many records per touchpoint: a count, or every record. */
export type SampleSize = number | 'all';

/** The default sample: enough to meet most data problems, few enough to stay quick on a big ERP. */
export const DEFAULT_SAMPLE = 200;

/** What the sample found on one touchpoint. */
export interface SampleResult {
  readonly sampled: number;
  readonly refused: number;
  /** ERP keys of the sampled records (key problems of these are listed here, not again by the key probe). */
  readonly keys: ReadonlySet<string>;
  readonly problems: CheckProblem[];
}

/** Parses `--sample`: a positive whole number or `all`. */
export function parseSampleSize(text: string): SampleSize {
  if (text.trim().toLowerCase() === 'all') return 'all';
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`--sample must be a whole number of at least 1 or "all" (got "${text}")`);
  }
  return n;
}

/**
 * Maps up to `size` records and lists each one that would be refused. Lookups against Infoplus (vendor ids)
 * are taken as found: whether they exist is the dry run's question. Mapping problems are errors (the profile
 * is wrong); data problems are warnings (an ERP user fixes the record; the run parks it meanwhile).
 */
export async function sampleRecords(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  size: SampleSize,
): Promise<SampleResult> {
  const problems: CheckProblem[] = [];
  const keys = new Set<string>();
  let sampled = 0;
  let refused = 0;
  const it = readPushRecords(erp, profile, tp);
  try {
    for await (const rec of it) {
      if (size !== 'all' && sampled >= size) break;
      sampled++;
      keys.add(rec.key);
      // a record cancelled in the ERP is never sent, so nothing in it would be refused
      if (cancelled(profile, tp, rec.header)) continue;
      const reasons = refusalsOf(tp, buildPayload(profile, tp, rec, { resolve: () => 1, tenantStandIn: 1 }));
      if (reasons.length === 0) continue;
      refused++;
      problems.push({
        path: `touchpoints.${tp}.fields`,
        message: `record ${JSON.stringify(rec.key)} would be refused: ${reasons.map((r) => `${r.field}: ${r.message}`).join('; ')}`,
        severity: reasons.some((r) => r.category === 'mapping') ? 'error' : 'warning',
      });
    }
  } finally {
    await it.return(undefined);
  }
  return { sampled, refused, keys, problems };
}

/** isCancelled, false when cancelWhen names a missing column (probePushQueries reports that once). */
function cancelled(profile: Profile, tp: PushTouchpoint, header: SourceRow): boolean {
  try {
    return isCancelled(profile, tp, header);
  } catch {
    return false;
  }
}
