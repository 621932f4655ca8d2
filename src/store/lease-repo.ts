import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { TouchpointName } from '../contract/index.js';

/** Who holds a touchpoint's run lease. */
export interface LeaseHolder {
  readonly touchpoint: TouchpointName;
  readonly owner: string;
  readonly pid: number;
  readonly hostname: string;
  readonly runId: string | null;
  readonly acquiredAt: string;
  readonly heartbeatAt: string;
}

interface Row {
  touchpoint: TouchpointName;
  owner: string;
  pid: number;
  hostname: string;
  run_id: string | null;
  acquired_at: string;
  heartbeat_at: string;
}

const toHolder = (r: Row): LeaseHolder => ({
  touchpoint: r.touchpoint,
  owner: r.owner,
  pid: r.pid,
  hostname: r.hostname,
  runId: r.run_id,
  acquiredAt: r.acquired_at,
  heartbeatAt: r.heartbeat_at,
});

/** True when a process with this pid exists on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Result of trying to take a lease. */
export type LeaseAttempt =
  | { readonly ok: true; readonly tookOverFrom: LeaseHolder | null }
  | { readonly ok: false; readonly holder: LeaseHolder };

/**
 * Touchpoint leases in state.sqlite, so two processes on one data folder never run one touchpoint at once.
 * Taken inside BEGIN IMMEDIATE (one writer at a time); a lease whose pid is gone, or whose heartbeat is older
 * than staleMs (a pid reused after a reboot, another machine on a shared folder), can be taken over.
 */
export class LeaseRepo {
  private readonly host = hostname();

  constructor(private readonly db: Database.Database) {}

  /** Takes the lease for `owner`, unless a live holder has it. */
  acquire(
    touchpoint: TouchpointName,
    owner: string,
    opts: { runId?: string; staleMs: number; now: Date },
  ): LeaseAttempt {
    return this.db
      .transaction((): LeaseAttempt => {
        const r = this.db.prepare('SELECT * FROM touchpoint_locks WHERE touchpoint = ?').get(touchpoint) as
          Row | undefined;
        const nowIso = opts.now.toISOString();
        let tookOverFrom: LeaseHolder | null = null;
        if (r) {
          const holder = toHolder(r);
          const fresh = opts.now.getTime() - Date.parse(r.heartbeat_at) < opts.staleMs;
          const alive = r.hostname !== this.host ? fresh : pidAlive(r.pid) && fresh;
          if (alive) return { ok: false, holder };
          tookOverFrom = holder;
        }
        this.db
          .prepare(
            `INSERT INTO touchpoint_locks (touchpoint, owner, pid, hostname, run_id, acquired_at, heartbeat_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (touchpoint) DO UPDATE SET owner = excluded.owner, pid = excluded.pid,
               hostname = excluded.hostname, run_id = excluded.run_id, acquired_at = excluded.acquired_at,
               heartbeat_at = excluded.heartbeat_at`,
          )
          .run(touchpoint, owner, process.pid, this.host, opts.runId ?? null, nowIso, nowIso);
        return { ok: true, tookOverFrom };
      })
      .immediate();
  }

  /** Refreshes the heartbeat; false when the lease was lost (taken over). */
  heartbeat(touchpoint: TouchpointName, owner: string, now: Date): boolean {
    return (
      this.db
        .prepare('UPDATE touchpoint_locks SET heartbeat_at = ? WHERE touchpoint = ? AND owner = ?')
        .run(now.toISOString(), touchpoint, owner).changes === 1
    );
  }

  /** Gives the lease back (only if still ours). */
  release(touchpoint: TouchpointName, owner: string): void {
    this.db.prepare('DELETE FROM touchpoint_locks WHERE touchpoint = ? AND owner = ?').run(touchpoint, owner);
  }

  /** The current holder, or null. */
  holder(touchpoint: TouchpointName): LeaseHolder | null {
    const r = this.db.prepare('SELECT * FROM touchpoint_locks WHERE touchpoint = ?').get(touchpoint) as
      Row | undefined;
    return r ? toHolder(r) : null;
  }
}
