/** Generic create / get / update / delete / duplicate over the collections, with per-resource rules. */
import { dropNulls, type SimCall, type SimContext } from './context.js';
import { badRequest, notFound, throwIfErrors } from './errors.js';
import { asnRules } from './rules-asn.js';
import { stamp, type ResourceRules } from './rules-common.js';
import {
  customerRules,
  itemReceiptRules,
  itemRules,
  lobRules,
  noRules,
  vendorRules,
  warehouseRules,
} from './rules-masters.js';
import { orderRules } from './rules-order.js';
import { quickAdjustmentRules, quickReceiptRules } from './rules-quick.js';
import { RESOURCE_MODEL, modelFields } from './schema.js';
import type { ResourceName, SimRecord } from './types.js';
import { checkRequired, cleanBody, type CleanOptions } from './validate.js';

/** Which write operations each resource has (API.md §2.1). */
export const OPERATIONS: Readonly<
  Record<ResourceName, { create: boolean; update: boolean; delete: boolean }>
> = {
  order: { create: true, update: true, delete: true },
  asn: { create: true, update: true, delete: true },
  item: { create: true, update: true, delete: true },
  vendor: { create: true, update: true, delete: true },
  customer: { create: true, update: true, delete: true },
  lineOfBusiness: { create: true, update: true, delete: false },
  warehouse: { create: true, update: true, delete: false },
  shipment: { create: false, update: false, delete: false },
  itemReceipt: { create: false, update: true, delete: false },
  inventoryAdjustment: { create: false, update: false, delete: false },
  quickReceipt: { create: true, update: true, delete: true },
  quickAdjustment: { create: true, update: true, delete: true },
  orderLine: { create: false, update: false, delete: false },
  cartonContent: { create: false, update: false, delete: false },
  itemCategory: { create: false, update: false, delete: false },
  itemSubCategory: { create: false, update: false, delete: false },
  receivingCriteriaScheme: { create: false, update: false, delete: false },
  carrier: { create: false, update: false, delete: false },
  customField: { create: false, update: false, delete: false },
};

const RULES: Readonly<Record<ResourceName, ResourceRules>> = {
  order: orderRules,
  asn: asnRules,
  item: itemRules,
  vendor: vendorRules,
  customer: customerRules,
  lineOfBusiness: lobRules,
  warehouse: warehouseRules,
  shipment: noRules,
  itemReceipt: itemReceiptRules,
  inventoryAdjustment: noRules,
  quickReceipt: quickReceiptRules,
  quickAdjustment: quickAdjustmentRules,
  orderLine: noRules,
  cartonContent: noRules,
  itemCategory: noRules,
  itemSubCategory: noRules,
  receivingCriteriaScheme: noRules,
  carrier: noRules,
  customField: noRules,
};

function cleanOptions(call: SimCall): CleanOptions {
  return { version: call.version, unknownFields: call.ctx.variants.unknownFields };
}

/** The API representation of a stored record. */
export function viewOf(ctx: SimContext, resource: ResourceName, rec: SimRecord): SimRecord {
  const view = RULES[resource].view;
  return view ? view(ctx, rec) : rec;
}

/**
 * POST: validates, applies rules and defaults, assigns the key, stores; returns the record as answered.
 * `fixedKey` (seed data only) keeps a given id instead of the next one of the sequence.
 */
export function createRecord(
  call: SimCall,
  resource: ResourceName,
  body: unknown,
  fixedKey?: number,
): SimRecord {
  const { ctx } = call;
  const model = RESOURCE_MODEL[resource];
  const rules = RULES[resource];
  const errors: string[] = [];
  const rec = cleanBody(model, body, 'create', errors, cleanOptions(call));
  checkCustomFields(ctx, model, rec, errors);
  throwIfErrors(errors);
  rules.prepareCreate?.(call, rec, errors);
  checkRequired(model, rec, errors);
  throwIfErrors(errors);
  const col = ctx.store.collections[resource];
  if (fixedKey !== undefined && col.get(fixedKey))
    throw badRequest(`id: ${resource} ${fixedKey} already exists`);
  if (fixedKey !== undefined) ctx.store.reserve(resource, fixedKey);
  rec[col.keyField] = fixedKey ?? ctx.store.nextId(resource);
  const now = ctx.clock.nowIso();
  stamp(model, rec, now, true);
  rules.finishCreate?.(call, rec, now);
  col.put(rec);
  ctx.changed();
  return viewOf(ctx, resource, rec);
}

/** GET by key. */
export function getRecord(ctx: SimContext, resource: ResourceName, key: number): SimRecord {
  const rec = ctx.store.collections[resource].get(key);
  if (!rec) throw notFound(`${resource} ${key} does not exist`);
  return viewOf(ctx, resource, rec);
}

/**
 * Custom fields must be defined in the tenant (`customField` with this model as recordType): refused, or
 * dropped under unknownFields=ignore (decisions.ts E8).
 */
function checkCustomFields(ctx: SimContext, model: string, rec: SimRecord, errors: string[]): void {
  const given = rec.customFields;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return;
  const defined = new Set(
    [...ctx.store.collections.customField.records.values()]
      .filter((d) => d.recordType === model)
      .map((d) => String(d.name)),
  );
  const kept: SimRecord = {};
  for (const [name, value] of Object.entries(given as SimRecord)) {
    if (defined.has(name)) kept[name] = value;
    else if (ctx.variants.unknownFields === 'reject')
      errors.push(`customFields.${name}: no custom field '${name}' is defined for ${model} in this account`);
  }
  rec.customFields = kept;
}

/** The fields of a stored record a client cannot set: readOnly ones and internal `__` links. */
function serverFields(model: string, rec: SimRecord): SimRecord {
  const fields = modelFields(model);
  const out: SimRecord = {};
  for (const [k, v] of Object.entries(rec)) if (k.startsWith('__') || fields[k]?.readOnly) out[k] = v;
  return out;
}

/** PUT: the key in the body names the record; the put variant says whether absent fields are kept. */
export function updateRecord(call: SimCall, resource: ResourceName, body: unknown): void {
  const { ctx } = call;
  const model = RESOURCE_MODEL[resource];
  const col = ctx.store.collections[resource];
  const key = (body as Record<string, unknown> | null)?.[col.keyField];
  if (typeof key !== 'number') {
    throw badRequest(`${col.keyField}: required in the body to say which ${resource} to update`);
  }
  const existing = col.get(key);
  if (!existing) throw notFound(`${resource} ${key} does not exist`);
  const rules = RULES[resource];
  const errors: string[] = [];
  const patch = cleanBody(model, body, 'update', errors, cleanOptions(call));
  checkCustomFields(ctx, model, patch, errors);
  throwIfErrors(errors);
  // put=replace: the body is the whole record, so fields it leaves out are cleared (server-managed
  // readOnly fields and internal links stay); put=merge: fields left out are kept.
  const base = ctx.variants.put === 'replace' ? serverFields(model, existing) : existing;
  const merged = dropNulls({ ...base, ...patch });
  rules.prepareUpdate?.(call, existing, merged, patch, errors);
  checkRequired(model, merged, errors);
  throwIfErrors(errors);
  const now = ctx.clock.nowIso();
  stamp(model, merged, now, false);
  rules.finishUpdate?.(call, existing, merged, now);
  col.put(merged);
  ctx.changed();
}

/** `PUT /{R}/customFields`: merges the `customFields` map of the record named by the key in the body. */
export function updateCustomFields(call: SimCall, resource: ResourceName, body: unknown): void {
  const col = call.ctx.store.collections[resource];
  const b = body as Record<string, unknown> | null;
  const key = b?.[col.keyField];
  if (typeof key !== 'number')
    throw badRequest(`${col.keyField}: required in the body to say which ${resource} to update`);
  const existing = col.get(key);
  if (!existing) throw notFound(`${resource} ${key} does not exist`);
  const fields = b?.customFields;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw badRequest('customFields: must be a JSON object');
  }
  const model = RESOURCE_MODEL[resource];
  const errors: string[] = [];
  const checked: SimRecord = { customFields: { ...fields } };
  checkCustomFields(call.ctx, model, checked, errors);
  throwIfErrors(errors);
  const merged: SimRecord = {
    ...existing,
    customFields: {
      ...((existing.customFields as object | undefined) ?? {}),
      ...(checked.customFields as object),
    },
  };
  stamp(model, merged, call.ctx.clock.nowIso(), false);
  col.put(merged);
  call.ctx.changed();
}

/** DELETE by key. */
export function deleteRecord(call: SimCall, resource: ResourceName, key: number): void {
  const col = call.ctx.store.collections[resource];
  const existing = col.get(key);
  if (!existing) throw notFound(`${resource} ${key} does not exist`);
  RULES[resource].beforeDelete?.(call, existing);
  col.remove(key);
  call.ctx.changed();
}

/** `GET /{R}/duplicate/{id}`: a copy without its key and server dates (not stored; unconfirmed semantics). */
export function duplicateRecord(ctx: SimContext, resource: ResourceName, key: number): SimRecord {
  const copy: SimRecord = { ...getRecord(ctx, resource, key) };
  delete copy[ctx.store.collections[resource].keyField];
  delete copy.createDate;
  delete copy.modifyDate;
  return copy;
}
