import { ErpError } from './errors.js';
import type { ErpDriverName, StatementOptions } from './types.js';

/** Why a running statement was stopped by us (not by the server). */
export type StopReason = 'timeout' | 'cancelled';

/** A timer and abort listener around one statement; calls cancel() once when either fires. */
export interface StatementGuard {
  /** Set once the timeout fired or the signal aborted. */
  readonly reason: StopReason | null;
  /** Stops the timer and detaches from the signal. */
  done(): void;
  /** Restarts the timeout (streams: the wait for the next batch). */
  rearm(): void;
  /** Pauses the timeout (streams: while the consumer holds the rows). */
  pause(): void;
}

/** Throws 'cancelled' right away when the signal is already aborted. */
export function throwIfAborted(opts: StatementOptions | undefined, driver: ErpDriverName): void {
  if (opts?.signal?.aborted) throw stoppedError('cancelled', driver, opts, undefined);
}

/** Arms the timeout (opts.timeoutMs, else the connection default; 0 = none) and the abort signal. */
export function guardStatement(
  opts: StatementOptions | undefined,
  defaultTimeoutMs: number | undefined,
  cancel: (reason: StopReason) => void,
): StatementGuard {
  const timeoutMs = opts?.timeoutMs ?? defaultTimeoutMs ?? 0;
  let reason: StopReason | null = null;
  let timer: NodeJS.Timeout | undefined;
  const fire = (r: StopReason): void => {
    if (reason !== null) return;
    reason = r;
    clearTimeout(timer);
    try {
      cancel(r);
    } catch {
      // cancelling is best effort: the statement still fails or finishes on its own
    }
  };
  const onAbort = (): void => fire('cancelled');
  const arm = (): void => {
    clearTimeout(timer);
    if (timeoutMs > 0 && reason === null) {
      timer = setTimeout(() => fire('timeout'), timeoutMs);
      timer.unref();
    }
  };
  opts?.signal?.addEventListener('abort', onAbort, { once: true });
  arm();
  return {
    get reason() {
      return reason;
    },
    done() {
      clearTimeout(timer);
      opts?.signal?.removeEventListener('abort', onAbort);
    },
    rearm: arm,
    pause() {
      clearTimeout(timer);
    },
  };
}

/** The error for a statement we stopped ourselves. */
export function stoppedError(
  reason: StopReason,
  driver: ErpDriverName,
  opts: StatementOptions | undefined,
  cause: unknown,
  timeoutMs?: number,
): ErpError {
  return new ErpError({
    code: reason,
    driver,
    detail:
      reason === 'timeout'
        ? `the statement did not finish within ${timeoutMs ?? opts?.timeoutMs ?? '?'} ms and was cancelled`
        : 'the statement was cancelled on request',
    ...(opts?.name !== undefined ? { statement: opts.name } : {}),
    ...(opts?.touchpoint !== undefined ? { touchpoint: opts.touchpoint } : {}),
    ...(cause !== undefined ? { cause } : {}),
  });
}
