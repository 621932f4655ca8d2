/** Helpers shared by the per-resource business rules. */
import { MAX_ITEM_DESCRIPTION, SKU_PATTERN } from './decisions.js';
import type { SimCall, SimContext } from './context.js';
import { hasField } from './validate.js';
import { IX } from './store.js';
import type { ResourceName, SimRecord } from './types.js';

/** Hooks a resource plugs into the generic create/update/delete flow. */
export interface ResourceRules {
  /** Defaults and checks for a new record (no side effects; problems go to `errors`). */
  prepareCreate?(call: SimCall, rec: SimRecord, errors: string[]): void;
  /** After the key is assigned, before the record is stored: side effects that cannot fail. */
  finishCreate?(call: SimCall, rec: SimRecord, now: string): void;
  /** Checks an update (`merged` = existing + patch); throws for edit-rule violations. */
  prepareUpdate?(
    call: SimCall,
    existing: SimRecord,
    merged: SimRecord,
    patch: SimRecord,
    errors: string[],
  ): void;
  finishUpdate?(call: SimCall, existing: SimRecord, merged: SimRecord, now: string): void;
  /** Throws when the record may not be deleted; may remove dependent records. */
  beforeDelete?(call: SimCall, existing: SimRecord): void;
  /** What the API answers for a stored record. */
  view?(ctx: SimContext, rec: SimRecord): SimRecord;
}

/** Sets createDate (on create) and modifyDate where the model has them. */
export function stamp(model: string, rec: SimRecord, now: string, created: boolean): void {
  if (created && hasField(model, 'createDate')) rec.createDate = now;
  if (hasField(model, 'modifyDate')) rec.modifyDate = now;
}

/** Reports when a referenced record does not exist. */
export function requireRef(
  ctx: SimContext,
  resource: ResourceName,
  id: unknown,
  path: string,
  errors: string[],
  label: string,
): SimRecord | undefined {
  if (id === undefined || id === null) return undefined;
  const rec = typeof id === 'number' ? ctx.store.collections[resource].get(id) : undefined;
  if (!rec) errors.push(`${path}: ${label} ${String(id)} does not exist`);
  return rec;
}

/** Upper-cases and checks a SKU; returns the normalised value. */
export function normaliseSku(value: unknown, path: string, errors: string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const sku = value.trim().toUpperCase();
  if (!SKU_PATTERN.test(sku)) {
    errors.push(
      `${path}: '${value}' is not a valid SKU (1 to 20 characters of A-Z, 0-9 and # _ - . /; got ${sku.length} characters)`,
    );
  }
  return sku;
}

/** The item with this SKU in the line of business, if any. */
export function findItem(ctx: SimContext, lobId: unknown, sku: unknown): SimRecord | undefined {
  if (lobId === undefined || sku === undefined) return undefined;
  const [id] = ctx.store.collections.item.find(IX.itemSku, `${String(lobId)}|${String(sku)}`);
  return id === undefined ? undefined : ctx.store.collections.item.get(id);
}

/** Checks an item description's length. */
export function checkDescription(value: unknown, path: string, errors: string[]): void {
  if (typeof value === 'string' && value.length > MAX_ITEM_DESCRIPTION) {
    errors.push(`${path}: at most ${MAX_ITEM_DESCRIPTION} characters (got ${value.length})`);
  }
}

/** Reports when another record of the collection already holds this unique value. */
export function checkUnique(
  ctx: SimContext,
  resource: ResourceName,
  index: string,
  value: string | null,
  selfKey: unknown,
  message: string,
  errors: string[],
): void {
  if (value === null) return;
  const others = ctx.store.collections[resource].find(index, value).filter((k) => k !== selfKey);
  if (others.length > 0) errors.push(message);
}

/** Changes an item's stock figures (inventory moves do not bump the item's modifyDate). */
export function moveStock(ctx: SimContext, lobId: unknown, sku: unknown, delta: number, now: string): void {
  const item = findItem(ctx, lobId, sku);
  if (!item || delta === 0) return;
  const onHand = Math.max(0, (typeof item.onHandQuantity === 'number' ? item.onHandQuantity : 0) + delta);
  ctx.store.collections.item.put({
    ...item,
    onHandQuantity: onHand,
    availableQuantity: onHand,
    orderableQuantity: onHand,
    inventoryUpdateTimestamp: now,
  });
}
