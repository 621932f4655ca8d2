/** What each touchpoint means on the Infoplus side: its model, key field, lines and the fields a create needs. */
import type { PullTouchpoint, PushTouchpoint, TouchpointName } from '../contract/touchpoints.js';

/** One field of an Infoplus model as the generated MODEL_FIELDS table describes it. */
export interface ModelFieldMeta {
  readonly type: string;
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly items?: string;
}
/** Model name -> field name -> meta (the shape of `MODEL_FIELDS` in src/infoplus/models/generated.ts). */
export type ModelTable = Readonly<Record<string, Readonly<Record<string, ModelFieldMeta>>>>;

/** The simple value kinds the mapping converts to. */
export type ValueKind = 'string' | 'int' | 'decimal' | 'datetime' | 'bool' | 'other';

/** Infoplus's rules for a key: longest length, a whole number (vendorNo), a SKU (Infoplus's SKU rule). */
export interface KeyRule {
  readonly maxLength?: number;
  readonly wholeNumber?: boolean;
  readonly sku?: boolean;
}

/** Infoplus side of a push touchpoint. */
export interface PushModelInfo {
  readonly model: string;
  /** Infoplus field that carries the ERP key. */
  readonly keyField: string;
  /** What Infoplus takes as the key (API.md §2), besides being non-empty without control characters. */
  readonly keyRule?: KeyRule;
  /**
   * The lines: their field, their model, the fields a line needs, the line key (the SKU a line is for: lines are
   * told apart and checked by it) and the quantity (whole, at least 1).
   */
  readonly lines?: {
    readonly field: string;
    readonly model: string;
    readonly required: readonly string[];
    readonly key: string;
    readonly quantity: string;
  };
  /** Fields a create needs (Infoplus KB minimal payloads, API.md §7); alternatives as `a|b`. */
  readonly required: readonly string[];
  /** Fields filled from `profile.infoplus` when the profile does not map them. */
  readonly fromDefaults: readonly ('lobId' | 'warehouseId')[];
  readonly lineFromDefaults: readonly ('lobId' | 'warehouseId')[];
}

/** Push touchpoints: model, key and KB-required fields. */
export const PUSH_MODELS: Readonly<Record<PushTouchpoint, PushModelInfo>> = {
  orders: {
    model: 'Order',
    keyField: 'customerOrderNo',
    lines: {
      field: 'lineItems',
      model: 'OrderLine',
      required: ['sku', 'orderedQty'],
      key: 'sku',
      quantity: 'orderedQty',
    },
    required: ['lobId', 'warehouseId', 'orderDate', 'customerNo|billToCompany'],
    fromDefaults: ['lobId', 'warehouseId'],
    lineFromDefaults: [],
  },
  asns: {
    model: 'Asn',
    keyField: 'poNo',
    keyRule: { maxLength: 40 },
    lines: {
      field: 'lineItems',
      model: 'ItemReceipt',
      required: ['sku', 'orderQuantity'],
      key: 'sku',
      quantity: 'orderQuantity',
    },
    required: ['poNo', 'lobId', 'warehouseId', 'vendorId', 'orderDate', 'type'],
    fromDefaults: ['lobId', 'warehouseId'],
    // the KB minimal ASN sends lobId on each line
    lineFromDefaults: ['lobId'],
  },
  items: {
    model: 'Item',
    keyField: 'sku',
    keyRule: { maxLength: 20, sku: true },
    required: [
      'sku',
      'lobId',
      'itemDescription',
      'status',
      'unitsPerWrap',
      'wrapCode',
      'unitCode',
      'forwardLotMixingRule',
      'storageLotMixingRule',
      'forwardItemMixingRule',
      'storageItemMixingRule',
      'allocationRule',
      'backorder',
      'chargeCode',
      'majorGroupId',
      'subGroupId',
      'hazmat',
      'secure',
      'maxCycle',
      'maxInterim',
      'seasonalItem',
    ],
    fromDefaults: ['lobId'],
    lineFromDefaults: [],
  },
  vendors: {
    model: 'Vendor',
    keyField: 'vendorNo',
    keyRule: { wholeNumber: true },
    required: ['vendorNo', 'lobId', 'name', 'street', 'city', 'state', 'zipCode', 'inactive'],
    fromDefaults: ['lobId'],
    lineFromDefaults: [],
  },
};

/** Infoplus side of a pull touchpoint: the model whose records are written back. */
export interface PullModelInfo {
  readonly model: string;
}

/** Pull touchpoints: the Infoplus model whose records are written back. */
export const PULL_MODELS: Readonly<Record<PullTouchpoint, PullModelInfo>> = {
  shipments: { model: 'Shipment' },
  'item-receipts': { model: 'ItemReceipt' },
  'inventory-adjustments': { model: 'InventoryAdjustment' },
};

/** The Infoplus model behind a touchpoint. */
export function modelOf(tp: TouchpointName): string {
  return tp in PUSH_MODELS
    ? PUSH_MODELS[tp as PushTouchpoint].model
    : PULL_MODELS[tp as PullTouchpoint].model;
}

/** Reduces a generated type description to the kind the mapping converts to. */
export function valueKind(meta: ModelFieldMeta | undefined): ValueKind {
  const t = (meta?.type ?? '').toLowerCase();
  if (t.endsWith('[]') || t.includes('array') || t.includes('map') || t.includes('object')) return 'other';
  if (t.includes('date')) return 'datetime';
  if (t.includes('int') || t === 'long') return 'int';
  if (t.includes('decimal') || t.includes('number') || t.includes('double') || t.includes('float'))
    return 'decimal';
  if (t.includes('bool')) return 'bool';
  if (t.includes('string')) return 'string';
  return 'other';
}

/** A field may be sent on create unless it is server-owned (readOnly and not required). */
export function isWritable(meta: ModelFieldMeta): boolean {
  return !meta.readOnly || meta.required === true;
}
