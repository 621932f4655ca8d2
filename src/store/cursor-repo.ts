import type Database from 'better-sqlite3';
import type { TouchpointName } from '../contract/index.js';
import type { CursorKind, PullCursor } from '../domain/cursor.js';

interface Row {
  kind: CursorKind;
  position_date: string | null;
  position_id: number;
}

/** Pull cursors, one per pull touchpoint. */
export class CursorRepo {
  constructor(private readonly db: Database.Database) {}

  /** The stored position, or null before the first pull. */
  get(touchpoint: TouchpointName): PullCursor | null {
    const r = this.db
      .prepare('SELECT kind, position_date, position_id FROM cursors WHERE touchpoint = ?')
      .get(touchpoint) as Row | undefined;
    return r ? { kind: r.kind, date: r.position_date, id: r.position_id } : null;
  }

  /** Stores a position (called only after the records before it are in the ERP). */
  set(touchpoint: TouchpointName, cursor: PullCursor, at: string = new Date().toISOString()): void {
    this.db
      .prepare(
        `INSERT INTO cursors (touchpoint, kind, position_date, position_id, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (touchpoint) DO UPDATE SET kind = excluded.kind, position_date = excluded.position_date,
           position_id = excluded.position_id, updated_at = excluded.updated_at`,
      )
      .run(touchpoint, cursor.kind, cursor.date, cursor.id, at);
  }

  /**
   * "Re-pull since...": moves a modifyDate cursor back to a date (id cursors are re-resolved by the engine
   * from adjustmentDate, see SyncEngine.resetCursor). Re-pulled records already written are skipped by id.
   */
  reset(touchpoint: TouchpointName, since: Date | null, kind: CursorKind = 'modify-date', id = 0): void {
    if (since === null && kind === 'modify-date') {
      this.db.prepare('DELETE FROM cursors WHERE touchpoint = ?').run(touchpoint);
      return;
    }
    this.set(touchpoint, { kind, date: since ? since.toISOString() : null, id });
  }
}

/** Per-touchpoint facts: the push watermark and the time of the last successful run. */
export class TouchpointStateRepo {
  constructor(private readonly db: Database.Database) {}

  private row(
    tp: TouchpointName,
  ): { push_watermark: string | null; last_success_at: string | null } | undefined {
    return this.db
      .prepare('SELECT push_watermark, last_success_at FROM touchpoint_state WHERE touchpoint = ?')
      .get(tp) as { push_watermark: string | null; last_success_at: string | null } | undefined;
  }

  /** When the touchpoint last finished without a run error (partial counts as success). */
  lastSuccess(tp: TouchpointName): string | null {
    return this.row(tp)?.last_success_at ?? null;
  }

  /** Records a successful run's finish time. */
  setLastSuccess(tp: TouchpointName, at: string): void {
    this.db
      .prepare(
        `INSERT INTO touchpoint_state (touchpoint, last_success_at) VALUES (?, ?)
         ON CONFLICT (touchpoint) DO UPDATE SET last_success_at = excluded.last_success_at`,
      )
      .run(tp, at);
  }

  /**
   * What the last push of the touchpoint found dated beyond now (a change date, which record), or null when
   * its rows were all dated sensibly: the watchdog's "future-watermark" alert.
   */
  futureWatermark(tp: TouchpointName): string | null {
    const r = this.db
      .prepare('SELECT future_watermark FROM touchpoint_state WHERE touchpoint = ?')
      .get(tp) as { future_watermark: string | null } | undefined;
    return r?.future_watermark ?? null;
  }

  /** Records (or with null clears) what a push found dated beyond now. */
  setFutureWatermark(tp: TouchpointName, found: string | null): void {
    this.db
      .prepare(
        `INSERT INTO touchpoint_state (touchpoint, future_watermark) VALUES (?, ?)
         ON CONFLICT (touchpoint) DO UPDATE SET future_watermark = excluded.future_watermark`,
      )
      .run(tp, found);
  }

  /** The ERP watermark up to which every record has been read (push touchpoints). */
  pushWatermark(tp: TouchpointName): string | null {
    return this.row(tp)?.push_watermark ?? null;
  }

  /** The digest of the mapping (see mappingDigest) the last complete push of this touchpoint ran with. */
  mappingDigest(tp: TouchpointName): string | null {
    const r = this.db.prepare('SELECT mapping_digest FROM touchpoint_state WHERE touchpoint = ?').get(tp) as
      { mapping_digest: string | null } | undefined;
    return r?.mapping_digest ?? null;
  }

  /** Records the mapping digest a push completed with. */
  setMappingDigest(tp: TouchpointName, digest: string): void {
    this.db
      .prepare(
        `INSERT INTO touchpoint_state (touchpoint, mapping_digest) VALUES (?, ?)
         ON CONFLICT (touchpoint) DO UPDATE SET mapping_digest = excluded.mapping_digest`,
      )
      .run(tp, digest);
  }

  /** Moves the push watermark (null forces the next run to read every ERP record). */
  setPushWatermark(tp: TouchpointName, watermark: string | null): void {
    this.db
      .prepare(
        `INSERT INTO touchpoint_state (touchpoint, push_watermark) VALUES (?, ?)
         ON CONFLICT (touchpoint) DO UPDATE SET push_watermark = excluded.push_watermark`,
      )
      .run(tp, watermark);
  }
}
