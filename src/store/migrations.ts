import type Database from 'better-sqlite3';

/** One numbered schema step; applied once, in order, inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The state schema history. Append new steps; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial state schema',
    sql: `
      CREATE TABLE journal (
        touchpoint   TEXT NOT NULL,
        record_key   TEXT NOT NULL,
        infoplus_id  TEXT,
        content_hash TEXT,
        failed_hash  TEXT,
        status       TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        watermark    TEXT,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (touchpoint, record_key)
      ) WITHOUT ROWID;
      CREATE INDEX journal_by_infoplus_id ON journal (touchpoint, infoplus_id);

      CREATE TABLE outbox (
        touchpoint   TEXT NOT NULL,
        record_key   TEXT NOT NULL,
        operation    TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        infoplus_key TEXT NOT NULL,
        state        TEXT NOT NULL,
        infoplus_id  TEXT,
        run_id       TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (touchpoint, record_key)
      ) WITHOUT ROWID;
      CREATE INDEX outbox_by_state ON outbox (touchpoint, state);

      CREATE TABLE cursors (
        touchpoint    TEXT PRIMARY KEY,
        kind          TEXT NOT NULL,
        position_date TEXT,
        position_id   INTEGER NOT NULL DEFAULT 0,
        updated_at    TEXT NOT NULL
      );

      CREATE TABLE touchpoint_state (
        touchpoint      TEXT PRIMARY KEY,
        push_watermark  TEXT,
        last_success_at TEXT
      );

      CREATE TABLE runs (
        id          TEXT PRIMARY KEY,
        touchpoint  TEXT NOT NULL,
        trigger     TEXT NOT NULL,
        dry_run     INTEGER NOT NULL,
        status      TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        counts      TEXT NOT NULL,
        error       TEXT,
        pid         INTEGER
      );
      CREATE INDEX runs_by_touchpoint ON runs (touchpoint, started_at);
      CREATE INDEX runs_by_started ON runs (started_at);

      CREATE TABLE run_records (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      TEXT NOT NULL,
        touchpoint  TEXT NOT NULL,
        record_key  TEXT NOT NULL,
        action      TEXT NOT NULL,
        infoplus_id TEXT,
        message     TEXT,
        at          TEXT NOT NULL
      );
      CREATE INDEX run_records_by_run ON run_records (run_id, seq);

      CREATE TABLE inbox (
        id                TEXT PRIMARY KEY,
        touchpoint        TEXT NOT NULL,
        record_key        TEXT NOT NULL,
        category          TEXT NOT NULL,
        message           TEXT NOT NULL,
        infoplus_messages TEXT NOT NULL,
        fix_by            TEXT NOT NULL,
        hint              TEXT NOT NULL,
        payload           TEXT,
        attempts          INTEGER NOT NULL,
        status            TEXT NOT NULL,
        first_seen_at     TEXT NOT NULL,
        last_seen_at      TEXT NOT NULL,
        next_retry_at     TEXT,
        UNIQUE (touchpoint, record_key)
      );
      CREATE INDEX inbox_by_status ON inbox (status, touchpoint);

      CREATE TABLE touchpoint_locks (
        touchpoint   TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        hostname     TEXT NOT NULL,
        run_id       TEXT,
        acquired_at  TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'journal keeps the ERP fingerprint of what was pushed',
    // Lets a full scan pass over unchanged records without reading their lines or building payloads.
    sql: `ALTER TABLE journal ADD COLUMN source_fingerprint TEXT;`,
  },
  {
    version: 3,
    name: "outbox settles outcome-unknown writes; journal knows each record's Infoplus key",
    // An intent whose answer never came is looked up again on a schedule (unknown_since, checks,
    // next_check_at) and re-sent only after the settle window; the Infoplus key in the journal finds two ERP
    // records that map to one Infoplus key even when only one of them is read by a run.
    sql: `
      ALTER TABLE outbox ADD COLUMN unknown_since TEXT;
      ALTER TABLE outbox ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE outbox ADD COLUMN next_check_at TEXT;
      ALTER TABLE journal ADD COLUMN infoplus_key TEXT;
      CREATE INDEX journal_by_infoplus_key ON journal (touchpoint, infoplus_key);
    `,
  },
  {
    version: 4,
    name: 'touchpoint state keeps the digest of the mapping the last push ran with',
    // A changed mapping (fields, SQL, lookups, time zone) makes the next push compare every record by content,
    // also in watermark mode, and retry records parked for a reason the profile may have cured.
    sql: `ALTER TABLE touchpoint_state ADD COLUMN mapping_digest TEXT;`,
  },
  {
    version: 5,
    name: 'touchpoint state keeps the future-dated change date the last push found',
    // The watchdog raises an alert from it (status, dashboard) until a later push finds no such row.
    sql: `ALTER TABLE touchpoint_state ADD COLUMN future_watermark TEXT;`,
  },
  {
    version: 6,
    name: 'stable vendor numbers for ERP vendor codes that are not whole numbers',
    // Infoplus vendorNo is an int: an ERP code like ACME-01 gets a number once, kept here for good.
    // AUTOINCREMENT never hands out a number again, even one whose row was deleted; numbers start at 1000000
    // so they stay clear of ERP codes that are plain integers (those are sent as they are).
    sql: `
      CREATE TABLE vendor_numbers (
        number      INTEGER PRIMARY KEY AUTOINCREMENT,
        erp_code    TEXT NOT NULL UNIQUE,
        assigned_at TEXT NOT NULL
      );
      INSERT INTO sqlite_sequence (name, seq) VALUES ('vendor_numbers', 999999);
    `,
  },
];

/** Brings the database to the newest schema; refuses a database written by a newer version of the app. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new Error(
      `The state database is schema version ${current}, newer than this app understands (${newest}). Update the app, or use another data folder.`,
    );
  }
  const insert = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    // IMMEDIATE: two processes opening the same folder at once must not both apply a step.
    db.transaction(() => {
      const again =
        (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
      if (again >= m.version) return;
      db.exec(m.sql);
      insert.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return Math.max(current, newest);
}
