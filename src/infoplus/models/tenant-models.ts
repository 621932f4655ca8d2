/**
 * Models of the read-only tenant resources the sync reads besides the eleven generated ones (API.md §12):
 * carton contents, the tenant's item categories, sub-categories, receiving criteria schemes, carriers and
 * custom-field definitions. Written by hand from Infoplus's JavaScript client docs (`docs/CartonContent.md`,
 * `docs/ItemCategory.md`, `docs/ItemSubCategory.md`, `docs/Carrier.md`, `docs/CustomField.md`), same shape
 * as MODEL_FIELDS. ReceivingCriteriaScheme has no published model here: its fields are an inference
 * (`id`, `lobId`, `name`), enough to list the ids an item may reference.
 */
import type { FieldSpec } from './generated.js';

const opt = (type: FieldSpec['type'], readOnly = true): FieldSpec => ({ type, required: false, readOnly });
const req = (type: FieldSpec['type'], readOnly = false): FieldSpec => ({ type, required: true, readOnly });

/** Carton content: which order line's quantity went into which carton. */
export interface CartonContent {
  id?: number;
  groupOrderId?: number;
  orderNo?: number;
  cartonNo?: number;
  cartonId?: number;
  lineItemId?: number;
  location?: string;
  quantity?: number;
  quantityScanned?: number;
  completed?: string;
  toteId?: string;
  pickerId?: string;
  status?: string;
  customFields?: Record<string, unknown>;
}

/** Item category (Item.majorGroupId) or sub-category (Item.subGroupId); the numeric key is `internalId`. */
export interface ItemCategory {
  lobId?: number;
  internalId?: number;
  /** A short code (string), not the number an item references. */
  id?: string;
  name?: string;
  customFields?: Record<string, unknown>;
}

/** Receiving criteria scheme (Item.receivingCriteriaSchemeId). */
export interface ReceivingCriteriaScheme {
  id?: number;
  lobId?: number;
  name?: string;
}

/** Carrier (the numeric key is `carrier`). */
export interface Carrier {
  carrier?: number;
  label?: string;
  scac?: string;
}

/** Custom field definition of the account. */
export interface CustomField {
  id?: number;
  createDate?: string;
  modifyDate?: string;
  name?: string;
  label?: string;
  enabled?: boolean;
  fieldType?: string;
  searchable?: boolean;
  tooltip?: string;
  tabLabel?: string;
  /** Which records it applies to, e.g. `Order`, `Item` (the model name). */
  recordType?: string;
  customFields?: Record<string, unknown>;
}

/** Model names of the tenant resources. */
export type TenantModelName =
  | 'CartonContent'
  | 'ItemCategory'
  | 'ItemSubCategory'
  | 'ReceivingCriteriaScheme'
  | 'Carrier'
  | 'CustomField';

const category: Readonly<Record<string, FieldSpec>> = {
  lobId: req('integer'),
  internalId: opt('integer'),
  id: req('string'),
  name: req('string'),
  customFields: opt('map', false),
};

/** Field specs of the tenant models (same meaning as MODEL_FIELDS). */
export const TENANT_MODEL_FIELDS: { readonly [M in TenantModelName]: Readonly<Record<string, FieldSpec>> } = {
  CartonContent: {
    id: opt('integer'),
    groupOrderId: opt('decimal'),
    orderNo: req('decimal'),
    cartonNo: opt('integer', false),
    cartonId: req('integer'),
    lineItemId: req('integer'),
    location: opt('string', false),
    quantity: req('integer'),
    quantityScanned: opt('integer', false),
    completed: opt('date-time', false),
    toteId: opt('string', false),
    pickerId: opt('string', false),
    status: opt('string', false),
    customFields: opt('map', false),
  },
  ItemCategory: category,
  ItemSubCategory: category,
  ReceivingCriteriaScheme: { id: opt('integer'), lobId: req('integer'), name: req('string') },
  Carrier: { carrier: req('integer'), label: req('string'), scac: req('string') },
  CustomField: {
    id: opt('integer'),
    createDate: opt('date-time'),
    modifyDate: opt('date-time'),
    name: req('string'),
    label: req('string'),
    enabled: opt('boolean', false),
    fieldType: req('string'),
    searchable: opt('boolean', false),
    tooltip: opt('string', false),
    tabLabel: req('string'),
    recordType: req('string'),
    customFields: opt('map', false),
  },
};
