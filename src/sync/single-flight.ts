/** Single-flight per touchpoint, across processes: a lease row in state.sqlite with pid + heartbeat. */
import { randomUUID } from 'node:crypto';
import type { TouchpointName } from '../contract/index.js';
import type { LeaseHolder, StateStore } from '../store/index.js';

/** A second run of a touchpoint that is already running (here or in another process on the same data folder). */
export class AlreadyRunningError extends Error {
  readonly code = 'already-running';
  constructor(
    readonly touchpoint: TouchpointName,
    readonly holder: LeaseHolder,
  ) {
    super(
      `${touchpoint} is already running (started ${holder.acquiredAt} by process ${holder.pid}${
        holder.hostname ? ` on ${holder.hostname}` : ''
      }); wait for it to finish.`,
    );
    this.name = 'AlreadyRunningError';
  }
}

/** True for an AlreadyRunningError (also across module copies). */
export function isAlreadyRunning(e: unknown): e is AlreadyRunningError {
  return e instanceof Error && (e as { code?: unknown }).code === 'already-running';
}

/** A held lease; `lost` aborts when another process took it over (our heartbeat stopped for too long). */
export interface Lease {
  readonly owner: string;
  readonly lost: AbortSignal;
  /** Whether a stale lease of a dead process was taken over. */
  readonly tookOver: LeaseHolder | null;
  release(): void;
}

/** Takes a touchpoint's lease or throws AlreadyRunningError. */
export function acquireLease(
  store: StateStore,
  touchpoint: TouchpointName,
  opts: { runId: string; staleMs: number; heartbeatMs: number; clock: () => Date },
): Lease {
  const owner = `${process.pid}:${randomUUID()}`;
  const attempt = store.leases.acquire(touchpoint, owner, {
    runId: opts.runId,
    staleMs: opts.staleMs,
    now: opts.clock(),
  });
  if (!attempt.ok) throw new AlreadyRunningError(touchpoint, attempt.holder);
  const lost = new AbortController();
  const timer = setInterval(() => {
    try {
      if (!store.leases.heartbeat(touchpoint, owner, opts.clock())) {
        lost.abort(new Error(`The ${touchpoint} lease was taken over by another process`));
      }
    } catch {
      // A busy database delays one heartbeat; staleness allows several.
    }
  }, opts.heartbeatMs);
  timer.unref();
  let released = false;
  return {
    owner,
    lost: lost.signal,
    tookOver: attempt.tookOverFrom,
    release: () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      store.leases.release(touchpoint, owner);
    },
  };
}
