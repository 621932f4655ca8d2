/** The Infoplus side of each push touchpoint: which resource, which key field, how to find a record by key. */
import type { PushTouchpoint } from '../contract/index.js';
import { f, type InfoplusClient, type SearchQuery } from '../infoplus/index.js';

/** A record as Infoplus returns it (only the fields the engine reads). */
export type InfoplusRecord = Record<string, unknown>;

/** How the engine talks to Infoplus for one push touchpoint. */
export interface PushResource {
  /** Infoplus field carrying the ERP key (customerOrderNo, poNo, sku, vendorNo). */
  readonly keyField: string;
  /** Infoplus field carrying the record's own id (orderNo for orders, id elsewhere). */
  readonly idField: 'orderNo' | 'id';
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

/** Order statuses in which Infoplus lets an order change (API.md §7: Pending, On Order; later ones are work). */
const EDITABLE_ORDER_STATUSES = new Set(['PENDING', 'ON ORDER']);

/** Keys per `in` search: well under the 250-record page, with room for back-order children. */
export const LOOKUP_MANY_CHUNK = 50;

const searchIn =
  (
    pick: (c: InfoplusClient) => { search(q: SearchQuery): Promise<unknown[]> },
    field: string,
    value: (k: string) => string | number,
  ) =>
  async (c: InfoplusClient, lobId: number, keys: readonly string[]): Promise<InfoplusRecord[]> => {
    const out: InfoplusRecord[] = [];
    for (let i = 0; i < keys.length; i += LOOKUP_MANY_CHUNK) {
      const chunk = [...new Set(keys.slice(i, i + LOOKUP_MANY_CHUNK).map(value))];
      const rows = await pick(c).search({
        filter: f.and(f.eq('lobId', lobId), f.in(field, chunk)),
        limit: 250,
      });
      for (const r of rows) out.push(asRecord(r));
    }
    return out;
  };

const asRecord = (r: unknown): InfoplusRecord => r as InfoplusRecord;

const lowest =
  (idField: string) =>
  (rows: readonly unknown[]): InfoplusRecord | null => {
    let best: InfoplusRecord | null = null;
    for (const row of rows) {
      const r = asRecord(row);
      if (best === null || Number(r[idField]) < Number(best[idField])) best = r;
    }
    return best;
  };

/** Per-touchpoint Infoplus operations. */
export const PUSH_RESOURCES: Readonly<Record<PushTouchpoint, PushResource>> = {
  vendors: {
    keyField: 'vendorNo',
    idField: 'id',
    label: 'vendor',
    editable: 'always',
    create: async (c, p) => asRecord(await c.vendor.create(p)),
    update: (c, p) => c.vendor.update(p),
    list: (c, lobId) =>
      c.vendor.iterate({ filter: f.eq('lobId', lobId), sort: 'id' }) as AsyncIterable<InfoplusRecord>,
    lookupMany: searchIn(
      (c) => c.vendor,
      'vendorNo',
      (k) => Number(k),
    ),
    stillEditable: () => true,
    lookup: async (c, lobId, key) =>
      lowest('id')(
        await c.vendor.search({
          filter: f.and(f.eq('lobId', lobId), f.eq('vendorNo', Number(key))),
          limit: 20,
        }),
      ),
  },
  items: {
    keyField: 'sku',
    idField: 'id',
    label: 'item',
    editable: 'always',
    create: async (c, p) => asRecord(await c.item.create(p)),
    update: (c, p) => c.item.update(p),
    list: (c, lobId) =>
      c.item.iterate({ filter: f.eq('lobId', lobId), sort: 'id' }) as AsyncIterable<InfoplusRecord>,
    lookupMany: searchIn(
      (c) => c.item,
      'sku',
      (k) => k.trim().toUpperCase(),
    ),
    stillEditable: () => true,
    // Infoplus upper-cases SKUs on create.
    lookup: async (c, lobId, key) => {
      const item = await c.item.getBySKU(lobId, String(key).trim().toUpperCase());
      return item ? asRecord(item) : null;
    },
  },
  asns: {
    keyField: 'poNo',
    idField: 'id',
    label: 'purchase order (ASN)',
    editable: 'until-processed',
    create: async (c, p) => asRecord(await c.asn.create(p)),
    update: (c, p) => c.asn.update(p),
    list: (c, lobId) =>
      c.asn.iterate({ filter: f.eq('lobId', lobId), sort: 'id' }) as AsyncIterable<InfoplusRecord>,
    lookupMany: searchIn(
      (c) => c.asn,
      'poNo',
      (k) => k,
    ),
    // An ASN stops taking edits once receiving began (a line with a received quantity) or it left Open.
    stillEditable: (r) =>
      (r.status === undefined || String(r.status).toUpperCase() === 'OPEN') &&
      !(Array.isArray(r.lineItems) ? r.lineItems : []).some(
        (l) => Number((l as InfoplusRecord).receivedQuantity ?? 0) > 0,
      ),
    lookup: async (c, lobId, key) =>
      lowest('id')(
        await c.asn.search({ filter: f.and(f.eq('lobId', lobId), f.eq('poNo', String(key))), limit: 20 }),
      ),
  },
  orders: {
    keyField: 'customerOrderNo',
    idField: 'orderNo',
    label: 'sales order',
    editable: 'until-processed',
    create: async (c, p) => asRecord(await c.order.create(p)),
    update: (c, p) => c.order.update(p),
    list: (c, lobId) =>
      c.order.iterate({ filter: f.eq('lobId', lobId), sort: 'orderNo' }) as AsyncIterable<InfoplusRecord>,
    lookupMany: searchIn(
      (c) => c.order,
      'customerOrderNo',
      (k) => k,
    ),
    stillEditable: (r) => EDITABLE_ORDER_STATUSES.has(String(r.status ?? 'Pending').toUpperCase()),
    lookup: async (c, lobId, key) =>
      lowest('orderNo')(
        await c.order.search({
          filter: f.and(f.eq('lobId', lobId), f.eq('customerOrderNo', String(key))),
          sort: 'orderNo',
          limit: 20,
        }),
      ),
  },
};

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

/**
 * The records this payload refers to that Infoplus does not have (line SKUs, the ASN's vendor), looked up:
 * how "waiting for a referenced item or vendor" is decided, never by Infoplus's wording.
 */
export async function missingReferences(
  c: InfoplusClient,
  lobId: number,
  payload: InfoplusRecord,
): Promise<string[]> {
  const missing: string[] = [];
  const lines = Array.isArray(payload.lineItems) ? (payload.lineItems as InfoplusRecord[]) : [];
  const skus = [
    ...new Set(lines.map((l) => l.sku).filter((s) => typeof s === 'string' && s.trim() !== '')),
  ].map((s) => String(s).trim().toUpperCase());
  if (skus.length > 0) {
    const found = new Set(
      (await PUSH_RESOURCES.items.lookupMany(c, lobId, skus)).map((r) =>
        String(r.sku ?? '')
          .trim()
          .toUpperCase(),
      ),
    );
    for (const s of skus) if (!found.has(s)) missing.push(`item ${s}`);
  }
  const vendorId = payload.vendorId;
  if (typeof vendorId === 'number') {
    const rows = await c.vendor.search({ filter: f.eq('id', vendorId), limit: 1 });
    if (rows.length === 0) missing.push(`vendor id ${vendorId}`);
  }
  return missing;
}
