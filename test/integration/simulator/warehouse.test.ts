import { afterEach, describe, expect, it } from 'vitest';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';
import { client, minimalAsn, minimalOrder, startSeeded } from './helpers.js';

type Rec = Record<string, unknown>;
const started: InfoplusSimulator[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** Same requests on a fresh simulator with the given seed; returns it after warehouse activity. */
async function scenario(seed: number): Promise<InfoplusSimulator> {
  const sim = await startSeeded({ seed });
  started.push(sim);
  const api = client(sim);
  for (let i = 0; i < 12; i++) {
    const r = await api.post(
      '/order',
      minimalOrder({
        customerOrderNo: `SO-${i}`,
        lineItems: [
          { sku: 'WIDGET-1', orderedQty: 2 + (i % 4) },
          { sku: 'GADGET-1', orderedQty: 1 + (i % 3) },
        ],
      }),
    );
    expect(r.status).toBe(201);
  }
  for (let i = 0; i < 4; i++) {
    const r = await api.post(
      '/asn',
      minimalAsn(`PO-${i}`, {
        lineItems: [
          { sku: 'WIDGET-1', orderQuantity: 20 + i },
          { sku: 'GIZMO-9', orderQuantity: 5 },
        ],
      }),
    );
    expect(r.status).toBe(201);
  }
  sim.warehouse.shipOrders({ share: 0.7, partialShare: 0.5 });
  sim.warehouse.receiveAsns({ share: 1, partialShare: 0.5 });
  sim.warehouse.adjustInventory({ count: 8, poShare: 0.5 });
  return sim;
}

/** Records without the wall-clock fields, for comparing two runs. */
function timeless(rows: Rec[]): Rec[] {
  const DATES = [
    'createDate',
    'modifyDate',
    'shipDate',
    'receivedDate',
    'adjustmentDate',
    'adjustmentTime',
    'inventoryUpdateTimestamp',
  ];
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !DATES.includes(k))));
}

describe('warehouse activity', () => {
  it('is identical for the same seed and differs for another seed', async () => {
    const a = await scenario(42);
    const b = await scenario(42);
    const c = await scenario(7);
    for (const resource of ['shipment', 'itemReceipt', 'inventoryAdjustment'] as const) {
      expect(timeless(a.state.list(resource))).toEqual(timeless(b.state.list(resource)));
    }
    expect(a.state.count('shipment')).toBeGreaterThan(0);
    const tracking = (s: InfoplusSimulator): unknown[] =>
      s.state.list<Rec>('shipment').map((r) => r.trackingNo);
    expect(tracking(a)).not.toEqual(tracking(c));
  });

  it('ships orders with carrier, tracking, weight and per-carton line quantities that add up', async () => {
    const sim = await scenario(3);
    const orders = sim.state.list<Rec>('order');
    const shipped = orders.filter((o) => o.status === 'Shipped');
    expect(shipped.length).toBeGreaterThan(0);
    expect(orders.some((o) => o.status === 'Pending')).toBe(true);
    const shipments = sim.state.list<Rec>('shipment');
    for (const s of shipments) {
      expect(s).toMatchObject({ status: 'Shipped', shipped: true, lobId: 1, warehouseId: 1 });
      expect(['UPS', 'FedEx', 'USPS']).toContain(s.carrierCompany);
      expect(String(s.trackingNo).length).toBeGreaterThanOrEqual(12);
      expect(s.weightLbs as number).toBeGreaterThan(0);
      expect(s.numberOfCartons as number).toBeGreaterThanOrEqual(s.cartonNo as number);
    }
    // Shipments carry no line data (API.md §12); carton contents and order lines say what shipped.
    for (const s of shipments) expect(s.customFields).toBeUndefined();
    const contents = sim.state.list<Rec>('cartonContent');
    const orderLines = sim.state.list<Rec>('orderLine');
    for (const order of shipped) {
      const qty = new Map<unknown, number>();
      for (const c of contents.filter((x) => x.orderNo === order.orderNo)) {
        expect(shipments.some((s) => s.cartonId === c.cartonId)).toBe(true);
        qty.set(c.lineItemId, (qty.get(c.lineItemId) ?? 0) + (c.quantity as number));
      }
      for (const line of order.lineItems as Rec[]) {
        expect(qty.get(line.id) ?? 0).toBe(line.shippedQty);
        expect((line.shippedQty as number) + (line.backorderQty as number)).toBe(line.orderedQty);
        expect(orderLines.find((l) => l.id === line.id)).toMatchObject({
          orderNo: order.orderNo,
          shippedQty: line.shippedQty,
          backorderQty: line.backorderQty,
        });
      }
    }
    // partialShare 0.5 over several orders: at least one partial shipment.
    expect(shipped.some((o) => (o.lineItems as Rec[]).some((l) => (l.backorderQty as number) > 0))).toBe(
      true,
    );
  });

  it('receives ASNs partly, then fully, raising receivedQuantity and the ASN status', async () => {
    const sim = await startSeeded();
    started.push(sim);
    const api = client(sim);
    const asn = (
      await api.post<Rec>(
        '/asn',
        minimalAsn('PO-PART', { lineItems: [{ sku: 'WIDGET-1', orderQuantity: 10 }] }),
      )
    ).json;
    expect(sim.warehouse.receiveAsns({ partialShare: 1 })).toEqual({ receipts: 1, asns: 1 });
    const partial = (await api.get<Rec>(`/asn/${String(asn.id)}`)).json;
    expect(partial.status).toBe('Partially Received');
    const got = ((partial.lineItems as Rec[])[0] as Rec).receivedQuantity as number;
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(10);
    sim.warehouse.receiveAsns({ partialShare: 0 });
    const full = (await api.get<Rec>(`/asn/${String(asn.id)}`)).json;
    expect(full.status).toBe('Received');
    const line = (full.lineItems as Rec[])[0] as Rec;
    expect(line).toMatchObject({ receivedQuantity: 10, poNoId: asn.id });
    const receipts = await api.search('itemReceipt', {
      filter: `poNoId eq ${String(asn.id)} and receivedQuantity gt 0`,
    });
    expect(receipts.json).toHaveLength(1);
    const item = (await api.get<Rec>('/item/getBySKU?lobId=1&sku=WIDGET-1')).json;
    expect(item.onHandQuantity).toBe(10);
  });

  it('makes cycle count, damage and loss adjustments, some with a poNoId of an ASN', async () => {
    const sim = await scenario(11);
    const adjustments = sim.state.list<Rec>('inventoryAdjustment');
    expect(adjustments).toHaveLength(8);
    const asnIds = new Set(sim.state.list<Rec>('asn').map((a) => a.id));
    for (const a of adjustments) {
      expect(['CC', 'DM', 'LS']).toContain(a.adjustmentCode);
      expect(a.qty).not.toBe(0);
      if (a.poNoId !== undefined) expect(asnIds.has(a.poNoId)).toBe(true);
    }
    expect(adjustments.some((a) => a.poNoId !== undefined)).toBe(true);
  });

  it('is driven by control endpoints too, which need the API key', async () => {
    const sim = await startSeeded({ seed: 5 });
    started.push(sim);
    const api = client(sim);
    await api.post('/order', minimalOrder());
    await api.post('/asn', minimalAsn('PO-CTL'));
    const unauth = await api.call('POST', '/__sim/warehouse/ship', {}, { key: null, root: true });
    expect(unauth.status).toBe(401);
    expect((await api.control('POST', 'warehouse/ship', { share: 1, partialShare: 0 })).json).toEqual({
      shipments: expect.any(Number),
      orders: 1,
    });
    expect((await api.control('POST', 'warehouse/receive', {})).json).toEqual({ receipts: 1, asns: 1 });
    expect((await api.control('POST', 'warehouse/adjust', { count: 3 })).json).toEqual({ adjustments: 3 });
    expect((await api.control('POST', 'warehouse/ship', { shares: 1 })).status).toBe(400);
    const state = await api.control<Rec[]>('GET', 'state/shipment');
    expect(state.json.length).toBeGreaterThan(0);
    const stats = await api.control<Rec>('GET', 'stats');
    expect(stats.json).toMatchObject({ requests: expect.any(Number), writes: 2 });
    expect((stats.json.byRoute as Rec)['POST order']).toBe(1);
  });

  it('seeds many shipments in bulk for pull benchmarks, readable page by page', async () => {
    const sim = await startSeeded();
    started.push(sim);
    const api = client(sim);
    const { firstId, lastId } = sim.seedShipments({ count: 600 });
    expect(lastId - firstId).toBe(599);
    const seen = new Set<unknown>();
    for (let page = 1; ; page++) {
      const r = await api.search('shipment', { limit: 250, page, sort: 'modifyDate' });
      r.json.forEach((s) => seen.add(s.id));
      if (r.json.length < 250) break;
    }
    expect(seen.size).toBe(600);

    // A (modifyDate, id) cursor with small pages sees every record once despite same-millisecond ties.
    const cursorSeen: unknown[] = [];
    let date: string | null = null;
    let afterId = 0;
    for (let guard = 0; guard < 1000; guard++) {
      if (date !== null) {
        for (;;) {
          const filter = `modifyDate eq '${date}' and id gt ${afterId}`;
          const tie = (await api.search('shipment', { filter, sort: 'id', limit: 3 })).json;
          tie.forEach((s) => cursorSeen.push(s.id));
          if (tie.length > 0) afterId = tie[tie.length - 1]?.id as number;
          if (tie.length < 3) break;
        }
      }
      const filter = date === null ? 'lobId eq 1' : `lobId eq 1 and modifyDate gt '${date}'`;
      const next = (await api.search('shipment', { filter, sort: 'modifyDate', limit: 250 })).json;
      if (next.length === 0) break;
      // Keep only the rows before the last date; the tie query of the next round reads that date fully.
      const last = next[next.length - 1] as Record<string, unknown>;
      date = String(last.modifyDate);
      next.filter((s) => s.modifyDate !== date).forEach((s) => cursorSeen.push(s.id));
      afterId = 0;
    }
    expect(cursorSeen).toHaveLength(600);
    expect(new Set(cursorSeen).size).toBe(600);
  });
});
