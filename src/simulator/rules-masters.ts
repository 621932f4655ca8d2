/** Business rules of the master-data resources: item, vendor, customer, line of business, warehouse. */
import { applyDefaults } from './context.js';
import { CUSTOMER_DEFAULTS, ITEM_DEFAULTS, VENDOR_DEFAULTS, WAREHOUSE_DEFAULTS } from './defaults.js';
import {
  checkDescription,
  checkUnique,
  normaliseSku,
  requireRef,
  type ResourceRules,
} from './rules-common.js';
import { IX } from './store.js';
import type { SimContext } from './context.js';
import type { SimRecord } from './types.js';

function itemChecks(ctx: SimContext, rec: SimRecord, errors: string[]): void {
  requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
  const sku = normaliseSku(rec.sku, 'sku', errors);
  if (sku !== undefined) rec.sku = sku;
  checkDescription(rec.itemDescription, 'itemDescription', errors);
  checkUnique(
    ctx,
    'item',
    IX.itemSku,
    sku === undefined || rec.lobId === undefined ? null : `${String(rec.lobId)}|${sku}`,
    rec.id,
    `sku: '${sku ?? ''}' already exists in line of business ${String(rec.lobId)}`,
    errors,
  );
}

/** Item: SKU upper-cased, pattern, unique per lobId; description length; KB defaults. */
export const itemRules: ResourceRules = {
  prepareCreate({ ctx }, rec, errors) {
    applyDefaults(rec, ITEM_DEFAULTS);
    itemChecks(ctx, rec, errors);
    rec.onHandQuantity = 0;
    rec.availableQuantity = 0;
    rec.orderableQuantity = 0;
  },
  prepareUpdate({ ctx }, _existing, merged, _patch, errors) {
    itemChecks(ctx, merged, errors);
  },
};

function vendorChecks(ctx: SimContext, rec: SimRecord, errors: string[]): void {
  requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
  checkUnique(
    ctx,
    'vendor',
    IX.vendorNo,
    rec.vendorNo === undefined || rec.lobId === undefined
      ? null
      : `${String(rec.lobId)}|${String(rec.vendorNo)}`,
    rec.id,
    `vendorNo: ${String(rec.vendorNo)} already exists in line of business ${String(rec.lobId)}`,
    errors,
  );
}

/** Vendor: vendorNo unique per lobId. */
export const vendorRules: ResourceRules = {
  prepareCreate({ ctx }, rec, errors) {
    applyDefaults(rec, VENDOR_DEFAULTS);
    vendorChecks(ctx, rec, errors);
  },
  prepareUpdate({ ctx }, _existing, merged, _patch, errors) {
    vendorChecks(ctx, merged, errors);
  },
};

function customerChecks(ctx: SimContext, rec: SimRecord, errors: string[]): void {
  requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
  checkUnique(
    ctx,
    'customer',
    IX.customerNo,
    rec.customerNo === undefined || rec.lobId === undefined
      ? null
      : `${String(rec.lobId)}|${String(rec.customerNo)}`,
    rec.id,
    `customerNo: '${String(rec.customerNo)}' already exists in line of business ${String(rec.lobId)}`,
    errors,
  );
}

/** Customer: customerNo unique per lobId. */
export const customerRules: ResourceRules = {
  prepareCreate({ ctx }, rec, errors) {
    applyDefaults(rec, CUSTOMER_DEFAULTS);
    customerChecks(ctx, rec, errors);
  },
  finishCreate(_call, rec, now) {
    rec.openDate = now;
  },
  prepareUpdate({ ctx }, _existing, merged, _patch, errors) {
    customerChecks(ctx, merged, errors);
  },
};

function lobChecks(ctx: SimContext, rec: SimRecord, errors: string[]): void {
  checkUnique(
    ctx,
    'lineOfBusiness',
    IX.lobCode,
    typeof rec.code === 'string' ? rec.code : null,
    rec.id,
    `code: line of business code '${String(rec.code)}' already exists`,
    errors,
  );
}

/** Line of business: code unique. */
export const lobRules: ResourceRules = {
  prepareCreate({ ctx }, rec, errors) {
    lobChecks(ctx, rec, errors);
  },
  prepareUpdate({ ctx }, _existing, merged, _patch, errors) {
    lobChecks(ctx, merged, errors);
  },
};

/** Warehouse: defaults for the station switches. */
export const warehouseRules: ResourceRules = {
  prepareCreate(_call, rec) {
    applyDefaults(rec, WAREHOUSE_DEFAULTS);
  },
};

/** Item receipt: updated in place (ASN lines are created through the ASN). */
export const itemReceiptRules: ResourceRules = {};

/** Read-only resources. */
export const noRules: ResourceRules = {};
