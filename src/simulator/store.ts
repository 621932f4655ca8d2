/** In-memory state of the simulator: one keyed collection per resource, secondary indexes, id sequences. */
import type { ResourceKeyField } from '../infoplus/wire-format.js';
import { FIRST_ORDER_NO } from './decisions.js';
import { RESOURCE_NAMES, type ResourceName, type SimRecord } from './types.js';

/** A secondary index over one or more fields: maps `v1|v2` to the keys of the records that have it. */
export interface IndexDef {
  readonly name: string;
  readonly fields: readonly string[];
}

/** The index value of a record, or null when one of the fields is missing. */
export function indexKey(fields: readonly string[], get: (field: string) => unknown): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = get(f);
    if (v === undefined || v === null) return null;
    parts.push(String(v));
  }
  return parts.join('|');
}

/** Records of one resource keyed by `id` (or `orderNo`), in ascending key order when keys only grow. */
export class Collection {
  readonly records = new Map<number, SimRecord>();
  /** Bumped on every change; search caches compare it. */
  version = 0;
  /** False once a key was inserted below the largest key (then iteration order is not key order). */
  inKeyOrder = true;
  private maxKey = -Infinity;
  private readonly indexes = new Map<string, { def: IndexDef; map: Map<string, Set<number>> }>();

  constructor(
    readonly resource: ResourceName,
    readonly keyField: ResourceKeyField,
    defs: readonly IndexDef[] = [],
  ) {
    for (const def of defs) this.indexes.set(def.name, { def, map: new Map() });
  }

  get size(): number {
    return this.records.size;
  }

  get(key: number): SimRecord | undefined {
    return this.records.get(key);
  }

  /** Keys of the records whose index value equals `value`. */
  find(index: string, value: string): number[] {
    const ix = this.indexes.get(index);
    if (!ix) throw new Error(`no index ${index} on ${this.resource}`);
    return [...(ix.map.get(value) ?? [])];
  }

  /** The index definitions (search uses them for equality lookups). */
  indexDefs(): IndexDef[] {
    return [...this.indexes.values()].map((i) => i.def);
  }

  /** Adds or replaces a record (its key field must be set). */
  put(rec: SimRecord): void {
    const key = rec[this.keyField];
    if (typeof key !== 'number') throw new Error(`${this.resource} record without numeric ${this.keyField}`);
    const old = this.records.get(key);
    if (old) this.unindex(key, old);
    else if (key < this.maxKey) this.inKeyOrder = false;
    this.maxKey = Math.max(this.maxKey, key);
    this.records.set(key, rec);
    this.index(key, rec);
    this.version++;
  }

  remove(key: number): boolean {
    const old = this.records.get(key);
    if (!old) return false;
    this.unindex(key, old);
    this.records.delete(key);
    this.version++;
    return true;
  }

  private index(key: number, rec: SimRecord): void {
    for (const { def, map } of this.indexes.values()) {
      const k = indexKey(def.fields, (f) => rec[f]);
      if (k === null) continue;
      let set = map.get(k);
      if (!set) map.set(k, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(key: number, rec: SimRecord): void {
    for (const { def, map } of this.indexes.values()) {
      const k = indexKey(def.fields, (f) => rec[f]);
      if (k === null) continue;
      const set = map.get(k);
      set?.delete(key);
      if (set?.size === 0) map.delete(k);
    }
  }
}

function lob(name: string, field: string): IndexDef {
  return { name, fields: ['lobId', field] };
}

/** Index names used by the business rules. */
export const IX = {
  itemSku: 'lobId|sku',
  asnPoNo: 'lobId|poNo',
  customerNo: 'lobId|customerNo',
  vendorNo: 'lobId|vendorNo',
  customerOrderNo: 'lobId|customerOrderNo',
  lobCode: 'code',
  shipmentOrderNo: 'orderNo',
  orderLineOrderNo: 'orderNo',
  receiptAsnLine: 'asnLine',
  cartonOrderNo: 'orderNo',
} as const;

/** Serialised state (the state file's content). */
export interface StoreSnapshot {
  format: 'infoplus-simulator-state';
  version: 1;
  sequences: Record<string, number>;
  records: Partial<Record<ResourceName, SimRecord[]>>;
}

/** All collections plus id sequences. */
export class SimStore {
  readonly collections: Readonly<Record<ResourceName, Collection>>;
  private sequences: Record<string, number> = {};

  constructor() {
    const c = (r: ResourceName, defs: IndexDef[] = []): Collection => new Collection(r, 'id', defs);
    this.collections = {
      order: new Collection('order', 'orderNo', [
        lob(IX.customerOrderNo, 'customerOrderNo'),
        { name: 'customerOrderNo', fields: ['customerOrderNo'] },
      ]),
      asn: c('asn', [lob(IX.asnPoNo, 'poNo'), { name: 'poNo', fields: ['poNo'] }]),
      item: c('item', [lob(IX.itemSku, 'sku'), { name: 'sku', fields: ['sku'] }]),
      vendor: c('vendor', [lob(IX.vendorNo, 'vendorNo')]),
      customer: c('customer', [lob(IX.customerNo, 'customerNo')]),
      lineOfBusiness: c('lineOfBusiness', [{ name: IX.lobCode, fields: ['code'] }]),
      warehouse: c('warehouse'),
      shipment: c('shipment', [{ name: IX.shipmentOrderNo, fields: ['orderNo'] }]),
      itemReceipt: c('itemReceipt', [{ name: IX.receiptAsnLine, fields: ['asnLine'] }]),
      inventoryAdjustment: c('inventoryAdjustment'),
      quickReceipt: c('quickReceipt'),
      quickAdjustment: c('quickAdjustment'),
      orderLine: c('orderLine', [{ name: IX.orderLineOrderNo, fields: ['orderNo'] }]),
      cartonContent: c('cartonContent', [{ name: IX.cartonOrderNo, fields: ['orderNo'] }]),
      itemCategory: new Collection('itemCategory', 'internalId'),
      itemSubCategory: new Collection('itemSubCategory', 'internalId'),
      receivingCriteriaScheme: c('receivingCriteriaScheme'),
      carrier: new Collection('carrier', 'carrier'),
      customField: c('customField'),
    };
  }

  /** Next value of a named sequence (resource names, plus `orderLine`). */
  nextId(sequence: string): number {
    const start = sequence === 'order' ? FIRST_ORDER_NO : 1;
    const value = this.sequences[sequence] ?? start;
    this.sequences[sequence] = value + 1;
    return value;
  }

  /** Makes sure a sequence hands out values above `used` (seed data with explicit ids). */
  reserve(sequence: string, used: number): void {
    const start = sequence === 'order' ? FIRST_ORDER_NO : 1;
    this.sequences[sequence] = Math.max(this.sequences[sequence] ?? start, Math.floor(used) + 1);
  }

  snapshot(): StoreSnapshot {
    const records: Partial<Record<ResourceName, SimRecord[]>> = {};
    for (const name of RESOURCE_NAMES) records[name] = [...this.collections[name].records.values()];
    return { format: 'infoplus-simulator-state', version: 1, sequences: { ...this.sequences }, records };
  }

  /** Replaces everything with a snapshot (state file load). */
  restore(snap: StoreSnapshot): void {
    if (snap.format !== 'infoplus-simulator-state' || snap.version !== 1) {
      throw new Error('state file is not an infoplus-simulator state (format/version mismatch)');
    }
    for (const name of RESOURCE_NAMES) {
      const col = this.collections[name];
      for (const key of [...col.records.keys()]) col.remove(key);
      const recs = [...(snap.records[name] ?? [])];
      // Keep ascending key order so iteration order = key order.
      recs.sort((a, b) => Number(a[col.keyField]) - Number(b[col.keyField]));
      for (const rec of recs) col.put(rec);
    }
    this.sequences = { ...snap.sequences };
  }
}
