import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/contract/dto.js';
import {
  EMPTY_NOTIFICATION_MEMORY,
  notifyForAlert,
  notifyForRun,
} from '../../../src/domain/desktop-notifications.js';
import type { NotificationMemory } from '../../../src/domain/desktop-notifications.js';

function run(patch: Partial<RunSummary> = {}, failed = 0): RunSummary {
  return {
    id: 'r1',
    touchpoint: 'orders',
    trigger: 'schedule',
    dryRun: false,
    status: 'succeeded',
    startedAt: '2026-01-01T10:00:00.000Z',
    finishedAt: '2026-01-01T10:01:00.000Z',
    counts: { created: 1, updated: 0, unchanged: 0, skipped: 0, failed, pulled: 0 },
    ...patch,
  };
}

function replay(runs: RunSummary[]) {
  let memory: NotificationMemory = EMPTY_NOTIFICATION_MEMORY;
  const shown: (string | null)[] = [];
  for (const r of runs) {
    const decision = notifyForRun(r, memory);
    memory = decision.memory;
    shown.push(decision.notification?.title ?? null);
  }
  return shown;
}

describe('notifyForRun', () => {
  it('notifies a failed run once, not on every repeat, and again after a recovery', () => {
    const failed = run({ status: 'failed', error: 'Cannot reach the ERP database' });
    expect(replay([failed, failed, run(), failed])).toEqual([
      'Sales orders → Orders: sync failed',
      null,
      null,
      'Sales orders → Orders: sync failed',
    ]);
  });

  it('says how many records need attention on a partial run, and escalates to a failure', () => {
    expect(
      replay([run({ status: 'partial' }, 3), run({ status: 'partial' }, 1), run({ status: 'failed' })]),
    ).toEqual([
      'Sales orders → Orders: 3 records need attention',
      null,
      'Sales orders → Orders: sync failed',
    ]);
  });

  it('never notifies dry runs or successes', () => {
    expect(replay([run(), run({ dryRun: true, status: 'failed' })])).toEqual([null, null]);
  });

  it('carries the run error as the body', () => {
    const decision = notifyForRun(
      run({ status: 'failed', error: 'Infoplus answered 401' }),
      EMPTY_NOTIFICATION_MEMORY,
    );
    expect(decision.notification).toEqual({
      title: 'Sales orders → Orders: sync failed',
      body: 'Infoplus answered 401',
      view: 'dashboard',
    });
  });
});

describe('notifyForAlert', () => {
  const missed = {
    id: 'm1',
    kind: 'missed-run' as const,
    touchpoint: 'shipments' as const,
    message: 'Due at 10:00, not run by 10:15',
    raisedAt: '',
  };

  it('notifies a missed run once per alert id', () => {
    const first = notifyForAlert(missed, EMPTY_NOTIFICATION_MEMORY);
    expect(first.notification).toEqual({
      title: 'A scheduled sync did not run',
      body: 'Shipments: Due at 10:00, not run by 10:15',
      view: 'dashboard',
    });
    expect(notifyForAlert(missed, first.memory).notification).toBeNull();
  });

  it('sends login problems to Settings', () => {
    const decision = notifyForAlert(
      { id: 'x', kind: 'auth-failed', message: 'API key refused', raisedAt: '' },
      EMPTY_NOTIFICATION_MEMORY,
    );
    expect(decision.notification?.view).toBe('settings');
  });
});
