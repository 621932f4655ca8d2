/**
 * The ASN line of each pulled item-receipt row. Infoplus keeps an ASN's lines as itemReceipt rows (received
 * quantity 0 at creation); depending on the tenant a receipt either raises the line row's receivedQuantity or
 * adds a row naming the line in `asnLine` (API.md §12). Either way a row belongs to the line `asnLine ?? id`,
 * and that line is the n-th line of its SKU on the ASN: found from the ASN's rows, one `in` search per page.
 */
import { f, type InfoplusClient } from '../infoplus/index.js';
import { searchIn } from './pull-shipment-orders.js';

type Row = Record<string, unknown> & { id: number };

const lineOf = (r: Row): number => {
  const line = r['asnLine'];
  return typeof line === 'number' && line > 0 ? line : r.id;
};

/** Each receipt row with `asnLineId` and `asnLineIndex` added, by row id. */
export async function receiptUnits(
  client: InfoplusClient,
  lobId: number,
  rows: readonly Row[],
): Promise<Map<number, Row>> {
  const asnIds = [...new Set(rows.map((r) => r['poNoId']).filter((v): v is number => typeof v === 'number'))];
  const all =
    asnIds.length > 0
      ? await searchIn(
          (q) => client.itemReceipt.search(q) as unknown as Promise<Row[]>,
          f.eq('lobId', lobId),
          'poNoId',
          asnIds,
        )
      : [];
  // line rows of each ASN (a row that is its own line), by SKU in id order
  const index = new Map<number, number>();
  const bySku = new Map<string, Row[]>();
  for (const r of [...all, ...rows]) {
    if (lineOf(r) !== r.id) continue;
    const k = `${String(r['poNoId'])}|${String(r['sku'])}`;
    const list = bySku.get(k) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push(r);
    bySku.set(k, list);
  }
  for (const list of bySku.values()) {
    list.sort((a, b) => a.id - b.id);
    list.forEach((r, i) => index.set(r.id, i));
  }
  const out = new Map<number, Row>();
  for (const r of rows) {
    const line = lineOf(r);
    out.set(r.id, { ...r, asnLineId: line, asnLineIndex: index.get(line) ?? 0 });
  }
  return out;
}
