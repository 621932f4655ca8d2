/** Building blocks of the push touchpoints' Infoplus look-ups. */
import { f, RESOURCE_KEY, type InfoplusClient, type SearchQuery } from '../../infoplus/index.js';
import type { InfoplusRecord, PushResource } from '../push-resources.js';

/** Keys per `in` search: well under the 250-record page, with room for back-order children. */
export const LOOKUP_MANY_CHUNK = 50;

/** The records of many keys, `field in (...)` in chunks, within the line of business; `value` = key as sent. */
export const searchIn =
  (
    pick: (c: InfoplusClient) => { search(q: SearchQuery): Promise<unknown[]> },
    field: string,
    value: (k: string) => string | number,
  ) =>
  async (c: InfoplusClient, lobId: number, keys: readonly string[]): Promise<InfoplusRecord[]> => {
    const out: InfoplusRecord[] = [];
    for (let i = 0; i < keys.length; i += LOOKUP_MANY_CHUNK) {
      const chunk = [...new Set(keys.slice(i, i + LOOKUP_MANY_CHUNK).map(value))];
      const rows = await pick(c).search({
        filter: f.and(f.eq('lobId', lobId), f.in(field, chunk)),
        limit: 250,
      });
      for (const r of rows) out.push(asRecord(r));
    }
    return out;
  };

export const asRecord = (r: unknown): InfoplusRecord => r as InfoplusRecord;

/** The record with the lowest id (the one a reconciliation keeps when duplicates exist). */
export const lowest =
  (idField: string) =>
  (rows: readonly unknown[]): InfoplusRecord | null => {
    let best: InfoplusRecord | null = null;
    for (const row of rows) {
      const r = asRecord(row);
      if (best === null || Number(r[idField]) < Number(best[idField])) best = r;
    }
    return best;
  };

/** The resources a push touchpoint writes to. */
type WritableResource = 'item' | 'vendor' | 'asn' | 'order';

/** Create, update and list of a writable resource, the same for every push touchpoint. */
export function writesOf(resource: WritableResource): Pick<PushResource, 'create' | 'update' | 'list'> {
  const pick = (c: InfoplusClient) =>
    c[resource] as unknown as {
      create(p: InfoplusRecord): Promise<unknown>;
      update(p: InfoplusRecord): Promise<void>;
      iterate(q: Omit<SearchQuery, 'page'>): AsyncIterable<unknown>;
    };
  return {
    create: async (c, p) => asRecord(await pick(c).create(p)),
    update: (c, p) => pick(c).update(p),
    list: (c, lobId) =>
      pick(c).iterate({
        filter: f.eq('lobId', lobId),
        sort: RESOURCE_KEY[resource],
      }) as AsyncIterable<InfoplusRecord>,
  };
}
