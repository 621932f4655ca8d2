/** What every handler needs: the state, the clock and the account settings. */
import type { ApiVersion } from '../infoplus/wire-format.js';
import type { SimClock } from './clock.js';
import type { Variants } from './decisions.js';
import type { SimStore } from './store.js';
import type { SimRecord } from './types.js';

/** Shared state of one simulator instance. */
export interface SimContext {
  readonly store: SimStore;
  readonly clock: SimClock;
  /** Infoplus's "reject duplicate customerOrderNo" setting. */
  readonly rejectDuplicateCustomerOrderNo: boolean;
  /** The unconfirmed behaviours in force (decisions.ts VARIANTS). */
  readonly variants: Variants;
  /** Called after every change so the state file can be written. */
  readonly changed: () => void;
}

/** One API call: the context plus the API version of its path. */
export interface SimCall {
  readonly ctx: SimContext;
  readonly version: ApiVersion;
}

/** Sets values that are missing (undefined or null) from a table of defaults. */
export function applyDefaults(rec: SimRecord, defaults: Readonly<SimRecord>): void {
  for (const [k, v] of Object.entries(defaults)) if (rec[k] === undefined || rec[k] === null) rec[k] = v;
}

/** Removes null fields (an update's way of clearing them). */
export function dropNulls(rec: SimRecord): SimRecord {
  for (const k of Object.keys(rec)) if (rec[k] === null) delete rec[k];
  return rec;
}
