/** Warehouse activity on demand: ships orders, receives ASNs, adjusts inventory; deterministic for a seed. */
import type { SimContext } from './context.js';
import {
  EDITABLE_ORDER_STATUSES,
  SHIPMENT_DELIVERED_STATUS,
  SHIPMENT_LABEL_STATUS,
  SHIPMENT_SHIPPED_STATUS,
} from './decisions.js';
import { CARRIERS } from './defaults.js';
import type { Prng } from './prng.js';
import { asnLines, receivedOn } from './rules-asn.js';
import { findItem, moveStock, stamp } from './rules-common.js';
import { syncOrderLines } from './rules-order.js';
import { IX } from './store.js';
import type {
  AdjustOptions,
  ReceiveOptions,
  SeedShipmentsOptions,
  ShipOptions,
  SimRecord,
  WarehouseActivity,
} from './types.js';

const ADJUSTMENTS = [
  { code: 'CC', note: 'Cycle count', min: -5, max: 5 },
  { code: 'DM', note: 'Damaged in warehouse', min: -3, max: -1 },
  { code: 'LS', note: 'Lost / not found', min: -5, max: -1 },
] as const;

const ALNUM = [...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'];

function trackingNo(prng: Prng, company: string): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(prng.int(0, 9))).join('');
  if (company === 'UPS') return `1Z${Array.from({ length: 16 }, () => prng.pick(ALNUM)).join('')}`;
  return company === 'FedEx' ? digits(12) : `9400${digits(18)}`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** One carton: the order lines (and quantities) packed in it, possibly of two orders. */
interface Carton {
  readonly cartonId: number;
  readonly orders: SimRecord[];
  no: number;
  of: number;
  readonly lines: { order: SimRecord; line: SimRecord; quantity: number; weight: number }[];
}

/** Builds one carton's shipment row, as a label (not shipped yet, shipDate tomorrow); see decisions E2. */
function labelRow(ctx: SimContext, prng: Prng, carton: Carton, now: string): SimRecord {
  const first = carton.orders[0] as SimRecord;
  const carrier = prng.pick(CARRIERS);
  const weight = carton.lines.reduce((w, l) => w + l.quantity * l.weight, 0);
  const freight = round2(5 + weight * 0.9);
  const id = ctx.store.nextId('shipment');
  const rec: SimRecord = {
    id,
    shipDate: new Date(Date.parse(now) + 86_400_000).toISOString(),
    trackingNo: trackingNo(prng, carrier.company),
    warehouseId: first.warehouseId,
    lobId: first.lobId,
    orderNo: first.orderNo,
    orderNoList: carton.orders.map((o) => o.orderNo),
    cartonNo: carton.no,
    numberOfCartons: carton.of,
    cartonId: carton.cartonId,
    status: SHIPMENT_LABEL_STATUS,
    shipped: false,
    casebreak: false,
    carrierServiceId: carrier.serviceId,
    carrierCompany: carrier.company,
    carrier: carrier.id,
    dim1In: prng.int(6, 24),
    dim2In: prng.int(6, 18),
    dim3In: prng.int(2, 12),
    weightLbs: round2(Math.max(0.1, weight)),
    residential: false,
    billingOption: 'Prepaid',
    chargedFreightAmount: freight,
    publishedFreightAmount: freight,
    retailFreightAmount: round2(freight * 1.2),
    shipmentType: 'Parcel',
    shipmentId: `SHP${String(id).padStart(8, '0')}`,
  };
  stamp('Shipment', rec, now, true);
  return rec;
}

/** The quantities of each line to ship now (all of them, or a part when `partial`). */
function quantitiesToShip(prng: Prng, lines: readonly SimRecord[], partial: boolean): number[] {
  const canSplit = lines.some((l) => Number(l.orderedQty) > 1) || lines.length > 1;
  const doPartial = partial && canSplit;
  return lines.map((l, i) => {
    const q = Number(l.orderedQty) - Number(l.shippedQty ?? 0);
    if (!doPartial) return q;
    if (q > 1) return prng.int(1, q - 1);
    return i === 0 ? q : 0;
  });
}

/** Packs one order's quantities into 1..3 cartons (a carton of `shareWith` may take its first lines). */
function packOrder(ctx: SimContext, prng: Prng, order: SimRecord, quantities: readonly number[]): Carton[] {
  const lines = (order.lineItems as SimRecord[] | undefined) ?? [];
  const packed = lines
    .map((line, i) => ({ line, quantity: quantities[i] ?? 0 }))
    .filter((x) => x.quantity > 0)
    .map(({ line, quantity }) => {
      const item = findItem(ctx, order.lobId, line.sku);
      const weight = typeof item?.weightPerWrap === 'number' ? item.weightPerWrap : 0.5 + prng.next() * 2;
      return { order, line, quantity, weight };
    });
  const count = Math.max(1, Math.min(3, packed.length, prng.int(1, 3)));
  return Array.from({ length: count }, (_, c) => ({
    cartonId: ctx.store.nextId('carton'),
    orders: [order],
    no: c + 1,
    of: count,
    lines: packed.filter((_, i) => i % count === c),
  }));
}

/** Writes a carton's label row and its cartonContent rows; marks its orders Processed. */
function printLabel(ctx: SimContext, prng: Prng, carton: Carton, now: string): void {
  ctx.store.collections.shipment.put(labelRow(ctx, prng, carton, now));
  for (const l of carton.lines) {
    ctx.store.collections.cartonContent.put({
      id: ctx.store.nextId('cartonContent'),
      orderNo: l.order.orderNo,
      cartonNo: carton.no,
      cartonId: carton.cartonId,
      lineItemId: l.line.id,
      sku: l.line.sku,
      lobId: l.order.lobId,
      quantity: l.quantity,
      status: 'Packed',
    });
  }
  for (const order of carton.orders) {
    const current = ctx.store.collections.order.get(order.orderNo as number) ?? order;
    if (current.status === 'Processed') continue;
    const updated = { ...current, status: 'Processed' };
    stamp('Order', updated, now, false);
    ctx.store.collections.order.put(updated);
  }
}

/** Ships a label row: the row becomes shipped, its orders' lines count the carton's quantities. */
function shipLabel(ctx: SimContext, row: SimRecord, now: string): SimRecord[] {
  const shipped: SimRecord = { ...row, shipped: true, status: SHIPMENT_SHIPPED_STATUS, shipDate: now };
  stamp('Shipment', shipped, now, false);
  ctx.store.collections.shipment.put(shipped);
  const contents = [...ctx.store.collections.cartonContent.records.values()].filter(
    (c) => c.cartonId === row.cartonId,
  );
  const touched: SimRecord[] = [];
  for (const orderNo of (row.orderNoList as number[] | undefined) ?? [row.orderNo as number]) {
    const order = ctx.store.collections.order.get(orderNo);
    if (!order) continue;
    const mine = contents.filter((c) => c.orderNo === orderNo);
    const lines = ((order.lineItems as SimRecord[] | undefined) ?? []).map((l) => {
      const qty = mine.filter((c) => c.lineItemId === l.id).reduce((n, c) => n + Number(c.quantity), 0);
      if (qty > 0) moveStock(ctx, order.lobId, l.sku, -qty, now);
      return qty > 0 ? { ...l, shippedQty: Number(l.shippedQty ?? 0) + qty } : l;
    });
    const updated: SimRecord = {
      ...order,
      lineItems: lines,
      weightLbs: round2(Number(order.weightLbs ?? 0) + Number(row.weightLbs)),
      freight: round2(Number(order.freight ?? 0) + Number(row.chargedFreightAmount)),
      numberOfCartons: row.numberOfCartons,
    };
    stamp('Order', updated, now, false);
    ctx.store.collections.order.put(updated);
    syncOrderLines(ctx, updated);
    touched.push(updated);
  }
  return touched;
}

/**
 * An order whose label rows have all shipped is Shipped; what it did not ship is a back-order: a child order
 * (backorders=child, orderNo parent + 0.001 n, same customerOrderNo) or the line's backorderQty (none).
 */
function closeOrder(ctx: SimContext, order: SimRecord, now: string): void {
  const rows = ctx.store.collections.shipment
    .find(IX.shipmentOrderNo, String(order.orderNo))
    .map((id) => ctx.store.collections.shipment.get(id) as SimRecord);
  const partOfOthers = [...ctx.store.collections.shipment.records.values()].filter(
    (r) =>
      r.orderNo !== order.orderNo &&
      (r.orderNoList as number[] | undefined)?.includes(order.orderNo as number),
  );
  if ([...rows, ...partOfOthers].some((r) => r.shipped !== true)) return;
  const lines = (order.lineItems as SimRecord[] | undefined) ?? [];
  const remaining = lines.map((l) => Number(l.orderedQty) - Number(l.shippedQty ?? 0));
  const child = ctx.variants.backorders === 'child' && remaining.some((q) => q > 0);
  const updated: SimRecord = {
    ...order,
    status: 'Shipped',
    shipDate: now,
    shippedDate: now,
    lineItems: lines.map((l, i) => ({
      ...l,
      allowedQty: child ? Number(l.shippedQty ?? 0) : l.allowedQty,
      backorderQty: remaining[i] ?? 0,
    })),
  };
  if (child) updated.backOrderStatus = 'Back Ordered';
  stamp('Order', updated, now, false);
  ctx.store.collections.order.put(updated);
  syncOrderLines(ctx, updated);
  if (child) createBackOrder(ctx, updated, remaining, now);
}

/** The child order carrying a parent's unshipped quantities (decisions C7). */
function createBackOrder(
  ctx: SimContext,
  parent: SimRecord,
  remaining: readonly number[],
  now: string,
): void {
  const root = Math.floor(Number(parent.orderNo));
  let n = 1;
  while (ctx.store.collections.order.get(Number((root + n / 1000).toFixed(3)))) n++;
  const orderNo = Number((root + n / 1000).toFixed(3));
  const lines = ((parent.lineItems as SimRecord[] | undefined) ?? []).flatMap((l, i) => {
    const qty = remaining[i] ?? 0;
    if (qty <= 0) return [];
    const id = ctx.store.nextId('orderLine');
    return [
      {
        ...l,
        id,
        lineItemId: id,
        orderNo,
        orderedQty: qty,
        allowedQty: qty,
        shippedQty: 0,
        backorderQty: 0,
      },
    ];
  });
  const child: SimRecord = {
    ...parent,
    orderNo,
    status: 'Pending',
    useOrderNoRoot: root,
    backOrderStatus: 'Back Order',
    lineItems: lines,
    numberOfLineItems: lines.length,
    totalQty: lines.reduce((q, l) => q + Number(l.orderedQty), 0),
    weightLbs: 0,
    freight: 0,
  };
  delete child.shipDate;
  delete child.shippedDate;
  delete child.numberOfCartons;
  stamp('Order', child, now, true);
  ctx.store.collections.order.put(child);
  syncOrderLines(ctx, child);
}

/**
 * Receives one ASN's open quantities (all, or part when `partial`); returns the receipts made. receipts=
 * cumulative raises the line row's receivedQuantity; receipts=rows adds one itemReceipt row per receipt
 * (`asnLine` = the line row's id) and leaves the line row as it was (decisions VARIANTS).
 */
function receiveAsn(ctx: SimContext, prng: Prng, asn: SimRecord, partial: boolean, now: string): number {
  const lines = asnLines(ctx, asn);
  let touched = 0;
  lines.forEach((line, i) => {
    const remaining = Number(line.orderQuantity) - receivedOn(ctx, line);
    if (remaining <= 0) return;
    const qty = !partial ? remaining : remaining > 1 ? prng.int(1, remaining - 1) : i === 0 ? remaining : 0;
    if (qty <= 0) return;
    const col = ctx.store.collections.itemReceipt;
    if (ctx.variants.receipts === 'cumulative') {
      const rec: SimRecord = {
        ...line,
        receivedQuantity: Number(line.receivedQuantity ?? 0) + qty,
        receivedDate: now,
        receivedBy: 'Simulator',
      };
      stamp('ItemReceipt', rec, now, false);
      col.put(rec);
    } else {
      const id = ctx.store.nextId('itemReceipt');
      const rec: SimRecord = {
        ...line,
        id,
        asnLine: line.id,
        receiptNo: ctx.store.nextId('receiptNo'),
        receivedQuantity: qty,
        receivedDate: now,
        receivedBy: 'Simulator',
      };
      stamp('ItemReceipt', rec, now, true);
      col.put(rec);
    }
    moveStock(ctx, asn.lobId, line.sku, qty, now);
    touched++;
  });
  const done = asnLines(ctx, asn).every((l) => receivedOn(ctx, l) >= Number(l.orderQuantity));
  const updated: SimRecord = { ...asn, status: done ? 'Received' : 'Partially Received' };
  stamp('Asn', updated, now, false);
  ctx.store.collections.asn.put(updated);
  return touched;
}

/** Creates the warehouse activity functions over a context and a dedicated generator. */
export function createWarehouse(
  ctx: SimContext,
  prng: Prng,
): WarehouseActivity & {
  seedShipments(o: SeedShipmentsOptions): { firstId: number; lastId: number };
} {
  return {
    shipOrders(o: ShipOptions = {}) {
      const { share = 1, partialShare = 0.2, max = Infinity, labelOnly = false } = o;
      const now = ctx.clock.nowIso();
      const shipmentsCol = ctx.store.collections.shipment;
      // Labels printed by an earlier labelOnly call ship first.
      const waiting = labelOnly ? [] : [...shipmentsCol.records.values()].filter((r) => r.shipped === false);
      const open = [...ctx.store.collections.order.records.values()].filter((r) =>
        EDITABLE_ORDER_STATUSES.includes(String(r.status)),
      );
      const cartons: Carton[] = [];
      let orders = 0;
      for (const order of open) {
        if (orders >= max) break;
        const pick = prng.next() < share;
        const partial = prng.next() < partialShare;
        if (!pick) continue;
        const lines = (order.lineItems as SimRecord[] | undefined) ?? [];
        const own = packOrder(ctx, prng, order, quantitiesToShip(prng, lines, partial));
        // Every third order shares a carton with the order before it (same LOB and warehouse): one shipment
        // row then carries two orders in orderNoList (decisions E2, C18).
        const previous = cartons[cartons.length - 1];
        if (
          orders % 3 === 2 &&
          previous !== undefined &&
          previous.orders.length === 1 &&
          previous.orders[0]?.lobId === order.lobId &&
          previous.orders[0]?.warehouseId === order.warehouseId
        ) {
          const shared = own.shift() as Carton;
          previous.lines.push(...shared.lines);
          previous.orders.push(order);
          own.forEach((c, i) => {
            c.no = i + 1;
            c.of = own.length;
          });
        }
        cartons.push(...own);
        orders++;
      }
      for (const carton of cartons) printLabel(ctx, prng, carton, now);
      let shipments = labelOnly ? cartons.length : 0;
      if (!labelOnly) {
        const rows = [
          ...waiting,
          ...[...shipmentsCol.records.values()].filter(
            (r) => r.shipped === false && cartons.some((c) => c.cartonId === r.cartonId),
          ),
        ];
        const touched = new Map<number, SimRecord>();
        for (const row of rows) {
          for (const order of shipLabel(ctx, row, now)) touched.set(order.orderNo as number, order);
          shipments++;
        }
        for (const orderNo of touched.keys()) {
          const order = ctx.store.collections.order.get(orderNo);
          if (order) closeOrder(ctx, order, now);
        }
      }
      if (orders > 0 || shipments > 0) ctx.changed();
      return { shipments, orders };
    },
    putOnOrder(o: { orderNos?: readonly number[] } = {}) {
      const now = ctx.clock.nowIso();
      let orders = 0;
      for (const order of [...ctx.store.collections.order.records.values()]) {
        if (order.status !== 'Pending') continue;
        if (o.orderNos && !o.orderNos.includes(Number(order.orderNo))) continue;
        const updated: SimRecord = { ...order, status: 'On Order' };
        stamp('Order', updated, now, false);
        ctx.store.collections.order.put(updated);
        orders++;
      }
      if (orders > 0) ctx.changed();
      return { orders };
    },
    deliver() {
      const now = ctx.clock.nowIso();
      let delivered = 0;
      for (const row of [...ctx.store.collections.shipment.records.values()]) {
        if (row.shipped !== true || row.deliveredDate !== undefined) continue;
        const updated: SimRecord = { ...row, deliveredDate: now, status: SHIPMENT_DELIVERED_STATUS };
        stamp('Shipment', updated, now, false);
        ctx.store.collections.shipment.put(updated);
        delivered++;
      }
      if (delivered > 0) ctx.changed();
      return { delivered };
    },
    receiveAsns(o: ReceiveOptions = {}) {
      const { share = 1, partialShare = 0.2, max = Infinity } = o;
      const now = ctx.clock.nowIso();
      let asns = 0;
      let receipts = 0;
      const open = [...ctx.store.collections.asn.records.values()].filter(
        (r) => r.status === 'Open' || r.status === 'Partially Received',
      );
      for (const asn of open) {
        if (asns >= max) break;
        const pick = prng.next() < share;
        const partial = prng.next() < partialShare;
        if (!pick) continue;
        receipts += receiveAsn(ctx, prng, asn, partial, now);
        asns++;
      }
      if (asns > 0) ctx.changed();
      return { receipts, asns };
    },
    adjustInventory(o: AdjustOptions = {}) {
      const { count = 5, poShare = 0.3 } = o;
      const items = [...ctx.store.collections.item.records.values()];
      if (items.length === 0) return { adjustments: 0 };
      const asns = [...ctx.store.collections.asn.records.values()];
      const now = ctx.clock.nowIso();
      for (let i = 0; i < count; i++) {
        const item = prng.pick(items);
        const kind = prng.pick(ADJUSTMENTS);
        let qty = prng.int(kind.min, kind.max);
        if (qty === 0) qty = 1;
        const withPo = prng.next() < poShare;
        const lobAsns = asns.filter((a) => a.lobId === item.lobId);
        const adj: SimRecord = {
          id: ctx.store.nextId('inventoryAdjustment'),
          lobId: item.lobId,
          sku: item.sku,
          adjustmentDate: now,
          adjustmentTime: now.slice(11, 19),
          location: `A-${String(prng.int(1, 20)).padStart(2, '0')}-${String(prng.int(1, 9)).padStart(2, '0')}`,
          qty,
          note: kind.note,
          authorizedBy: 'Simulator',
          printed: 'No',
          adjustmentCode: kind.code,
        };
        if (withPo && lobAsns.length > 0) adj.poNoId = prng.pick(lobAsns).id;
        ctx.store.collections.inventoryAdjustment.put(adj);
        moveStock(ctx, item.lobId, item.sku, qty, now);
      }
      ctx.changed();
      return { adjustments: count };
    },
    seedShipments({ count, lobId }: SeedShipmentsOptions) {
      const lob =
        lobId ??
        (ctx.store.collections.lineOfBusiness.records.values().next().value?.id as number | undefined) ??
        1;
      const wh =
        (ctx.store.collections.warehouse.records.values().next().value?.id as number | undefined) ?? 1;
      // Spread over the last count/4 ms, four records per millisecond: realistic ties, mostly distinct dates.
      const end = ctx.clock.nowMs();
      const col = ctx.store.collections.shipment;
      let firstId = 0;
      let lastId = 0;
      for (let i = 0; i < count; i++) {
        const order = { orderNo: 900_000 + i, lobId: lob, warehouseId: wh } satisfies SimRecord;
        const sku = `SEED-${String(i % 500).padStart(4, '0')}`;
        const now = new Date(end - Math.ceil((count - 1 - i) / 4)).toISOString();
        const carton: Carton = {
          cartonId: ctx.store.nextId('carton'),
          orders: [order],
          no: 1,
          of: 1,
          lines: [{ order, line: { id: i + 1, sku }, quantity: 1, weight: 1 }],
        };
        const rec: SimRecord = {
          ...labelRow(ctx, prng, carton, now),
          shipped: true,
          status: SHIPMENT_SHIPPED_STATUS,
        };
        rec.shipDate = now;
        col.put(rec);
        if (i === 0) firstId = rec.id as number;
        lastId = rec.id as number;
      }
      ctx.changed();
      return { firstId, lastId };
    },
  };
}
