import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CursorRepo, TouchpointStateRepo } from './cursor-repo.js';
import { InboxRepo } from './inbox-repo.js';
import { JournalRepo } from './journal-repo.js';
import { LeaseRepo } from './lease-repo.js';
import { migrate } from './migrations.js';
import { OutboxRepo } from './outbox-repo.js';
import { RunRepo } from './run-repo.js';
import { VendorNumberRepo } from './vendor-number-repo.js';
import { makePrivateSync } from '../settings/private-files.js';

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
  /** Stable vendor numbers for non-integer ERP vendor codes. */
  readonly vendorNumbers: VendorNumberRepo;
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Page cache of the state database in KiB, as SQLite's negative cache_size takes it. */
const SQLITE_CACHE_KIB = -4000;

/**
 * Opens (creating and migrating) `dataDir/state.sqlite`.
 * WAL lets the UI read history while a run writes. synchronous=NORMAL for ordinary commits: in WAL mode they
 * survive a killed process (the suite SIGKILLs it), and a power cut can only lose the newest completions,
 * which the outbox turns into a lookup. Outbox intents alone are committed with synchronous=FULL (fsync),
 * because an intent lost after its request went out is the one way to a duplicate. Per-record fsyncs were
 * measured to dominate a push on a busy disk; one fsync per batch of intents does not.
 */
export function openStateStore(dataDir: string, opts: { scrub?: (text: string) => string } = {}): StateStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'state.sqlite');
  // Private to this user; SQLite gives the -wal and -shm files the mode of the database file.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) makePrivateSync(file);
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection: a long run filled it as the journal
    // grew, which read as RSS growing with the run (the reachable heap stayed flat). 4 MB holds the pages a run
    // revisits; the rest comes from the OS cache.
    db.pragma(`cache_size = ${SQLITE_CACHE_KIB}`);
    const schemaVersion = migrate(db);
    const store: StateStore = {
      path,
      schemaVersion,
      journal: new JournalRepo(db),
      outbox: new OutboxRepo(db),
      cursors: new CursorRepo(db),
      touchpoints: new TouchpointStateRepo(db),
      runs: new RunRepo(db, opts.scrub),
      inbox: new InboxRepo(db, opts.scrub),
      leases: new LeaseRepo(db),
      vendorNumbers: new VendorNumberRepo(db),
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
