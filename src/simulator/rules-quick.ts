/** QuickReceipt / QuickAdjustment: create, then execute -> itemReceipt / inventoryAdjustment records. */
import type { SimCall, SimContext } from './context.js';
import { badRequest } from './errors.js';
import { LINE_IDS } from './rules-asn.js';
import { findItem, moveStock, normaliseSku, requireRef, stamp, type ResourceRules } from './rules-common.js';
import type { SimRecord } from './types.js';

function checkSku(call: SimCall, rec: SimRecord, errors: string[]): SimRecord | undefined {
  const sku = normaliseSku(rec.sku, 'sku', errors);
  if (sku === undefined) return undefined;
  rec.sku = sku;
  const item = findItem(call.ctx, rec.lobId, sku);
  if (!item) errors.push(`sku: item '${sku}' does not exist in line of business ${String(rec.lobId)}`);
  return item;
}

/** QuickReceipt rules. */
export const quickReceiptRules: ResourceRules = {
  prepareCreate(call, rec, errors) {
    requireRef(call.ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
    requireRef(call.ctx, 'warehouse', rec.warehouseId, 'warehouseId', errors, 'warehouse');
    requireRef(call.ctx, 'vendor', rec.vendorId, 'vendorId', errors, 'vendor');
    const item = checkSku(call, rec, errors);
    if (typeof rec.quantity === 'number' && rec.quantity <= 0)
      errors.push(`quantity: must be at least 1 (got ${rec.quantity})`);
    if (item?.unitCode !== undefined) rec.unitCode = item.unitCode;
  },
  finishCreate(_call, rec) {
    rec.status = 'Pending';
    rec.createdBy = 'API';
  },
};

/** QuickAdjustment rules. */
export const quickAdjustmentRules: ResourceRules = {
  prepareCreate(call, rec, errors) {
    requireRef(call.ctx, 'warehouse', rec.warehouseId, 'warehouseId', errors, 'warehouse');
    if (rec.sku !== undefined) {
      if (rec.lobId === undefined) errors.push('lobId: required when a sku is given');
      else checkSku(call, rec, errors);
      if (rec.totalQuantity === undefined && rec.changeQuantity === undefined) {
        errors.push('changeQuantity: give changeQuantity or totalQuantity');
      }
    }
  },
  finishCreate(_call, rec) {
    rec.status = 'Pending';
  },
};

/** One entry of an execute answer (ProcessOutputAPIModel). */
interface ProcessOutput {
  id: number;
  status: 'Success' | 'Error';
  entity: SimRecord | null;
  messageList: string[];
}

function idList(body: unknown): number[] {
  const list = (body as { idList?: unknown } | null)?.idList;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'number' || !Number.isInteger(v))) {
    throw badRequest('idList: must be an array of whole numbers');
  }
  return list as number[];
}

/** `POST /quickReceipt/executeQuickReceipt`: receives each pending quick receipt into a new received ASN. */
export function executeQuickReceipts(ctx: SimContext, body: unknown): ProcessOutput[] {
  const col = ctx.store.collections.quickReceipt;
  return idList(body).map((id) => {
    const qr = col.get(id);
    if (!qr) return { id, status: 'Error', entity: null, messageList: [`quickReceipt ${id} does not exist`] };
    if (qr.status !== 'Pending') {
      return { id, status: 'Error', entity: null, messageList: [`quickReceipt ${id} was already executed`] };
    }
    const now = ctx.clock.nowIso();
    const asnId = ctx.store.nextId('asn');
    const lineId = ctx.store.nextId('itemReceipt');
    const item = findItem(ctx, qr.lobId, qr.sku);
    const line: SimRecord = {
      id: lineId,
      poNoId: asnId,
      legacyPoNo: `QR${id}`,
      lobId: qr.lobId,
      warehouseId: qr.warehouseId,
      vendorId: qr.vendorId,
      sku: qr.sku,
      orderQuantity: qr.quantity,
      receivedQuantity: qr.quantity,
      unitCode: qr.unitCode ?? item?.unitCode ?? 'EACH',
      wrapCode: qr.wrapCode ?? item?.wrapCode ?? 'EACH',
      unitsPerWrap: qr.unitsPerWrap ?? item?.unitsPerWrap ?? 1,
      weightPerWrap: qr.weightPerWrap,
      chargeFreight: 'No',
      distDate: now,
      orderDate: now,
      receivedDate: now,
      maxOvers: 0,
      maxUnders: 0,
      lineNo: 1,
      enteredBy: 'API',
      receivedBy: 'API',
    };
    for (const k of Object.keys(line)) if (line[k] === undefined) delete line[k];
    stamp('ItemReceipt', line, now, true);
    ctx.store.collections.itemReceipt.put(line);
    const asn: SimRecord = {
      id: asnId,
      lobId: qr.lobId,
      warehouseId: qr.warehouseId,
      vendorId: qr.vendorId,
      poNo: `QR${id}`,
      type: 'Quick Receipt',
      orderDate: now,
      status: 'Received',
      printed: 'No',
      [LINE_IDS]: [lineId],
    };
    if (asn.vendorId === undefined) delete asn.vendorId;
    stamp('Asn', asn, now, true);
    ctx.store.collections.asn.put(asn);
    col.put({
      ...qr,
      status: 'Executed',
      generatedItemReceiptId: lineId,
      generatedASNId: asnId,
      modifyDate: now,
    });
    moveStock(ctx, qr.lobId, qr.sku, Number(qr.quantity), now);
    return { id, status: 'Success', entity: line, messageList: [] };
  });
}

/** `POST /quickAdjustment/executeQuickAdjustment`: books each pending quick adjustment as an inventory adjustment. */
export function executeQuickAdjustments(ctx: SimContext, body: unknown): ProcessOutput[] {
  const col = ctx.store.collections.quickAdjustment;
  return idList(body).map((id) => {
    const qa = col.get(id);
    if (!qa)
      return { id, status: 'Error', entity: null, messageList: [`quickAdjustment ${id} does not exist`] };
    if (qa.status !== 'Pending') {
      return {
        id,
        status: 'Error',
        entity: null,
        messageList: [`quickAdjustment ${id} was already executed`],
      };
    }
    const now = ctx.clock.nowIso();
    const item = findItem(ctx, qa.lobId, qa.sku);
    const onHand = typeof item?.onHandQuantity === 'number' ? item.onHandQuantity : 0;
    const qty =
      typeof qa.changeQuantity === 'number'
        ? qa.changeQuantity
        : typeof qa.totalQuantity === 'number'
          ? qa.totalQuantity - onHand
          : 0;
    const adj: SimRecord = {
      id: ctx.store.nextId('inventoryAdjustment'),
      lobId: qa.lobId,
      sku: qa.sku,
      adjustmentDate: now,
      adjustmentTime: now.slice(11, 19),
      location: `LOC-${String(qa.locationId)}`,
      qty,
      note: qa.message,
      authorizedBy: 'API',
      printed: 'No',
      adjustmentCode: qa.adjustmentCode,
    };
    for (const k of Object.keys(adj)) if (adj[k] === undefined) delete adj[k];
    ctx.store.collections.inventoryAdjustment.put(adj);
    col.put({ ...qa, status: 'Executed', modifyDate: now });
    moveStock(ctx, qa.lobId, qa.sku, qty, now);
    return { id, status: 'Success', entity: adj, messageList: [] };
  });
}
