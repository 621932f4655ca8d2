/**
 * What the engine needs of a push touchpoint's Infoplus side (each touchpoint's own operations are in
 * src/sync/touchpoints/<name>.ts), and the helpers that work on any of them: a record's id, an update body,
 * whether a found record is this ERP record's.
 */
import type { InfoplusClient, ResourceKeyField } from '../infoplus/index.js';

/** A record as Infoplus returns it (only the fields the engine reads). */
export type InfoplusRecord = Record<string, unknown>;

/** How the engine talks to Infoplus for one push touchpoint. */
export interface PushResource {
  /** Infoplus field carrying the ERP key (customerOrderNo, poNo, sku, vendorNo). */
  readonly keyField: string;
  /** Infoplus field carrying the record's own id (orderNo for orders, id elsewhere). */
  readonly idField: ResourceKeyField;
  readonly label: string;
  /** Infoplus still lets the record change only in some states (orders, ASNs). */
  readonly editable: 'always' | 'until-processed';
  create(client: InfoplusClient, payload: InfoplusRecord): Promise<InfoplusRecord>;
  update(client: InfoplusClient, payload: InfoplusRecord): Promise<void>;
  /** Finds the Infoplus record of a key: the reconciliation lookup (lowest id when duplicates exist). */
  lookup(client: InfoplusClient, lobId: number, keyValue: unknown): Promise<InfoplusRecord | null>;
  /** Every record of the line of business, page by page (reconciliation). */
  list(client: InfoplusClient, lobId: number): AsyncIterable<InfoplusRecord>;
  /** The records of many keys with one search (`keyField in (...)`), in any order; keys as sent. */
  lookupMany(client: InfoplusClient, lobId: number, keys: readonly string[]): Promise<InfoplusRecord[]>;
  /** Whether Infoplus still lets this record (as looked up) change: decided by its status, never by wording. */
  stillEditable(record: InfoplusRecord): boolean;
}

/** The Infoplus id of a record as text ("1005" for orderNo 1005). */
export function idOf(resource: PushResource, record: InfoplusRecord): string | null {
  const v = record[resource.idField];
  return v === undefined || v === null ? null : String(v);
}

/** The payload of an update: the record's key goes in the body (API.md §2). */
export function updateBody(
  resource: PushResource,
  payload: InfoplusRecord,
  infoplusId: string,
): InfoplusRecord {
  return { ...payload, [resource.idField]: Number(infoplusId) };
}

/**
 * Whether a record found in Infoplus under this record's key came from this very ERP record: every field the
 * payload sends that Infoplus returns agrees (text compared trimmed and case-blind, numbers as numbers, dates by
 * their day), and the lines carry the same SKUs. Used before adopting a record instead of creating one, so two
 * different ERP records never end up feeding one Infoplus record.
 */
export function sameRecord(payload: InfoplusRecord, found: InfoplusRecord): boolean {
  for (const [field, sent] of Object.entries(payload)) {
    if (field === 'lineItems' || field === 'customFields') continue;
    const got = found[field];
    if (got === undefined || got === null || sent === undefined || sent === null) continue;
    if (!sameValue(sent, got)) return false;
  }
  const sentLines = payload.lineItems;
  const gotLines = found.lineItems;
  if (Array.isArray(sentLines) && Array.isArray(gotLines) && gotLines.length > 0) {
    const skus = (lines: unknown[]): string =>
      lines
        .map((l) =>
          String((l as InfoplusRecord).sku ?? '')
            .trim()
            .toUpperCase(),
        )
        .sort()
        .join('\n');
    if (skus(sentLines) !== skus(gotLines)) return false;
  }
  return true;
}

function sameValue(sent: unknown, got: unknown): boolean {
  if (typeof sent === 'number' || typeof got === 'number') return Number(sent) === Number(got);
  if (typeof sent === 'boolean' || typeof got === 'boolean') return String(sent) === String(got);
  if (typeof sent === 'object' || typeof got === 'object') return true;
  const a = String(sent).trim().toUpperCase();
  const b = String(got).trim().toUpperCase();
  if (a === b) return true;
  // dates: Infoplus may return another time of day or zone for the same day
  const day = /^\d{4}-\d{2}-\d{2}/;
  return day.test(a) && day.test(b) && a.slice(0, 10) === b.slice(0, 10);
}
