/** The inbox as the UI shows it: each parked record with its real cause and when a run will really retry it. */
import type { InboxCause, InboxItem } from '../contract/dto.js';
import { TOUCHPOINT_DEPENDENCIES, type TouchpointName } from '../contract/touchpoints.js';
import { nextRunTime, type SchedulePlan } from '../domain/schedule.js';
import type { QuietHours } from '../contract/dto.js';

/** What the view needs: who is in Infoplus (the journal), and the scheduler's own plan. */
export interface InboxViewDeps {
  /** SKUs among these that this app has put in Infoplus (linked to an Infoplus id). */
  readonly itemsInInfoplus: (skus: readonly string[]) => ReadonlySet<string>;
  /** SKUs among these that the items touchpoint has read from the ERP (synced or not). */
  readonly itemsKnown: (skus: readonly string[]) => ReadonlySet<string>;
  /** The items touchpoint has run at least once (so an unknown SKU is not among the ERP's items). */
  readonly itemsEverRan: () => boolean;
  readonly nextRunAt: (tp: TouchpointName) => Date | null;
  readonly plan: (tp: TouchpointName) => SchedulePlan;
  readonly quietHours: () => QuietHours | null;
}

/** The SKUs an order or ASN payload names on its lines. */
export function skusOf(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const lines = (payload as { lineItems?: unknown }).lineItems;
  if (!Array.isArray(lines)) return [];
  const out = new Set<string>();
  for (const line of lines) {
    const sku = (line as { sku?: unknown } | null)?.sku;
    if (typeof sku === 'string' && sku !== '') out.add(sku);
    else if (typeof sku === 'number') out.add(String(sku));
  }
  return [...out];
}

function causeOf(item: InboxItem, deps: InboxViewDeps): InboxCause {
  if (item.category === 'auth') return { kind: 'auth' };
  if (item.category === 'connection' || item.category === 'rate-limit') return { kind: 'transient' };
  if (TOUCHPOINT_DEPENDENCIES[item.touchpoint].includes('items') && item.category === 'infoplus-validation') {
    const skus = skusOf(item.payload);
    const present = deps.itemsInInfoplus(skus);
    const missing = skus.filter((s) => !present.has(s));
    if (missing.length > 0) {
      const known = deps.itemsKnown(missing);
      const unknown = deps.itemsEverRan() ? missing.filter((s) => !known.has(s)) : [];
      // A SKU the ERP's items do not have is the order's own problem; syncing items cannot fix it.
      if (unknown.length > 0) return { kind: 'unknown-items', skus: unknown };
      return { kind: 'missing-items', skus: missing };
    }
  }
  return { kind: 'other' };
}

/**
 * The first scheduled run of the touchpoint at or after the record's retry time: a record is only sent again
 * when its touchpoint runs, so that is the true time. Null when the touchpoint runs by hand only (or paused).
 */
export function retryRunAt(item: InboxItem, deps: InboxViewDeps): string | null {
  if (item.status !== 'retrying' || !item.nextRetryAt) return null;
  const due = Date.parse(item.nextRetryAt);
  let at = deps.nextRunAt(item.touchpoint);
  const plan = deps.plan(item.touchpoint);
  for (let i = 0; at && at.getTime() < due && i < 10_000; i++) {
    at = nextRunTime(plan, at, deps.quietHours());
  }
  return at ? at.toISOString() : null;
}

/** Adds cause and true retry time to each item. */
export function inboxView(items: readonly InboxItem[], deps: InboxViewDeps): InboxItem[] {
  return items.map((item) => ({
    ...item,
    cause: causeOf(item, deps),
    retryRunAt: retryRunAt(item, deps),
  }));
}
