/** Engine-side lookups the mapping needs (ERP vendor number -> Infoplus vendor id), cached for the engine's life. */
import type { ResolveKind } from '../domain/mapping/index.js';
import { f, type InfoplusClient } from '../infoplus/index.js';
import type { StateStore } from '../store/index.js';

/** Resolves and caches; `resolve` is synchronous for buildPayload, `prefetch` fills the cache first. */
export class LookupResolver {
  private readonly cache = new Map<string, number | null>();

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

  /** Makes sure the cache knows these values: the vendors journal first (0 calls), then one Infoplus search. */
  async prefetch(requests: readonly { kind: ResolveKind; value: string }[]): Promise<void> {
    for (const r of requests) {
      const key = `${r.kind}:${r.value}`;
      if (this.cache.has(key) && this.cache.get(key) !== null) continue;
      if (r.kind === 'infoplusVendorId') {
        const j = this.store.journal.get('vendors', r.value);
        if (j?.infoplusId) {
          this.cache.set(key, Number(j.infoplusId));
          continue;
        }
        const n = Number(r.value);
        if (!Number.isInteger(n)) {
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

  /** Forgets negative answers (a vendor pushed since may exist now). */
  forgetMisses(): void {
    for (const [k, v] of this.cache) if (v === null) this.cache.delete(k);
  }
}
