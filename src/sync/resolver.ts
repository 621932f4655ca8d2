/**
 * Engine-side lookups the mapping needs, cached for the engine's life: ERP vendor code -> Infoplus vendor id,
 * ERP vendor code -> stable whole vendor number, and the tenant lists lookup tables load (warehouses, carriers).
 */
import type { ResolveKind, TenantLookupEntry, TenantLookupList } from '../domain/mapping/index.js';
import { f, type InfoplusClient } from '../infoplus/index.js';
import { loadLookupList } from '../infoplus/tenant-lists.js';
import { isPlainVendorNo, type StateStore } from '../store/index.js';

/** Resolves and caches; `resolve` is synchronous for buildPayload, `prefetch` fills the cache first. */
export class LookupResolver {
  private readonly cache = new Map<string, number | null>();
  private readonly lists = new Map<TenantLookupList, readonly TenantLookupEntry[] | string>();

  constructor(
    private readonly client: InfoplusClient,
    private readonly store: StateStore,
    private readonly lobId: number,
  ) {}

  /** Synchronous answer for buildPayload; undefined when unknown (the record then reports a problem). */
  resolve = (kind: ResolveKind, value: string): number | string | undefined => {
    const v = this.cache.get(`${kind}:${value}`);
    return v === null ? undefined : v;
  };

  /** A tenant list prefetch loaded, or why it could not be loaded (the record then reports a problem). */
  tenantList = (list: TenantLookupList): readonly TenantLookupEntry[] | string | undefined =>
    this.lists.get(list);

  /**
   * The vendor number a code has, or for a code that has none yet the number the next run would give it,
   * without assigning it (dry run, preview).
   */
  peekVendorNumber = (code: string): number => {
    if (isPlainVendorNo(code)) return Number(code);
    return this.store.vendorNumbers.get(code) ?? this.store.vendorNumbers.next();
  };

  /**
   * The same lookups for a dry run or a preview: a vendor code without a number shows the number the next run
   * would give it, and nothing is assigned.
   */
  peeking(): Pick<LookupResolver, 'prefetch' | 'resolve' | 'tenantList'> {
    return {
      prefetch: (requests) => this.prefetch(requests.filter((r) => r.kind !== 'vendorNumber')),
      resolve: (kind, value) =>
        this.resolve(kind, value) ?? (kind === 'vendorNumber' ? this.peekVendorNumber(value) : undefined),
      tenantList: this.tenantList,
    };
  }

  /**
   * Makes sure the cache knows these values: the vendors journal first (0 calls), then one Infoplus search;
   * a vendor code that is not a plain integer gets its stable number (assigned here, once, for good).
   */
  async prefetch(requests: readonly { kind: ResolveKind; value: string }[]): Promise<void> {
    for (const r of requests) {
      const key = `${r.kind}:${r.value}`;
      if (r.kind === 'tenantList') {
        const list = r.value as TenantLookupList;
        // loaded once per run; a list that failed is not asked for again for every record (forgetMisses retries)
        if (this.lists.has(list)) continue;
        try {
          this.lists.set(list, await loadLookupList(this.client, list));
        } catch (e) {
          this.lists.set(list, (e as Error).message);
        }
        continue;
      }
      if (this.cache.has(key) && this.cache.get(key) !== null) continue;
      if (r.kind === 'vendorNumber') {
        this.cache.set(
          key,
          isPlainVendorNo(r.value) ? Number(r.value) : this.store.vendorNumbers.assign(r.value),
        );
        continue;
      }
      if (r.kind === 'infoplusVendorId') {
        const j = this.store.journal.get('vendors', r.value);
        if (j?.infoplusId) {
          this.cache.set(key, Number(j.infoplusId));
          continue;
        }
        // the vendorNo Infoplus knows the vendor by: the code itself, or the number the code was given
        const n = isPlainVendorNo(r.value) ? Number(r.value) : this.store.vendorNumbers.get(r.value);
        if (n === undefined || !Number.isInteger(n)) {
          this.cache.set(key, null);
          continue;
        }
        const rows = await this.client.vendor.search({
          filter: f.and(f.eq('lobId', this.lobId), f.eq('vendorNo', n)),
          limit: 1,
        });
        const id = rows[0]?.id;
        this.cache.set(key, typeof id === 'number' ? id : null);
      }
    }
  }

  /** Forgets negative answers (a vendor pushed since may exist now) and the tenant lists (they may change). */
  forgetMisses(): void {
    for (const [k, v] of this.cache) if (v === null) this.cache.delete(k);
    this.lists.clear();
  }
}
