import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CursorRepo, TouchpointStateRepo } from './cursor-repo.js';
import { InboxRepo } from './inbox-repo.js';
import { JournalRepo } from './journal-repo.js';
import { LeaseRepo } from './lease-repo.js';
import { migrate } from './migrations.js';
import { OutboxRepo } from './outbox-repo.js';
import { RunRepo } from './run-repo.js';

/** The engine's local state: journal, outbox, cursors, run history, error inbox, leases. */
export interface StateStore {
  /** Path of the SQLite file. */
  readonly path: string;
  readonly schemaVersion: number;
  readonly journal: JournalRepo;
  readonly outbox: OutboxRepo;
  readonly cursors: CursorRepo;
  readonly touchpoints: TouchpointStateRepo;
  readonly runs: RunRepo;
  readonly inbox: InboxRepo;
  readonly leases: LeaseRepo;
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/**
 * Opens (creating and migrating) `dataDir/state.sqlite`.
 * WAL lets the UI read history while a run writes. synchronous=FULL: an outbox intent must survive a power cut,
 * not only a process kill, or a request sent just before the cut could be sent again; it costs ~0.25 ms per
 * commit, nothing beside a network round trip, and the hot read path (unchanged records) does not commit.
 */
export function openStateStore(dataDir: string): StateStore {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'state.sqlite');
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrate(db);
    const store: StateStore = {
      path,
      schemaVersion,
      journal: new JournalRepo(db),
      outbox: new OutboxRepo(db),
      cursors: new CursorRepo(db),
      touchpoints: new TouchpointStateRepo(db),
      runs: new RunRepo(db),
      inbox: new InboxRepo(db),
      leases: new LeaseRepo(db),
      transaction: <T>(fn: () => T): T => db.transaction(fn)(),
      close: () => {
        if (db.open) db.close();
      },
    };
    store.outbox.pruneDone(new Date(Date.now() - 7 * 24 * 3600_000).toISOString());
    return store;
  } catch (e) {
    db.close();
    throw new Error(`Cannot open the sync state in ${path}: ${(e as Error).message}`, { cause: e });
  }
}
