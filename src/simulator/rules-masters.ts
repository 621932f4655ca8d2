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

type Checks = (ctx: SimContext, rec: SimRecord, errors: string[]) => void;

/** Rules that run the same checks on create (after the defaults) and on update (on the merged record). */
function checkedRules(checks: Checks, defaults?: Readonly<SimRecord>): ResourceRules {
  return {
    prepareCreate({ ctx }, rec, errors) {
      if (defaults) applyDefaults(rec, defaults);
      checks(ctx, rec, errors);
    },
    prepareUpdate({ ctx }, _existing, merged, _patch, errors) {
      checks(ctx, merged, errors);
    },
  };
}

/** A line of business must exist, and `field` must be unique within it (vendorNo, customerNo). */
function numberPerLob(
  resource: 'vendor' | 'customer',
  index: string,
  field: 'vendorNo' | 'customerNo',
  shown: (no: string) => string,
): Checks {
  return (ctx, rec, errors) => {
    requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
    const no = rec[field];
    checkUnique(
      ctx,
      resource,
      index,
      no === undefined || rec.lobId === undefined ? null : `${String(rec.lobId)}|${String(no)}`,
      rec.id,
      `${field}: ${shown(String(no))} already exists in line of business ${String(rec.lobId)}`,
      errors,
    );
  };
}

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
  for (const [field, resource, label] of TENANT_REFS)
    requireRef(ctx, resource, rec[field], field, errors, label);
}

/** Item fields that name the tenant's own records (decisions.ts E4). */
const TENANT_REFS = [
  ['majorGroupId', 'itemCategory', 'item category'],
  ['subGroupId', 'itemSubCategory', 'item sub-category'],
  ['receivingCriteriaSchemeId', 'receivingCriteriaScheme', 'receiving criteria scheme'],
] as const;

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

/** Vendor: vendorNo unique per lobId. */
export const vendorRules: ResourceRules = checkedRules(
  numberPerLob('vendor', IX.vendorNo, 'vendorNo', (no) => no),
  VENDOR_DEFAULTS,
);

/** Customer: customerNo unique per lobId. */
export const customerRules: ResourceRules = {
  ...checkedRules(
    numberPerLob('customer', IX.customerNo, 'customerNo', (no) => `'${no}'`),
    CUSTOMER_DEFAULTS,
  ),
  finishCreate(_call, rec, now) {
    rec.openDate = now;
  },
};

/** Line of business: code unique. */
export const lobRules: ResourceRules = checkedRules((ctx, rec, errors) =>
  checkUnique(
    ctx,
    'lineOfBusiness',
    IX.lobCode,
    typeof rec.code === 'string' ? rec.code : null,
    rec.id,
    `code: line of business code '${String(rec.code)}' already exists`,
    errors,
  ),
);

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
