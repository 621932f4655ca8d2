/** Order rules: references, line SKUs, customer / bill-to rules (API.md §7), duplicates, edit rule. */
import { applyDefaults, type SimCall, type SimContext } from './context.js';
import { CUSTOMER_DEFAULTS } from './defaults.js';
import { EDITABLE_ORDER_STATUSES } from './decisions.js';
import { badRequest } from './errors.js';
import { findItem, normaliseSku, requireRef, stamp, type ResourceRules } from './rules-common.js';
import { IX } from './store.js';
import type { SimRecord } from './types.js';

const BILL_TO = [
  'Company',
  'Attention',
  'Street',
  'Street2',
  'Street3',
  'City',
  'State',
  'Zip',
  'Country',
  'Phone',
  'Email',
];

function hasAddress(rec: SimRecord, prefix: 'billTo' | 'shipTo'): boolean {
  return BILL_TO.some((p) => {
    const v = rec[`${prefix}${p}`];
    return v !== undefined && v !== null && v !== '';
  });
}

function findCustomer(ctx: SimContext, lobId: unknown, customerNo: unknown): SimRecord | undefined {
  const [id] = ctx.store.collections.customer.find(IX.customerNo, `${String(lobId)}|${String(customerNo)}`);
  return id === undefined ? undefined : ctx.store.collections.customer.get(id);
}

/** Checks references and lines; fills line defaults. Shared by create and update. */
function checkOrder(call: SimCall, rec: SimRecord, errors: string[], selfKey?: number): void {
  const { ctx } = call;
  const lob = requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
  requireRef(ctx, 'warehouse', rec.warehouseId, 'warehouseId', errors, 'warehouse');
  const lines = rec.lineItems;
  if (Array.isArray(lines) && lines.length === 0) errors.push('lineItems: an order needs at least one line');
  if (Array.isArray(lines)) {
    lines.forEach((raw, i) => {
      const line = raw as SimRecord;
      const path = `lineItems[${i}]`;
      if (line.lobId !== undefined && line.lobId !== rec.lobId) {
        errors.push(`${path}.lobId: must equal the order's lobId ${String(rec.lobId)}`);
      }
      line.lobId = rec.lobId;
      const sku = normaliseSku(line.sku, `${path}.sku`, errors);
      if (sku !== undefined) {
        line.sku = sku;
        if (lob && !findItem(ctx, rec.lobId, sku)) {
          errors.push(`${path}.sku: item '${sku}' does not exist in line of business ${String(rec.lobId)}`);
        }
      }
      if (typeof line.orderedQty === 'number' && line.orderedQty <= 0) {
        errors.push(`${path}.orderedQty: must be at least 1 (got ${line.orderedQty})`);
      }
    });
  }
  if (ctx.rejectDuplicateCustomerOrderNo && rec.customerOrderNo !== undefined && rec.lobId !== undefined) {
    const dup = ctx.store.collections.order
      .find(IX.customerOrderNo, `${String(rec.lobId)}|${String(rec.customerOrderNo)}`)
      .filter((k) => k !== selfKey);
    if (dup.length > 0) {
      errors.push(
        `customerOrderNo: '${String(rec.customerOrderNo)}' is already used by order ${String(dup[0])} (duplicate customer order numbers are rejected in this account)`,
      );
    }
  }
  checkCustomer(call, rec, errors);
}

/** Customer / bill-to rules: found -> copy; not found + bill-to -> created at commit; else error. */
function checkCustomer(call: SimCall, rec: SimRecord, errors: string[]): void {
  if (hasAddress(rec, 'billTo') && !rec.billToCompany) {
    errors.push('billToCompany: required when a bill-to address is given');
  }
  if (hasAddress(rec, 'shipTo') && !rec.shipToCompany) {
    errors.push('shipToCompany: required when a ship-to address is given');
  }
  const customer =
    rec.customerNo !== undefined && rec.customerNo !== null
      ? findCustomer(call.ctx, rec.lobId, rec.customerNo)
      : undefined;
  if (customer) return;
  if (!hasAddress(rec, 'billTo')) {
    errors.push(
      rec.customerNo !== undefined && rec.customerNo !== null
        ? `customerNo: customer '${String(rec.customerNo)}' does not exist in line of business ${String(rec.lobId)} and no bill-to address was given to create it`
        : 'customerNo: give an existing customerNo or a bill-to address (billToCompany, billToStreet, ...)',
    );
  }
}

/** Links the order to its customer, creating one from the bill-to address when needed (commit step). */
function resolveCustomer(ctx: SimContext, rec: SimRecord, now: string): void {
  const existing =
    rec.customerNo !== undefined && rec.customerNo !== null
      ? findCustomer(ctx, rec.lobId, rec.customerNo)
      : undefined;
  if (existing) {
    rec.billToCompany = existing.name;
    rec.billToAttention = existing.attention;
    rec.billToStreet = existing.street;
    rec.billToStreet2 = existing.street2;
    rec.billToStreet3 = existing.street3Province;
    rec.billToCity = existing.city;
    rec.billToState = existing.state;
    rec.billToZip = existing.zipCode;
    rec.billToCountry = existing.country;
    rec.billToPhone = existing.phone;
    rec.billToEmail = existing.email;
    for (const k of Object.keys(rec)) if (rec[k] === undefined) delete rec[k];
    return;
  }
  const col = ctx.store.collections.customer;
  const id = ctx.store.nextId('customer');
  let customerNo = rec.customerNo;
  if (customerNo === undefined || customerNo === null) {
    customerNo = `C${String(id).padStart(6, '0')}`;
    while (findCustomer(ctx, rec.lobId, customerNo))
      customerNo = `C${String(ctx.store.nextId('customer')).padStart(6, '0')}`;
    rec.customerNo = customerNo;
  }
  const customer: SimRecord = {
    id,
    lobId: rec.lobId,
    customerNo,
    name: rec.billToCompany,
    attention: rec.billToAttention,
    street: rec.billToStreet ?? '',
    street2: rec.billToStreet2,
    street3Province: rec.billToStreet3,
    city: rec.billToCity ?? '',
    state: rec.billToState,
    zipCode: rec.billToZip ?? '',
    country: rec.billToCountry ?? 'US',
    phone: rec.billToPhone,
    email: rec.billToEmail,
    openDate: now,
  };
  applyDefaults(customer, CUSTOMER_DEFAULTS);
  for (const k of Object.keys(customer)) if (customer[k] === undefined) delete customer[k];
  stamp('Customer', customer, now, true);
  col.put(customer);
}

/** Gives new lines ids and the read-only figures Infoplus derives from the item. */
function finishLines(call: SimCall, rec: SimRecord, previous: SimRecord[] = []): void {
  const lines = (rec.lineItems as SimRecord[] | undefined) ?? [];
  let qty = 0;
  const taken = new Set<unknown>();
  rec.lineItems = lines.map((line) => {
    // put=replace: a line is the same line only when it carries its id; put=merge also matches by SKU.
    // (Two lines of one SKU match two existing lines of that SKU, in order, never the same one twice.)
    const old =
      previous.find((p) => line.id !== undefined && p.id === line.id && !taken.has(p.id)) ??
      (call.ctx.variants.put === 'merge'
        ? previous.find((p) => p.sku === line.sku && !taken.has(p.id))
        : undefined);
    if (old) taken.add(old.id);
    const id = old?.id ?? call.ctx.store.nextId('orderLine');
    const item = findItem(call.ctx, rec.lobId, line.sku);
    const orderedQty = typeof line.orderedQty === 'number' ? line.orderedQty : 0;
    qty += orderedQty;
    const out: SimRecord = {
      ...line,
      id,
      lineItemId: id,
      orderNo: rec.orderNo,
      allowedQty: orderedQty,
      shippedQty: 0,
      backorderQty: 0,
    };
    if (item) {
      for (const [from, to] of [
        ['upc', 'upc'],
        ['vendorSKU', 'vendorSKU'],
        ['chargeCode', 'chargeCode'],
        ['sellPrice', 'unitSell'],
        ['weightPerWrap', 'weightPerWrap'],
        ['weightPerWrap', 'itemWeight'],
      ] as const) {
        if (item[from] !== undefined) out[to] = item[from];
      }
    }
    return out;
  });
  rec.numberOfLineItems = lines.length;
  rec.totalQty = qty;
}

/**
 * Mirrors an order's lines into the `orderLine` collection (GET /orderLine/search answers them), removing
 * lines the order no longer has. Call after every change of an order's lines or quantities.
 */
export function syncOrderLines(ctx: SimContext, order: SimRecord, removed = false): void {
  const col = ctx.store.collections.orderLine;
  const lines = removed ? [] : ((order.lineItems as SimRecord[] | undefined) ?? []);
  const keep = new Set(lines.map((l) => l.id as number));
  for (const id of col.find(IX.orderLineOrderNo, String(order.orderNo))) if (!keep.has(id)) col.remove(id);
  for (const line of lines) col.put({ ...line, orderNo: order.orderNo, lobId: order.lobId });
}

/** Throws when the order may no longer change. */
export function assertOrderEditable(rec: SimRecord): void {
  const status = String(rec.status ?? '');
  if (!EDITABLE_ORDER_STATUSES.includes(status)) {
    throw badRequest(`order ${String(rec.orderNo)} is ${status} and can no longer be edited`);
  }
}

/** Order rules. */
export const orderRules: ResourceRules = {
  prepareCreate(call, rec, errors) {
    checkOrder(call, rec, errors);
  },
  finishCreate(call, rec, now) {
    rec.status = 'Pending';
    rec.orderDate ??= now;
    rec.enteredBy = 'API';
    resolveCustomer(call.ctx, rec, now);
    finishLines(call, rec);
    syncOrderLines(call.ctx, rec);
  },
  prepareUpdate(call, existing, merged, patch, errors) {
    assertOrderEditable(existing);
    if (patch.lineItems === undefined) {
      // Existing lines were checked on create; only the header changed.
      const header = { ...merged, lineItems: undefined };
      checkOrder(call, header, errors, existing.orderNo as number);
    } else checkOrder(call, merged, errors, existing.orderNo as number);
  },
  finishUpdate(call, existing, merged, now) {
    if (merged.customerNo !== existing.customerNo || merged.lobId !== existing.lobId)
      resolveCustomer(call.ctx, merged, now);
    if (merged.lineItems !== existing.lineItems)
      finishLines(call, merged, (existing.lineItems as SimRecord[]) ?? []);
    syncOrderLines(call.ctx, merged);
  },
  beforeDelete(call, existing) {
    if (call.ctx.variants.deletes === 'pending' && existing.status !== 'Pending') {
      throw badRequest(
        `order ${String(existing.orderNo)} is ${String(existing.status)} and can no longer be deleted`,
      );
    }
    assertOrderEditable(existing);
    syncOrderLines(call.ctx, existing, true);
  },
};
