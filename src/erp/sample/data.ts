/** Deterministic sample data holding what real ERPs hold: unicode, quotes, decimals, nulls, long notes, local dates. */

/** Sizes derived from the number of orders. */
export interface SampleSizes {
  readonly orders: number;
  readonly customers: number;
  readonly vendors: number;
  readonly items: number;
  readonly purchaseOrders: number;
}

/** How many of each record `orders` orders come with. */
export function sampleSizes(orders: number): SampleSizes {
  return {
    orders,
    customers: Math.max(5, Math.min(5_000, Math.ceil(orders / 10))),
    vendors: Math.max(3, Math.min(50, Math.ceil(orders / 200))),
    items: Math.max(10, Math.min(2_000, Math.ceil(orders / 5))),
    purchaseOrders: Math.max(2, Math.ceil(orders / 10)),
  };
}

/** A small fast PRNG (mulberry32) seeded per record, so any record can be generated on its own. */
function rng(seed: number, table: number, index: number): () => number {
  let a = (seed * 2654435761 + table * 40503 + index * 97) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

const NAMES = [
  'O\'Brien\'s "Best" Deli',
  "Robert'); DROP TABLE customers;--",
  'Café Müller',
  'Zoë & Søren Bäckerei',
  '日本商事株式会社',
  'Łódź Trading Sp. z o.o.',
  'Smith & Sons, Inc.',
  'Ärztebedarf Größe GmbH',
  'São Paulo Importações',
  'Acme -- Wholesale /* east */',
  'Crème Brûlée Co.',
  'Ñandú Distribuidora',
];
const STREETS = [
  "12 King's Road",
  '500 "Main" Street',
  'Hauptstraße 5',
  '1-2-3 Shibuya',
  '77 Rue de l’Église',
  "9 O'Connell St.",
];
const CITIES = [
  ['Chicago', 'IL', '60601'],
  ['Madison', 'WI', '53703'],
  ['Austin', 'TX', '78701'],
  ['Denver', 'CO', '80202'],
  ["Coeur d'Alene", 'ID', '83814'],
] as const;
const NOTES = [
  'Leave at back door 🚚📦',
  'Call before delivery; gate code #1234',
  'Customer said: "don\'t stack" — fragile',
  "'; DELETE FROM sales_orders; --",
  '発送前にご連絡ください',
];
const SHIP_VIA = ['UPS', 'FEDEX', 'USPS', 'UPS', 'ups '];
const WORDS = ['Widget', 'Gadget', 'Sprocket', 'Flange', 'Gizmo', 'Bracket', 'Köpfchen', 'Ölfilter', 'Stück'];

/** Base of the generated dates: spring 2024 in the ERP's local time, spanning the DST change of 10 March. */
const BASE_DAY = Date.UTC(2024, 1, 20);

/** Local wall-clock text `YYYY-MM-DD HH:MM:SS.mmm` (the ERP stores local times without a zone). */
function localText(ms: number, withTime = true): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  if (!withTime) return date;
  return `${date} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

function longNote(r: () => number): string {
  const parts: string[] = [];
  while (parts.join(' ').length < 2_500) parts.push(pick(r, NOTES), pick(r, WORDS));
  return parts.join(' ');
}

/** Row generators; each returns one row as column -> value, deterministic in (seed, index). */
export function customerRow(seed: number, i: number): Record<string, unknown> {
  const r = rng(seed, 1, i);
  const [city, state, zip] = pick(r, CITIES);
  // the first customers carry every awkward name once, so even a tiny sample ERP holds them
  const name = i === 1 ? NAMES[0]! : i <= NAMES.length ? `${NAMES[i - 1]!} #${i}` : `${pick(r, NAMES)} #${i}`;
  return {
    customer_id: i,
    customer_no: `C${pad(i, 6)}`,
    name,
    company: name,
    street: pick(r, STREETS),
    street2: r() < 0.7 ? null : `Suite ${Math.floor(r() * 900) + 100}`,
    city,
    state,
    zip,
    country: 'US',
    phone: r() < 0.2 ? null : `+1-312-555-${pad(Math.floor(r() * 10000), 4)}`,
    email: r() < 0.3 ? null : `buyer${i}@example.com`,
    updated_at: localText(BASE_DAY + i * 60_000),
  };
}

export function vendorRow(seed: number, i: number): Record<string, unknown> {
  const r = rng(seed, 2, i);
  const [city, state, zip] = pick(r, CITIES);
  return {
    vendor_id: i,
    vendor_no: 1000 + i,
    name: `${pick(r, NAMES)} Supply ${i}`,
    street: pick(r, STREETS),
    city,
    state,
    zip,
    country: 'US',
    phone: r() < 0.3 ? null : `+1-608-555-${pad(Math.floor(r() * 10000), 4)}`,
    inactive: i % 17 === 0,
    notes: r() < 0.5 ? null : pick(r, NOTES),
    updated_at: localText(BASE_DAY + i * 90_000),
  };
}

export function itemRow(seed: number, i: number, sizes: SampleSizes): Record<string, unknown> {
  const r = rng(seed, 3, i);
  const desc = `${pick(r, WORDS)} ${pick(r, WORDS)} ${i} – ${i % 7 === 0 ? 'extra long description that is longer than forty characters' : 'std'}`;
  return {
    item_id: i,
    sku: skuOf(i),
    description: desc,
    unit_price: (Math.floor(r() * 100_000_000) / 10_000).toFixed(4),
    weight_lbs: r() < 0.2 ? null : (Math.floor(r() * 500_000) / 10_000).toFixed(4),
    upc: r() < 0.5 ? null : `0${pad(Math.floor(r() * 1e11), 11)}`,
    vendor_no: 1000 + 1 + (i % sizes.vendors),
    active: true,
    qty_adjusted: 0,
    updated_at: localText(BASE_DAY + i * 30_000),
  };
}

/** SKU of item i: upper case, digits and '-' (Infoplus allows A-Z 0-9 # _ -, at most 20). */
export function skuOf(i: number): string {
  return `SKU-${pad(i, 6)}`;
}

export function orderRow(seed: number, i: number, sizes: SampleSizes): Record<string, unknown> {
  const r = rng(seed, 4, i);
  const [city, state, zip] = pick(r, CITIES);
  // spread over ~60 days around the DST change, at local business hours (some inside the 02:00-03:00 gap)
  const day = BASE_DAY + Math.floor((i / Math.max(1, sizes.orders)) * 60) * 86_400_000;
  const at = day + (i % 97 === 0 ? 2.5 * 3_600_000 : (8 + r() * 9) * 3_600_000);
  return {
    order_id: i,
    order_no: `SO-${pad(i, 7)}`,
    customer_id: 1 + (i % sizes.customers),
    customer_po: r() < 0.4 ? null : `PO# ${Math.floor(r() * 99999)}`,
    order_date: localText(day, false),
    ship_via: pick(r, SHIP_VIA),
    ship_to_name: r() < 0.5 ? null : `${pick(r, NAMES)} (ship-to)`,
    ship_to_street: pick(r, STREETS),
    ship_to_city: city,
    ship_to_state: state,
    ship_to_zip: zip,
    ship_to_country: 'US',
    notes: i % 50 === 0 ? longNote(r) : r() < 0.5 ? null : pick(r, NOTES),
    total: (Math.floor(r() * 10_000_000) / 100).toFixed(4),
    warehouse_code: eastOrder(i) ? 'EAST' : 'MAIN',
    // cancelled in the ERP (the sample profile still pushes it; cancelWhen can act on the status)
    status: cancelledOrder(i) ? 'Cancelled' : 'Open',
    created_at: localText(at),
    updated_at: localText(at),
  };
}

/** Whether order i ships from the ERP's second warehouse (EAST = Infoplus warehouse 2). */
export function eastOrder(i: number): boolean {
  return i % 10 === 3;
}

/** Whether order i was cancelled in the ERP (order 2, 52, 102...). */
export function cancelledOrder(i: number): boolean {
  return i % 50 === 2;
}

/** Whether the first line of purchase order i is in quarter units: 10 x 0.25 = 2.5, rounded to 3 on its way. */
export function fractionalPoLine(i: number, n: number): boolean {
  return i % 5 === 3 && n === 0;
}

/** Whether record i repeats its first line's SKU on its second line (every 4th record with 2+ lines). */
export function sameSkuTwice(i: number, lineCount: number): boolean {
  return lineCount >= 2 && i % 4 === 0;
}

/** Lines of order i: 1-5 (3 on average); some orders hold one SKU on two lines. */
export function orderLineRows(
  seed: number,
  i: number,
  sizes: SampleSizes,
  firstLineId: number,
): Record<string, unknown>[] {
  const r = rng(seed, 5, i);
  const count = 1 + Math.floor(r() * 5);
  const rows: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    rows.push({
      line_id: firstLineId + n,
      order_id: i,
      line_no: n + 1,
      // every 4th order with two or more lines orders its first SKU twice (ERPs allow it; lines are not SKUs)
      sku: skuOf(1 + ((i * 7 + (sameSkuTwice(i, count) && n === 1 ? 0 : n)) % sizes.items)),
      qty: 1 + Math.floor(r() * 12),
      unit_price: (Math.floor(r() * 1_000_000) / 10_000).toFixed(4),
      qty_shipped: 0,
    });
  }
  return rows;
}

export function purchaseOrderRow(seed: number, i: number, sizes: SampleSizes): Record<string, unknown> {
  const r = rng(seed, 6, i);
  const at = BASE_DAY + Math.floor((i / sizes.purchaseOrders) * 60) * 86_400_000 + 9.25 * 3_600_000;
  return {
    po_id: i,
    po_no: `PO-${pad(i, 6)}`,
    vendor_no: 1000 + 1 + (i % sizes.vendors),
    order_date: localText(at),
    expected_date: r() < 0.3 ? null : localText(at + 14 * 86_400_000, false),
    notes: r() < 0.6 ? null : pick(r, NOTES),
    status: 'Open',
    updated_at: localText(at),
  };
}

export function purchaseOrderLineRows(
  seed: number,
  i: number,
  sizes: SampleSizes,
  firstLineId: number,
): Record<string, unknown>[] {
  const r = rng(seed, 7, i);
  const count = 1 + Math.floor(r() * 4);
  const rows: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    rows.push({
      line_id: firstLineId + n,
      po_id: i,
      line_no: n + 1,
      sku: skuOf(1 + ((i * 11 + (sameSkuTwice(i, count) && n === 1 ? 0 : n)) % sizes.items)),
      qty: fractionalPoLine(i, n) ? (r(), 10) : 10 * (1 + Math.floor(r() * 20)),
      unit_cost: (Math.floor(r() * 500_000) / 10_000).toFixed(4),
      uom_factor: fractionalPoLine(i, n) ? '0.2500' : '1.0000',
      qty_received: 0,
    });
  }
  return rows;
}
