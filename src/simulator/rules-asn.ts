/** ASN rules: poNo unique per lobId, references, line defaults, lines stored as itemReceipt records. */
import { applyDefaults, type SimCall, type SimContext } from './context.js';
import { ASN_LINE_DEFAULTS } from './defaults.js';
import { MAX_PO_NO } from './decisions.js';
import { badRequest } from './errors.js';
import {
  checkUnique,
  findItem,
  normaliseSku,
  requireRef,
  stamp,
  type ResourceRules,
} from './rules-common.js';
import { IX } from './store.js';
import type { SimRecord } from './types.js';

/** Internal field of a stored ASN: the ids of its line (itemReceipt) records. */
export const LINE_IDS = '__lineIds';

/** The ASN's line records. */
export function asnLines(ctx: SimContext, asn: SimRecord): SimRecord[] {
  const ids = (asn[LINE_IDS] as number[] | undefined) ?? [];
  const col = ctx.store.collections.itemReceipt;
  return ids.flatMap((id) => {
    const rec = col.get(id);
    return rec ? [rec] : [];
  });
}

/** What an ASN line received: its own figure plus the receipt rows naming it (receipts=rows). */
export function receivedOn(ctx: SimContext, line: SimRecord): number {
  const col = ctx.store.collections.itemReceipt;
  const rows = col.find(IX.receiptAsnLine, String(line.id)).map((id) => col.get(id)?.receivedQuantity);
  return rows.reduce<number>((n, q) => n + Number(q ?? 0), Number(line.receivedQuantity ?? 0));
}

function checkAsn(call: SimCall, rec: SimRecord, errors: string[], selfKey?: number): void {
  const { ctx } = call;
  const lob = requireRef(ctx, 'lineOfBusiness', rec.lobId, 'lobId', errors, 'line of business');
  requireRef(ctx, 'warehouse', rec.warehouseId, 'warehouseId', errors, 'warehouse');
  requireRef(ctx, 'vendor', rec.vendorId, 'vendorId', errors, 'vendor');
  if (typeof rec.poNo === 'string') {
    const poNo = rec.poNo.trim();
    rec.poNo = poNo;
    if (poNo === '' || poNo.length > MAX_PO_NO) {
      errors.push(`poNo: must be 1 to ${MAX_PO_NO} characters (got ${poNo.length})`);
    }
    checkUnique(
      ctx,
      'asn',
      IX.asnPoNo,
      rec.lobId === undefined ? null : `${String(rec.lobId)}|${poNo}`,
      selfKey,
      `poNo: '${poNo}' already exists in line of business ${String(rec.lobId)}`,
      errors,
    );
  }
  const lines = rec.lineItems;
  if (!Array.isArray(lines)) return;
  lines.forEach((raw, i) => {
    const line = raw as SimRecord;
    const path = `lineItems[${i}]`;
    for (const f of ['lobId', 'warehouseId', 'vendorId'] as const) {
      if (line[f] !== undefined && line[f] !== rec[f])
        errors.push(`${path}.${f}: must equal the ASN's ${f} ${String(rec[f])}`);
      line[f] = rec[f];
    }
    const sku = normaliseSku(line.sku, `${path}.sku`, errors);
    let item: SimRecord | undefined;
    if (sku !== undefined) {
      line.sku = sku;
      item = findItem(ctx, rec.lobId, sku);
      if (lob && !item)
        errors.push(`${path}.sku: item '${sku}' does not exist in line of business ${String(rec.lobId)}`);
    }
    if (typeof line.orderQuantity === 'number' && line.orderQuantity <= 0) {
      errors.push(`${path}.orderQuantity: must be at least 1 (got ${line.orderQuantity})`);
    }
    applyDefaults(line, {
      ...ASN_LINE_DEFAULTS,
      unitCode: item?.unitCode ?? 'EACH',
      wrapCode: item?.wrapCode ?? 'EACH',
      unitsPerWrap: item?.unitsPerWrap ?? 1,
      distDate: rec.orderDate,
    });
    if (line.weightPerWrap === undefined && item?.weightPerWrap !== undefined)
      line.weightPerWrap = item.weightPerWrap;
  });
}

/** Stores the lines of `rec.lineItems` as itemReceipt records, reusing `previous` ids by id or SKU. */
function storeLines(call: SimCall, rec: SimRecord, now: string, previous: SimRecord[]): void {
  const { ctx } = call;
  const col = ctx.store.collections.itemReceipt;
  const lines = (rec.lineItems as SimRecord[] | undefined) ?? [];
  const kept = new Set<number>();
  const ids = lines.map((line, i) => {
    // put=replace: a line is the same line only when it carries its id; put=merge also matches by SKU.
    const old =
      previous.find((p) => line.id !== undefined && p.id === line.id && !kept.has(p.id as number)) ??
      (ctx.variants.put === 'merge'
        ? previous.find((p) => p.sku === line.sku && !kept.has(p.id as number))
        : undefined);
    const id = (old?.id as number | undefined) ?? ctx.store.nextId('itemReceipt');
    kept.add(id);
    const item = findItem(ctx, rec.lobId, line.sku);
    const stored: SimRecord = {
      ...line,
      id,
      poNoId: rec.id,
      legacyPoNo: rec.poNo,
      orderDate: rec.orderDate,
      // a line kept by the update keeps what was received on it (asnEdits=after-receipts)
      receivedQuantity: old?.receivedQuantity ?? 0,
      ...(old?.receivedDate !== undefined ? { receivedDate: old.receivedDate } : {}),
      lineNo: line.lineNo ?? i + 1,
      enteredBy: 'API',
    };
    if (item?.upc !== undefined) stored.upc = item.upc;
    if (item?.vendorSKU !== undefined) stored.vendorSKU = item.vendorSKU;
    stamp('ItemReceipt', stored, now, true);
    col.put(stored);
    return id;
  });
  for (const p of previous) if (!kept.has(p.id as number)) col.remove(p.id as number);
  rec[LINE_IDS] = ids;
  delete rec.lineItems;
}

function assertAsnEditable(ctx: SimContext, asn: SimRecord): void {
  if (asnLines(ctx, asn).some((l) => receivedOn(ctx, l) > 0)) {
    throw badRequest(
      `asn ${String(asn.id)} (poNo ${String(asn.poNo)}) is ${String(asn.status)} and can no longer be edited`,
    );
  }
}

/** ASN rules. */
export const asnRules: ResourceRules = {
  prepareCreate(call, rec, errors) {
    checkAsn(call, rec, errors);
  },
  finishCreate(call, rec, now) {
    rec.status = 'Open';
    rec.printed = 'No';
    storeLines(call, rec, now, []);
  },
  prepareUpdate(call, existing, merged, patch, errors) {
    if (call.ctx.variants.asnEdits !== 'after-receipts') assertAsnEditable(call.ctx, existing);
    if (patch.lineItems === undefined && call.ctx.variants.put === 'merge')
      merged.lineItems = asnLines(call.ctx, existing).map((l) => ({ ...l }));
    checkAsn(call, merged, errors, existing.id as number);
  },
  finishUpdate(call, existing, merged, now) {
    storeLines(call, merged, now, asnLines(call.ctx, existing));
  },
  beforeDelete(call, existing) {
    assertAsnEditable(call.ctx, existing);
    for (const line of asnLines(call.ctx, existing))
      call.ctx.store.collections.itemReceipt.remove(line.id as number);
  },
  view(ctx, rec) {
    const { [LINE_IDS]: _ids, ...rest } = rec;
    return { ...rest, lineItems: asnLines(ctx, rec) };
  },
};
