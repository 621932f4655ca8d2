/**
 * The ERP side of a page of shipments: which ERP order each shipment is for, and that order's lines with the
 * quantities shipped so far. Infoplus shipments carry no lines (API.md §12): per-line figures come from the
 * orders' `lineItems` (or `orderLine` when an order comes without them), looked up for the orders the page
 * touched with `in` searches (one per field and chunk; one `eq` search per value where `in` is refused).
 * Back-orders: further orders with the same `customerOrderNo` (a decimal `orderNo` such as 1005.001) are one
 * family; the family's first order is the one the ERP stored, and the children's shipped quantities are
 * credited to its lines. A shipment naming several orders (`orderNoList`) is written once per ERP order.
 */
import { f, type Filter, type InfoplusClient, type SearchQuery } from '../infoplus/index.js';

type Line = Record<string, unknown> & {
  id?: number;
  lineItemId?: number;
  sku?: string;
  orderNo?: number;
  orderedQty?: number;
  shippedQty?: number;
  backorderQty?: number;
};
type Order = Record<string, unknown> & {
  orderNo: number;
  customerOrderNo?: string | null;
  lineItems?: Line[];
};
type Search<T> = (q: SearchQuery) => Promise<T[]>;

/** One write-back unit: the shipment as written for one ERP order. */
export type ShipmentUnit = Record<string, unknown> & {
  orderNo: number | null;
  shipmentOrderNo: number | null;
  customerOrderNo: string | null;
  /** 1 when the carton left, else 0 (numbers bind alike in every ERP dialect). */
  isShipped: 0 | 1;
  /** 0 for the first ERP order of the shipment, 1 for the next... */
  unitIndex: number;
  orderLines: Line[];
};

const CHUNK = 100;
const PAGE = 250;

/** True when Infoplus refused the filter itself (`in` not supported): decided by status kind, not wording. */
function refusedFilter(e: unknown): boolean {
  const kind = (e as { kind?: unknown }).kind;
  return kind === 'validation' || kind === 'not-found';
}

async function searchAll<T>(search: Search<T>, filter: Filter): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const rows = await search({ filter, limit: PAGE, page });
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

/** Records whose `field` is one of `values`, batched with `in`; one `eq` per value if Infoplus refuses `in`. */
export async function searchIn<T>(
  search: Search<T>,
  scope: Filter,
  field: string,
  values: readonly (string | number)[],
): Promise<T[]> {
  const distinct = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const chunk = distinct.slice(i, i + CHUNK);
    try {
      out.push(...(await searchAll(search, f.and(scope, f.in(field, chunk)))));
    } catch (e) {
      if (!refusedFilter(e)) throw e;
      for (const v of chunk) out.push(...(await searchAll(search, f.and(scope, f.eq(field, v)))));
    }
  }
  return out;
}

/** Shipped means the carton left: `shipped: true`, or a status saying so; a label row is not shipped. */
export function isShipped(s: Record<string, unknown>): boolean {
  if (s['shipped'] === true) return true;
  const status = typeof s['status'] === 'string' ? s['status'].trim().toLowerCase() : '';
  return status === 'shipped' || status === 'delivered';
}

/** The order numbers a shipment names, orderNo first, without repeats. */
export function orderNumbersOf(s: Record<string, unknown>): number[] {
  const out: number[] = [];
  const add = (v: unknown): void => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isFinite(n) && !out.includes(n)) out.push(n);
  };
  add(s['orderNo']);
  if (Array.isArray(s['orderNoList'])) for (const v of s['orderNoList']) add(v);
  return out;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const byId = (a: Line, b: Line): number => num(a.id ?? a.lineItemId) - num(b.id ?? b.lineItemId);

/** The root's lines with the family's shipped quantities (children credited by SKU, in line order). */
export function familyLines(root: Line[], children: readonly Line[][]): Line[] {
  // `id` is the Infoplus line id (orderLine.id = lineItems[].id = lineItemId)
  const lines: Line[] = [...root]
    .sort(byId)
    .map((l) => ({ ...l, id: num(l.id ?? l.lineItemId), shippedQty: num(l.shippedQty) }));
  const seen = new Map<string, number>();
  for (const l of lines) {
    const sku = String(l.sku ?? '');
    l['lineIndex'] = seen.get(sku) ?? 0;
    seen.set(sku, (seen.get(sku) ?? 0) + 1);
  }
  if (children.length === 0) return lines;
  // What a line keeps of its ERP line's quantity: allowedQty (a parent whose rest went to a child keeps what it
  // shipped), else shipped + still back-ordered, else (untouched) its ordered quantity. Along a chain
  // parent -> child -> grandchild these add up to the ERP line's quantity.
  const claim = (l: Line): number => {
    if (typeof l['allowedQty'] === 'number') return l['allowedQty'];
    const held = num(l.shippedQty) + num(l.backorderQty);
    return held > 0 ? held : num(l.orderedQty);
  };
  const used = new Map<Line, number>(lines.map((l) => [l, claim(l)]));
  for (const child of children) {
    for (const cl of [...child].sort(byId)) {
      const same = lines.filter((l) => l.sku === cl.sku);
      if (same.length === 0) continue;
      // the first same-SKU line with quantity left over takes the child line (children keep line order)
      const target = same.find((l) => num(l.orderedQty) - (used.get(l) ?? 0) > 0) ?? same[same.length - 1]!;
      used.set(target, (used.get(target) ?? 0) + claim(cl));
      target.shippedQty = num(target.shippedQty) + num(cl.shippedQty);
    }
  }
  for (const l of lines) l.backorderQty = Math.max(0, num(l.orderedQty) - num(l.shippedQty));
  return lines;
}

/** Resolves each shipment of a page into its write-back units (one per ERP order it carries). */
export async function shipmentUnits(
  client: InfoplusClient,
  lobId: number,
  shipments: readonly Record<string, unknown>[],
): Promise<Map<unknown, ShipmentUnit[]>> {
  const lob = f.eq('lobId', lobId);
  const orderSearch: Search<Order> = (q) => client.order.search(q) as unknown as Promise<Order[]>;
  const named = [...new Set(shipments.flatMap(orderNumbersOf))];
  const direct = named.length > 0 ? await searchIn(orderSearch, lob, 'orderNo', named) : [];
  const customerNos = [
    ...new Set(
      direct.map((o) => o.customerOrderNo).filter((c): c is string => typeof c === 'string' && c !== ''),
    ),
  ];
  const family =
    customerNos.length > 0 ? await searchIn(orderSearch, lob, 'customerOrderNo', customerNos) : [];
  const orders = new Map<number, Order>();
  for (const o of [...direct, ...family]) orders.set(num(o.orderNo), o);
  await fillMissingLines(client, lob, [...orders.values()]);

  const families = new Map<string, Order[]>();
  for (const o of orders.values()) {
    if (typeof o.customerOrderNo !== 'string' || o.customerOrderNo === '') continue;
    const list = families.get(o.customerOrderNo) ?? [];
    list.push(o);
    families.set(o.customerOrderNo, list);
  }
  for (const list of families.values()) list.sort((a, b) => num(a.orderNo) - num(b.orderNo));

  const linesOfRoot = new Map<number, Line[]>();
  const rootOf = (orderNo: number): { root: number; customerOrderNo: string | null; lines: Line[] } => {
    const o = orders.get(orderNo);
    const fam = o && typeof o.customerOrderNo === 'string' ? families.get(o.customerOrderNo) : undefined;
    if (!o || !fam) return { root: orderNo, customerOrderNo: null, lines: [] };
    const root = fam[0]!;
    const key = num(root.orderNo);
    let lines = linesOfRoot.get(key);
    if (!lines) {
      lines = familyLines(
        root.lineItems ?? [],
        fam.slice(1).map((c) => c.lineItems ?? []),
      );
      linesOfRoot.set(key, lines);
    }
    return { root: key, customerOrderNo: root.customerOrderNo ?? null, lines };
  };

  const out = new Map<unknown, ShipmentUnit[]>();
  for (const s of shipments) {
    const shipped = isShipped(s) ? 1 : 0;
    const numbers = orderNumbersOf(s);
    const units: ShipmentUnit[] = [];
    const roots = new Set<number>();
    for (const n of numbers) {
      const r = rootOf(n);
      if (roots.has(r.root)) continue;
      roots.add(r.root);
      units.push({
        ...s,
        orderNo: r.root,
        shipmentOrderNo: n,
        customerOrderNo: r.customerOrderNo,
        isShipped: shipped,
        unitIndex: units.length,
        orderLines: r.lines,
      });
    }
    if (units.length === 0)
      units.push({
        ...s,
        orderNo: null,
        shipmentOrderNo: null,
        customerOrderNo: null,
        isShipped: shipped,
        unitIndex: 0,
        orderLines: [],
      });
    out.set(s['id'], units);
  }
  return out;
}

/** Orders that came without `lineItems` get theirs from `orderLine` (when the client offers it). */
async function fillMissingLines(client: InfoplusClient, lob: Filter, orders: Order[]): Promise<void> {
  const missing = orders.filter((o) => !Array.isArray(o.lineItems));
  const orderLine = (client as unknown as { orderLine?: { search: Search<Line> } }).orderLine;
  if (missing.length === 0 || !orderLine) return;
  const rows = await searchIn(
    (q) => orderLine.search(q),
    lob,
    'orderNo',
    missing.map((o) => num(o.orderNo)),
  );
  const byOrder = new Map<number, Line[]>();
  for (const r of rows) {
    const list = byOrder.get(num(r.orderNo)) ?? [];
    list.push(r);
    byOrder.set(num(r.orderNo), list);
  }
  for (const o of missing) o.lineItems = byOrder.get(num(o.orderNo)) ?? [];
}
