/** What a payload refers to in Infoplus (line SKUs, the ASN's vendor) and Infoplus does not have yet. */
import { f, type InfoplusClient } from '../infoplus/index.js';
import type { InfoplusRecord } from './push-resources.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';

/**
 * The records this payload refers to that Infoplus does not have (line SKUs, the ASN's vendor), looked up:
 * how "waiting for a referenced item or vendor" is decided, never by Infoplus's wording.
 */
export async function missingReferences(
  c: InfoplusClient,
  lobId: number,
  payload: InfoplusRecord,
): Promise<string[]> {
  const missing: string[] = [];
  const lines = Array.isArray(payload.lineItems) ? (payload.lineItems as InfoplusRecord[]) : [];
  const skus = [
    ...new Set(lines.map((l) => l.sku).filter((s) => typeof s === 'string' && s.trim() !== '')),
  ].map((s) => String(s).trim().toUpperCase());
  if (skus.length > 0) {
    const items = PUSH_DEFINITIONS.items;
    const found = new Set(
      (await items.lookupMany(c, lobId, skus)).map((r) =>
        String(r[items.keyField] ?? '')
          .trim()
          .toUpperCase(),
      ),
    );
    for (const s of skus) if (!found.has(s)) missing.push(`item ${s}`);
  }
  const vendorId = payload.vendorId;
  if (typeof vendorId === 'number') {
    const rows = await c.vendor.search({
      filter: f.eq(PUSH_DEFINITIONS.vendors.idField, vendorId),
      limit: 1,
    });
    if (rows.length === 0) missing.push(`vendor id ${vendorId}`);
  }
  return missing;
}
