// The ending of `run`: ok only when nothing of what ran waits; one line per reason; a run that cannot record
// its end rejects instead of looking like success; state write failures are named by their cause.
import { describe, expect, it } from 'vitest';
import type { ErrorCategory, RunSummary } from '../../../src/contract/dto.js';
import { runEnding } from '../../../src/app/run-ending.js';
import { RunCoordinator } from '../../../src/app/run-coordinator.js';
import { EventBus } from '../../../src/app/event-bus.js';
import { describeStateFailure, stateFailureCause } from '../../../src/domain/state-errors.js';
import { classifyError } from '../../../src/domain/error-classification.js';
import type { InboxGroup } from '../../../src/store/inbox-repo.js';
import { AlreadyRunningError, type SyncEngine } from '../../../src/sync/index.js';
import type { Watchdog } from '../../../src/sync/watchdog.js';

const run = (over: Partial<RunSummary> = {}): RunSummary => ({
  id: 'r1',
  touchpoint: 'orders',
  trigger: 'manual',
  dryRun: false,
  status: 'succeeded',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  counts: { created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 },
  ...over,
});

// the push side's categories, named as text so this test does not depend on when they landed
const category = (name: string): ErrorCategory => name as ErrorCategory;

const group = (over: Partial<InboxGroup>): InboxGroup => ({
  touchpoint: 'orders',
  status: 'open',
  category: 'mapping',
  count: 49,
  example: 'Sales order SO-1: customerNo: column cust_no is not in the query',
  hint: '',
  ...over,
});

describe('runEnding', () => {
  it('is ok when every run succeeded and nothing of what ran waits', () => {
    expect(runEnding([run()], [group({ touchpoint: 'items' })])).toMatchObject({ ok: true, lines: [] });
  });

  it('is not ok while records of a touchpoint that ran are parked, retrying or settling: one line each', () => {
    const e = runEnding(
      [run()],
      [
        group({}),
        group({
          status: 'retrying',
          category: category('settling'),
          count: 3,
          example: 'Checking whether Infoplus received it',
        }),
        group({
          category: category('key-collision'),
          count: 2,
          example: 'Key collision: "SO-DUP" and "SO-DUP "',
        }),
      ],
    );
    expect(e.ok).toBe(false);
    expect(e.lines).toEqual([
      expect.stringMatching(
        /^orders: 49 record\(s\) parked: the mapping profile cannot build them.*retried when the profile changes.*cust_no/,
      ),
      expect.stringMatching(/^orders: 3 record\(s\) being checked: Infoplus has not confirmed/),
      expect.stringMatching(/^orders: 2 record\(s\) parked: key problem.*SO-DUP/),
    ]);
  });

  it('lists records set aside with Skip without failing the run', () => {
    const e = runEnding([run()], [group({ status: 'skipped', count: 2 })]);
    expect(e.ok).toBe(true);
    expect(e.lines).toEqual([expect.stringMatching(/^orders: 2 record\(s\) set aside with Skip/)]);
  });

  it('is not ok for a failed or partial run, or a touchpoint that did not run', () => {
    expect(runEnding([run({ status: 'failed', error: 'Infoplus refused the API key' })], []).lines).toEqual([
      'orders: run failed: Infoplus refused the API key',
    ]);
    expect(runEnding([run({ status: 'partial' })], []).ok).toBe(false);
    const notRun = runEnding([], [], [{ touchpoint: 'items', reason: 'items is already running' }]);
    expect(notRun).toMatchObject({ ok: false, lines: ['items: not run: items is already running'] });
  });
});

const sqliteError = (code: string): Error =>
  Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code });

describe('state write failures', () => {
  it('are named by cause, also when wrapped, and never mistaken for ERP errors', () => {
    expect(stateFailureCause(sqliteError('SQLITE_FULL'))).toBe('full');
    expect(stateFailureCause(sqliteError('SQLITE_READONLY_DIRECTORY'))).toBe('read-only');
    expect(stateFailureCause(sqliteError('SQLITE_IOERR_WRITE'))).toBe('io');
    expect(stateFailureCause(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('full');
    expect(stateFailureCause(new Error('wrapped', { cause: sqliteError('SQLITE_READONLY') }))).toBe(
      'read-only',
    );
    expect(
      stateFailureCause(Object.assign(new Error('x'), { name: 'ErpError', code: 'timeout' })),
    ).toBeNull();
    expect(stateFailureCause(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(describeStateFailure(sqliteError('SQLITE_FULL'), '/data')).toMatch(
      /disk holding the data folder \/data is full \(SQLITE_FULL\)/,
    );
  });

  it('stop the run: going on could send records the state then forgets', () => {
    const cls = classifyError(sqliteError('SQLITE_FULL'), 'infoplus-write');
    expect(cls).toMatchObject({ stopsRun: true, transient: false });
    expect(cls.message).toContain('is full');
  });
});

describe('RunCoordinator.runAndWait', () => {
  const coordinator = (runTouchpoint: SyncEngine['runTouchpoint']): RunCoordinator => {
    const engine = {
      runTouchpoint,
      enabledTouchpoints: () => ['vendors', 'items'],
      isEnabled: () => true,
    } as unknown as SyncEngine;
    const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    return new RunCoordinator({
      engine: () => engine,
      notConfigured: () => 'not set up',
      events: new EventBus(),
      watchdog: { runStarted: () => {}, runFinished: () => {} } as unknown as Watchdog,
      logger: quiet,
      inQuietHours: () => false,
      inboxOf: () => [],
      recover: async () => {},
      statusChanged: () => {},
    });
  };

  it('rejects when a run cannot record itself (data folder read-only or full), never returns "nothing ran"', async () => {
    const c = coordinator(() => Promise.reject(sqliteError('SQLITE_READONLY')));
    await expect(c.runAndWait({})).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
  });

  it('tells which touchpoints did not run because they run elsewhere, and passes --full on', async () => {
    const seen: unknown[] = [];
    const c = coordinator((tp, opts) => {
      seen.push(opts.full);
      if (tp === 'vendors')
        return Promise.reject(
          new AlreadyRunningError('vendors', {
            touchpoint: 'vendors',
            owner: 'o',
            pid: 42,
            hostname: '',
            runId: null,
            acquiredAt: 'now',
            heartbeatAt: 'now',
          }),
        );
      return Promise.resolve(run({ touchpoint: tp }));
    });
    const notRun: string[] = [];
    const runs = await c.runAndWait({ full: true, notRun: (tp, why) => notRun.push(`${tp}: ${why}`) });
    expect(runs.map((r) => r.touchpoint)).toEqual(['items']);
    expect(notRun).toEqual([expect.stringMatching(/^vendors: vendors is already running .*process 42/)]);
    expect(seen).toEqual([true, true]);
  });
});
