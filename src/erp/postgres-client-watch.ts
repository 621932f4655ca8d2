import type pg from 'pg';

/** What is known about one pooled pg client's connection. */
interface ClientWatch {
  /** Set once the connection broke (server terminated the backend, socket reset, ...). */
  lost: Error | null;
  /** Rejecters of promises currently waiting on this client. */
  readonly waiters: Set<(e: Error) => void>;
}

const watches = new WeakMap<pg.ClientBase, ClientWatch>();

/**
 * Attaches (once per client) the 'error' and 'end' listeners that record the client as broken and reject
 * whatever waits on it. Without an 'error' listener a dropped checked-out client would crash the process;
 * with only a swallowing one, a wait that pg never settles itself (pg-cursor close/read) would hang forever.
 */
export function watchClient(client: pg.ClientBase): void {
  if (watches.has(client)) return;
  const w: ClientWatch = { lost: null, waiters: new Set() };
  const onLost = (e: unknown): void => {
    if (w.lost) return;
    const lost = e instanceof Error ? e : new Error(String(e));
    w.lost = lost;
    // one turn later: a statement pg already answered (a COMMIT whose reply came with the goodbye) or fails
    // itself with a more precise error (the server's 57P01) settles with that; only true waits get `lost`
    setImmediate(() => {
      for (const reject of w.waiters) reject(lost);
      w.waiters.clear();
    });
  };
  client.on('error', onLost);
  // 'end' without a prior 'error' only happens when we ended the client ourselves; nothing may wait then either
  client.on('end', () => onLost(new Error('Connection terminated unexpectedly')));
  watches.set(client, w);
}

/** The error that broke this client's connection, or null while it is usable. */
export function lostError(client: pg.ClientBase): Error | null {
  return watches.get(client)?.lost ?? null;
}

/**
 * Settles with `work`, or rejects with the connection error as soon as the client's connection breaks,
 * whichever comes first. A later rejection of `work` is absorbed (never an unhandled rejection).
 */
export function untilLost<T>(client: pg.ClientBase, work: Promise<T>): Promise<T> {
  const w = watches.get(client);
  if (!w) return work;
  if (w.lost) {
    work.catch(() => undefined);
    return Promise.reject(w.lost);
  }
  return new Promise<T>((resolve, reject) => {
    w.waiters.add(reject);
    work.then(
      (v) => {
        w.waiters.delete(reject);
        resolve(v);
      },
      (e: unknown) => {
        w.waiters.delete(reject);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Forces a client's socket closed (pg then fails everything queued on it). Used when a cancel could not
 * reach the server within a grace period: a statement on a silently dead connection must still settle.
 */
export function destroySocket(client: pg.ClientBase, reason: string): void {
  const stream = (client as unknown as { connection?: { stream?: { destroy(e?: Error): void } } }).connection
    ?.stream;
  try {
    stream?.destroy(new Error(reason));
  } catch {
    // already gone
  }
}
