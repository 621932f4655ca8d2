/** The Infoplus side of each push touchpoint: which resource, which key field, how to find a record by key. */
import type { PushTouchpoint } from '../contract/index.js';
import { f, type InfoplusClient } from '../infoplus/index.js';

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
}

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

/** True when Infoplus refused an edit because the record is past the point where it may change. */
export function isNotEditableMessage(messages: readonly string[], message: string): boolean {
  const text = [message, ...messages].join(' ');
  return /no longer be (edited|changed|updated)|cannot be (edited|changed|updated|modified)|not editable|already (shipped|received)/i.test(
    text,
  );
}
