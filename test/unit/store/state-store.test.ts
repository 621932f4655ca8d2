import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openStateStore, type StateStore } from '../../../src/store/index.js';
import { acquireLease, isAlreadyRunning } from '../../../src/sync/index.js';

describe('state store', () => {
  let dir: string;
  let store: StateStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'state-store-'));
    store = openStateStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates state.sqlite in WAL mode at the newest schema version, and reopens it unchanged', () => {
    expect(store.path).toBe(join(dir, 'state.sqlite'));
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    store.journal.markDone({
      touchpoint: 'orders',
      recordKey: 'SO-1',
      infoplusId: '1000',
      contentHash: 'h1',
      at: 'now',
    });
    store.close();
    store = openStateStore(dir);
    expect(store.journal.get('orders', 'SO-1')).toMatchObject({
      infoplusId: '1000',
      contentHash: 'h1',
      status: 'synced',
    });
    const db = new Database(store.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a state folder written by a newer version of the app', () => {
    store.close();
    const db = new Database(join(dir, 'state.sqlite'));
    db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (999, ?, ?)').run(
      'future',
      'now',
    );
    db.close();
    expect(() => openStateStore(dir)).toThrow(/schema version 999.*Update the app/);
    store = openStateStore(mkdtempSync(join(tmpdir(), 'state-store-other-')));
  });

  it('keeps the last good hash when an update fails, so the record is sent again once its data changes', () => {
    store.journal.markDone({
      touchpoint: 'items',
      recordKey: 'A',
      infoplusId: '5',
      contentHash: 'good',
      at: 't1',
    });
    store.journal.markFailed({
      touchpoint: 'items',
      recordKey: 'A',
      contentHash: 'bad',
      error: 'refused',
      at: 't2',
    });
    expect(store.journal.get('items', 'A')).toMatchObject({
      contentHash: 'good',
      failedHash: 'bad',
      status: 'failed',
      attempts: 1,
    });
    store.journal.markDone({
      touchpoint: 'items',
      recordKey: 'A',
      infoplusId: null,
      contentHash: 'fixed',
      at: 't3',
    });
    expect(store.journal.get('items', 'A')).toMatchObject({
      infoplusId: '5',
      contentHash: 'fixed',
      failedHash: null,
      attempts: 0,
    });
  });

  it('inbox: one item per record, retry queues it, skip sets it aside, resolve closes it', () => {
    const fail = (at: string) =>
      store.inbox.recordFailure({
        touchpoint: 'orders',
        recordKey: 'SO-9',
        category: 'infoplus-validation',
        message: 'refused',
        infoplusMessages: ['sku: unknown'],
        fixBy: 'erp-user',
        hint: 'fix it',
        payload: { a: 1 },
        nextRetryAt: null,
        at,
      });
    const first = fail('2026-01-01T00:00:00.000Z');
    const second = fail('2026-01-01T00:01:00.000Z');
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      attempts: 2,
      status: 'open',
      payload: { a: 1 },
      infoplusMessages: ['sku: unknown'],
    });
    expect(store.inbox.openCount('orders')).toBe(1);
    expect(store.inbox.dueForRetry('orders', '2030-01-01T00:00:00.000Z')).toEqual([]);
    expect(store.inbox.retry([first.id], '2026-01-01T00:02:00.000Z')).toBe(1);
    expect(store.inbox.dueForRetry('orders', '2026-01-01T00:02:00.000Z').map((i) => i.recordKey)).toEqual([
      'SO-9',
    ]);
    expect(store.inbox.skip([first.id])).toBe(1);
    expect(store.inbox.openCount()).toBe(0);
    expect(store.inbox.list({ status: 'skipped' })).toHaveLength(1);
    expect(store.inbox.resolve('orders', 'SO-9', 'later')).toMatchObject({ status: 'resolved' });
    expect(store.inbox.list()).toEqual([]);
  });

  it('outbox: intents survive a reopen and are listed until resolved', () => {
    store.outbox.recordIntents(
      [
        {
          touchpoint: 'orders',
          recordKey: 'SO-1',
          operation: 'create',
          payloadHash: 'h',
          infoplusKey: 'SO-1',
          infoplusId: null,
        },
      ],
      'run-1',
      'now',
    );
    store.close();
    store = openStateStore(dir);
    expect(store.outbox.unresolved('orders').map((o) => [o.recordKey, o.state])).toEqual([
      ['SO-1', 'pending'],
    ]);
    // just before its request leaves: from here on a crash leaves it to be settled
    store.outbox.markSent('orders', 'SO-1', 'now');
    store.outbox.markUnknown('orders', 'SO-1', { since: 't0', checks: 1, nextCheckAt: 't1', at: 'now' });
    expect(store.outbox.get('orders', 'SO-1')).toMatchObject({
      state: 'unknown',
      unknownSince: 't0',
      checks: 1,
      nextCheckAt: 't1',
    });
    expect(store.outbox.settlingCount('orders')).toBe(1);
    // a later call keeps the moment the outcome first became unknown: the window counts from there
    store.outbox.markUnknown('orders', 'SO-1', { since: 't5', checks: 2, nextCheckAt: 't6', at: 'now' });
    expect(store.outbox.get('orders', 'SO-1')?.unknownSince).toBe('t0');
    store.outbox.setState('orders', 'SO-1', 'done', 'later', '1000');
    expect(store.outbox.unresolved('orders')).toEqual([]);
  });

  it('run history: newest first, drill-down records, interrupted runs marked failed, old runs pruned', () => {
    for (let i = 0; i < 5; i++) {
      const run = {
        id: `r${i}`,
        touchpoint: 'orders' as const,
        trigger: 'manual' as const,
        dryRun: false,
        status: 'running' as const,
        startedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
        finishedAt: null,
        counts: { created: i, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 },
      };
      store.runs.start(run);
      store.runs.addRecords([
        { runId: run.id, touchpoint: 'orders', recordKey: `SO-${i}`, action: 'created', at: run.startedAt },
      ]);
      if (i < 4) store.runs.update({ ...run, status: 'succeeded', finishedAt: run.startedAt });
    }
    expect(store.runs.list({ touchpoint: 'orders' }).map((r) => r.id)).toEqual([
      'r4',
      'r3',
      'r2',
      'r1',
      'r0',
    ]);
    expect(store.runs.failInterrupted('orders', 'now')).toBe(1);
    expect(store.runs.get('r4')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/interrupted/),
    });
    expect(store.runs.records('r3')).toEqual([
      {
        runId: 'r3',
        touchpoint: 'orders',
        recordKey: 'SO-3',
        action: 'created',
        at: '2026-01-04T00:00:00.000Z',
      },
    ]);
    store.runs.prune(2);
    expect(store.runs.list().map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(store.runs.records('r0')).toEqual([]);
  });

  it('cursors: set, read back and reset', () => {
    expect(store.cursors.get('shipments')).toBeNull();
    store.cursors.set('shipments', { kind: 'modify-date', date: '2026-01-01T00:00:00.000Z', id: 7 });
    expect(store.cursors.get('shipments')).toEqual({
      kind: 'modify-date',
      date: '2026-01-01T00:00:00.000Z',
      id: 7,
    });
    store.cursors.reset('shipments', new Date('2025-12-01T00:00:00.000Z'));
    expect(store.cursors.get('shipments')).toEqual({
      kind: 'modify-date',
      date: '2025-12-01T00:00:00.000Z',
      id: 0,
    });
  });

  it('single flight: a live lease blocks a second run, also from another store on the same folder', () => {
    const clock = () => new Date();
    const lease = acquireLease(store, 'orders', { runId: 'r1', staleMs: 60_000, heartbeatMs: 10_000, clock });
    const other = openStateStore(dir);
    try {
      let caught: unknown;
      try {
        acquireLease(other, 'orders', { runId: 'r2', staleMs: 60_000, heartbeatMs: 10_000, clock });
      } catch (e) {
        caught = e;
      }
      expect(isAlreadyRunning(caught)).toBe(true);
      expect(String((caught as Error).message)).toMatch(/orders is already running .*process \d+/);
      // Another touchpoint is free.
      acquireLease(other, 'items', { runId: 'r3', staleMs: 60_000, heartbeatMs: 10_000, clock }).release();
      lease.release();
      acquireLease(other, 'orders', { runId: 'r4', staleMs: 60_000, heartbeatMs: 10_000, clock }).release();
    } finally {
      other.close();
    }
  });

  it('single flight: the lease of a dead process is taken over', () => {
    // A real pid that is certainly gone: a child that already exited.
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    const db = new Database(store.path);
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO touchpoint_locks (touchpoint, owner, pid, hostname, run_id, acquired_at, heartbeat_at)
       VALUES ('orders', 'ghost', ?, ?, 'old', ?, ?)`,
    ).run(Number(dead), hostname(), now, now);
    db.close();
    const lease = acquireLease(store, 'orders', {
      runId: 'r1',
      staleMs: 60_000,
      heartbeatMs: 10_000,
      clock: () => new Date(),
    });
    expect(lease.tookOver).toMatchObject({ owner: 'ghost', pid: Number(dead) });
    lease.release();
  });
});
