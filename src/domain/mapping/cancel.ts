/**
 * Profile `cancelWhen` over an ERP header row (pure): whether the ERP record is cancelled. The expression is the
 * write-back `when` language (src/domain/write-back-condition.ts) with the header's columns as its names.
 */
import type { PushTouchpoint } from '../../contract/touchpoints.js';
import { conditionNames, evalCondition, type Condition } from '../write-back-condition.js';
import { cancelConditionOf } from '../../profile/lifecycle.js';
import type { Profile } from '../../profile/index.js';
import { columnValue } from './map-field.js';
import type { SourceRow } from './types.js';

type Value = string | number | boolean | null;

const parsed = new WeakMap<object, Condition | null>();

/** The touchpoint's parsed cancelWhen, or null (parsed once per profile section). */
function conditionOf(profile: Profile, tp: PushTouchpoint): Condition | null {
  const cfg = profile.touchpoints[tp];
  if (!cfg) return null;
  let c = parsed.get(cfg);
  if (c === undefined) {
    c = cancelConditionOf(cfg);
    parsed.set(cfg, c);
  }
  return c;
}

function asValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  return String(v as { toString(): string });
}

/**
 * Whether the profile's cancelWhen holds for this header row (false without one). Throws naming the column
 * when the condition reads a column the header query does not return.
 */
export function isCancelled(profile: Profile, tp: PushTouchpoint, header: SourceRow): boolean {
  const c = conditionOf(profile, tp);
  if (c === null) return false;
  const params: Record<string, Value> = {};
  for (const name of conditionNames(c)) {
    const got = columnValue(header, name);
    if (!got.found) {
      throw new Error(
        `touchpoints.${tp}.cancelWhen: column "${name}" is not in the header query's result (columns: ${Object.keys(header).join(', ')}); select it or fix the condition`,
      );
    }
    params[name] = asValue(got.value);
  }
  return evalCondition(c, params);
}
