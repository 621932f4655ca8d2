/** Warehouse activity on demand: ships orders, receives ASNs, adjusts inventory; deterministic for a seed. */
import type { SimContext } from './context.js';
import { EDITABLE_ORDER_STATUSES } from './decisions.js';
import { CARRIERS } from './defaults.js';
import type { Prng } from './prng.js';
import { asnLines } from './rules-asn.js';
import { findItem, moveStock, stamp } from './rules-common.js';
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

/** Builds one carton's shipment record. */
function shipmentRecord(
  ctx: SimContext,
  prng: Prng,
  order: SimRecord,
  carton: { no: number; of: number; lines: SimRecord[] },
  now: string,
): SimRecord {
  const carrier = prng.pick(CARRIERS);
  const weight = carton.lines.reduce(
    (w, l) => w + Number(l.quantity) * (typeof l.weight === 'number' ? l.weight : 0.5 + prng.next() * 2),
    0,
  );
  const freight = round2(5 + weight * 0.9);
  const id = ctx.store.nextId('shipment');
  const rec: SimRecord = {
    id,
    shipDate: now,
    trackingNo: trackingNo(prng, carrier.company),
    warehouseId: order.warehouseId,
    lobId: order.lobId,
    orderNo: order.orderNo,
    orderNoList: [order.orderNo],
    cartonNo: carton.no,
    numberOfCartons: carton.of,
    status: 'Shipped',
    shipped: true,
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
    customFields: {
      lineItems: carton.lines.map((l) => ({ lineItemId: l.lineItemId, sku: l.sku, quantity: l.quantity })),
    },
  };
  stamp('Shipment', rec, now, true);
  return rec;
}

/** Ships one order (fully or partly) in 1..3 cartons; returns the number of shipment records. */
function shipOrder(ctx: SimContext, prng: Prng, order: SimRecord, partial: boolean, now: string): number {
  const lines = (order.lineItems as SimRecord[] | undefined) ?? [];
  const canSplit = lines.some((l) => Number(l.orderedQty) > 1) || lines.length > 1;
  const doPartial = partial && canSplit;
  const shippedQty = lines.map((l, i) => {
    const q = Number(l.orderedQty);
    if (!doPartial) return q;
    if (q > 1) return prng.int(1, q - 1);
    return i === 0 ? q : 0;
  });
  const shippedLines = lines
    .map((l, i) => ({ line: l, qty: shippedQty[i] ?? 0 }))
    .filter((x) => x.qty > 0)
    .map(({ line, qty }) => {
      const item = findItem(ctx, order.lobId, line.sku);
      return {
        lineItemId: line.lineItemId,
        sku: line.sku,
        quantity: qty,
        weight: typeof item?.weightPerWrap === 'number' ? item.weightPerWrap : undefined,
      } as SimRecord;
    });
  const cartons = Math.max(1, Math.min(3, shippedLines.length, prng.int(1, 3)));
  const col = ctx.store.collections.shipment;
  let weight = 0;
  let freight = 0;
  for (let c = 0; c < cartons; c++) {
    const inCarton = shippedLines.filter((_, i) => i % cartons === c);
    const rec = shipmentRecord(ctx, prng, order, { no: c + 1, of: cartons, lines: inCarton }, now);
    weight += Number(rec.weightLbs);
    freight += Number(rec.chargedFreightAmount);
    col.put(rec);
  }
  for (const l of shippedLines) moveStock(ctx, order.lobId, l.sku, -Number(l.quantity), now);
  const updated: SimRecord = {
    ...order,
    status: 'Shipped',
    shipDate: now,
    shippedDate: now,
    weightLbs: round2(weight),
    freight: round2(freight),
    numberOfCartons: cartons,
    lineItems: lines.map((l, i) => ({
      ...l,
      shippedQty: shippedQty[i] ?? 0,
      backorderQty: Number(l.orderedQty) - (shippedQty[i] ?? 0),
    })),
  };
  stamp('Order', updated, now, false);
  ctx.store.collections.order.put(updated);
  return cartons;
}

/** Receives one ASN's open quantities (all, or part when `partial`); returns the receipt lines touched. */
function receiveAsn(ctx: SimContext, prng: Prng, asn: SimRecord, partial: boolean, now: string): number {
  const lines = asnLines(ctx, asn);
  const open = lines.filter((l) => Number(l.orderQuantity) > Number(l.receivedQuantity ?? 0));
  let touched = 0;
  open.forEach((line, i) => {
    const remaining = Number(line.orderQuantity) - Number(line.receivedQuantity ?? 0);
    const qty = !partial ? remaining : remaining > 1 ? prng.int(1, remaining - 1) : i === 0 ? remaining : 0;
    if (qty <= 0) return;
    const rec: SimRecord = {
      ...line,
      receivedQuantity: Number(line.receivedQuantity ?? 0) + qty,
      receivedDate: now,
      receivedBy: 'Simulator',
    };
    stamp('ItemReceipt', rec, now, false);
    ctx.store.collections.itemReceipt.put(rec);
    moveStock(ctx, asn.lobId, line.sku, qty, now);
    touched++;
  });
  const done = asnLines(ctx, asn).every((l) => Number(l.receivedQuantity ?? 0) >= Number(l.orderQuantity));
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
      const { share = 1, partialShare = 0.2, max = Infinity } = o;
      const now = ctx.clock.nowIso();
      let orders = 0;
      let shipments = 0;
      const open = [...ctx.store.collections.order.records.values()].filter((r) =>
        EDITABLE_ORDER_STATUSES.includes(String(r.status)),
      );
      for (const order of open) {
        if (orders >= max) break;
        const pick = prng.next() < share;
        const partial = prng.next() < partialShare;
        if (!pick) continue;
        shipments += shipOrder(ctx, prng, order, partial, now);
        orders++;
      }
      if (orders > 0) ctx.changed();
      return { shipments, orders };
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
        const rec = shipmentRecord(
          ctx,
          prng,
          order,
          { no: 1, of: 1, lines: [{ lineItemId: i + 1, sku, quantity: 1 }] },
          now,
        );
        col.put(rec);
        if (i === 0) firstId = rec.id as number;
        lastId = rec.id as number;
      }
      ctx.changed();
      return { firstId, lastId };
    },
  };
}
