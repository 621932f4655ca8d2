/**
 * The cheap check behind continuous schedules: has anything changed in the ERP that a run of this push
 * touchpoint would send? It reads only header rows (watermark mode: the rows since the stored watermark minus
 * the overlap; fingerprint mode: the source.fingerprints query, or all headers) and compares them with the
 * journal, so an idle ERP costs one small query every few seconds and no Infoplus call.
 *
 * Records the journal does not show as synced at their current watermark/fingerprint are "pending". Pending
 * records that stayed pending through a run (parked: they wait for their data to change or for a retry) do
 * not start another run; a pending record never seen before does. A watermark has a resolution (a second in
 * MySQL and SQLite): a record changed again within the tick its run read it in keeps its watermark, so a
 * record whose watermark is that close to the run stays pending until a run has read it a while later.
 */
import type { PushTouchpoint } from '../contract/index.js';
import { mappingDigest, pushConfig, storedFingerprint } from '../domain/mapping/index.js';
import type { ErpConnection } from '../erp/types.js';
import type { Profile } from '../profile/index.js';
import type { StateStore } from '../store/index.js';
import type { ErpIo } from './erp-io.js';

/** What the probe reads with. */
export interface ProbeEnv {
  readonly erp: ErpConnection;
  readonly profile: Profile;
  readonly io: ErpIo;
  readonly store: StateStore;
  readonly clock: () => Date;
  /** How far before the stored watermark a run starts reading (the engine's watermarkOverlapMs). */
  readonly watermarkOverlapMs: number;
}

/** Journal rows are looked up in groups of this many keys. */
const GROUP = 500;
/** A run that read a record less than this after its watermark may have missed a change in the same tick. */
export const WATERMARK_TICK_MS = 5_000;
/** After a failed run started by a change, wait this long before the change may start another. */
export const HOLD_AFTER_FAILURE_MS = 60_000;

/** Remembers, per touchpoint, which pending records a run already went through. */
export class ChangeProbe {
  private readonly settled = new Map<PushTouchpoint, Set<string>>();
  private readonly before = new Map<PushTouchpoint, Map<string, number | null>>();
  private readonly startedAt = new Map<PushTouchpoint, number>();
  private readonly holdUntil = new Map<PushTouchpoint, number>();

  constructor(private readonly env: ProbeEnv) {}

  /** True when a run would have something to do; remembers what it saw for afterRun. */
  async changed(tp: PushTouchpoint): Promise<boolean> {
    const now = this.env.clock();
    if ((this.holdUntil.get(tp) ?? 0) > now.getTime()) return false;
    const { store } = this.env;
    const due = store.inbox.dueForRetry(tp, now.toISOString(), 1).length > 0;
    const unresolved = store.outbox.unresolved(tp).length > 0;
    const pending = await this.pending(tp);
    this.before.set(tp, pending ?? new Map());
    this.startedAt.set(tp, this.env.clock().getTime());
    if (due || unresolved || pending === null) return true;
    const settled = this.settled.get(tp);
    if (!settled) return pending.size > 0;
    for (const p of pending.keys()) if (!settled.has(p)) return true;
    return false;
  }

  /**
   * After the run `changed` asked for: records pending before and after it are parked and need no further
   * run until they change; records that became pending during the run still count as changes.
   */
  async afterRun(tp: PushTouchpoint, ok: boolean): Promise<void> {
    const before = this.before.get(tp);
    this.before.delete(tp);
    if (!ok) {
      this.holdUntil.set(tp, this.env.clock().getTime() + HOLD_AFTER_FAILURE_MS);
      return;
    }
    this.holdUntil.delete(tp);
    if (!before) return;
    const started = this.startedAt.get(tp) ?? 0;
    const after = (await this.pending(tp)) ?? new Map<string, number | null>();
    const settled = new Set<string>();
    for (const [p, watermark] of after) {
      if (!before.has(p) || nearTick(watermark, started)) continue;
      settled.add(p);
    }
    this.settled.set(tp, settled);
  }

  /**
   * `key|watermark|fingerprint` (-> watermark time) of every record a run would look at that the journal
   * does not show synced, or synced by a read in the tick of its watermark; null = a full run is owed.
   */
  private async pending(tp: PushTouchpoint): Promise<Map<string, number | null> | null> {
    const { erp, profile, io, store } = this.env;
    const cfg = pushConfig(profile, tp);
    const digest = cfg.changeDetection.fingerprint === undefined ? null : mappingDigest(profile, tp);
    const out = new Map<string, number | null>();
    let group: { key: string; watermark: string | null; fingerprint: string | null }[] = [];
    const judge = (): void => {
      const rows = store.journal.getMany(
        tp,
        group.map((g) => g.key),
      );
      for (const g of group) {
        const j = rows.get(g.key);
        const watermark = g.watermark === null ? null : Date.parse(g.watermark);
        const synced =
          j !== undefined &&
          j.status === 'synced' &&
          (digest !== null && g.fingerprint !== null
            ? j.sourceFingerprint === storedFingerprint(digest, g.fingerprint)
            : g.watermark !== null && j.watermark === g.watermark) &&
          !nearTick(watermark, Date.parse(j.updatedAt));
        if (!synced) out.set(`${g.key}|${g.watermark ?? ''}|${g.fingerprint ?? ''}`, watermark);
      }
      group = [];
    };
    const add = (key: string, watermark: string | null, fingerprint: string | null): void => {
      group.push({ key, watermark, fingerprint });
      if (group.length >= GROUP) judge();
    };

    if (cfg.changeDetection.mode === 'watermark') {
      const stored = store.touchpoints.pushWatermark(tp);
      if (!stored) return null;
      const since = new Date(Date.parse(stored) - this.env.watermarkOverlapMs);
      for await (const rec of io.readPushRecords(erp, profile, tp, { since, headersOnly: true })) {
        add(rec.key, rec.watermark?.toISOString() ?? null, rec.fingerprint ?? null);
      }
    } else if (cfg.source.fingerprints !== undefined) {
      for await (const r of io.readFingerprints(erp, profile, tp)) add(r.key, null, r.fingerprint);
    } else {
      for await (const rec of io.readPushRecords(erp, profile, tp, { headersOnly: true })) {
        add(rec.key, null, rec.fingerprint ?? null);
      }
    }
    judge();
    return out;
  }
}

/**
 * Whether a record read at `readAt` may have changed again within its watermark's tick. A watermark far in
 * the future of the read (a time zone set wrong) says nothing either way and is taken as read.
 */
function nearTick(watermark: number | null, readAt: number): boolean {
  return watermark !== null && Math.abs(readAt - watermark) < WATERMARK_TICK_MS;
}
