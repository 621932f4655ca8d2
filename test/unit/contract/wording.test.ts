import { describe, expect, it } from 'vitest';
import type { ReconcileTouchpointReport, RunSummary } from '../../../src/contract/dto.js';
import {
  appVerdict,
  cursorWords,
  plural,
  progressText,
  reconcileVerdict,
  runOutcome,
  touchpointVerdict,
} from '../../../src/contract/wording.js';

const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 };
function run(status: RunSummary['status'], patch: Partial<RunSummary['counts']> = {}): RunSummary {
  return {
    id: 'r',
    touchpoint: 'orders',
    trigger: 'manual',
    dryRun: false,
    status,
    startedAt: '2026-12-05T10:00:00Z',
    finishedAt: '2026-12-05T10:00:05Z',
    counts: { ...counts, ...patch },
  };
}

function reconciled(patch: Partial<ReconcileTouchpointReport>): ReconcileTouchpointReport {
  return {
    touchpoint: 'orders',
    erpRecords: 50,
    infoplusRecords: 50,
    agreeing: 50,
    inErrorInbox: 0,
    onlyInInfoplus: 0,
    onlyInInfoplusSample: [],
    counts: {
      missing: 0,
      'gone-from-infoplus': 0,
      duplicated: 0,
      untracked: 0,
      'stale-link': 0,
      'key-collision': 0,
      'invalid-key': 0,
      'cancelled-open': 0,
    },
    findings: [],
    ...patch,
  };
}

describe('wording', () => {
  it('plurals', () => {
    expect(plural(1, 'line of business', 'lines of business')).toBe('1 line of business');
    expect(plural(2, 'line of business', 'lines of business')).toBe('2 lines of business');
    expect(plural(0, 'record')).toBe('0 records');
  });

  it('a run where every record failed is "Failed", never "Partly failed"', () => {
    expect(runOutcome(run('partial', { failed: 50 }))).toEqual({ status: 'failed', text: 'Failed' });
    expect(runOutcome(run('partial', { created: 1, failed: 49 })).text).toBe('Partly failed');
    expect(runOutcome(run('succeeded', { created: 3 })).text).toBe('Succeeded');
  });

  it('a card with open errors is not "Up to date"; a blocker fails every mapped card', () => {
    const base = {
      name: 'orders' as const,
      enabled: true,
      running: false,
      paused: false,
      lastRun: run('succeeded', { unchanged: 41 }),
      openErrors: 0,
      blocker: null,
    };
    expect(touchpointVerdict(base)).toEqual({ tone: 'ok', text: 'Up to date' });
    expect(touchpointVerdict({ ...base, openErrors: 9 })).toEqual({
      tone: 'warning',
      text: '9 sales orders not synced',
    });
    expect(touchpointVerdict({ ...base, openErrors: 1 }).text).toBe('1 sales order not synced');
    const blocker = {
      kind: 'infoplus-key' as const,
      short: 'Infoplus refused the API key',
      message: 'x',
      fixIn: 'settings' as const,
    };
    expect(touchpointVerdict({ ...base, blocker })).toEqual({ tone: 'error', text: blocker.short });
    expect(touchpointVerdict({ ...base, enabled: false, blocker }).tone).toBe('off');
  });

  it('the app verdict names failing touchpoints by their display names', () => {
    const v = appVerdict({
      blocker: null,
      running: false,
      paused: false,
      openErrors: 0,
      failingTouchpoints: ['orders', 'item-receipts'],
      alertCount: 0,
    });
    expect(v).toEqual({ tone: 'error', text: 'Failing: Sales orders → Orders, Item receipts' });
  });

  it('reconcile never says "agree" while records wait in the inbox or are missing', () => {
    const waiting = reconcileVerdict({
      at: '',
      repair: false,
      touchpoints: [reconciled({ infoplusRecords: 41, agreeing: 41, inErrorInbox: 9 })],
    });
    expect(waiting.agree).toBe(false);
    expect(waiting.lines).toEqual([
      'Sales orders → Orders: 9 sales orders of 50 not in Infoplus as expected; 9 waiting in the error inbox',
    ]);
    expect(reconcileVerdict({ at: '', repair: false, touchpoints: [reconciled({})] })).toEqual({
      agree: true,
      lines: [],
    });
    expect(
      reconcileVerdict({ at: '', repair: false, touchpoints: [reconciled({ error: 'HTTP 401' })] }).agree,
    ).toBe(false);
  });

  it('progress and cursor in words', () => {
    // 28 records left at the pace of 40 records in 8 s
    expect(progressText('orders', 112, 140, { records: 40, ms: 8000 })).toBe(
      'Sales orders → Orders: 112 of 140, about 6 s left',
    );
    expect(progressText('items', 5, null, { records: 5, ms: 2000 })).toBe('Items: 5 items so far');
    // too few samples for a pace: the total, and no time left
    expect(progressText('orders', 3, 140, { records: 3, ms: 900 })).toBe('Sales orders → Orders: 3 of 140');
    expect(progressText('orders', 3, 140, null)).toBe('Sales orders → Orders: 3 of 140');
    // a total the run has outgrown is not shown
    expect(progressText('items', 12, 10, { records: 12, ms: 4000 })).toBe('Items: 12 items so far');
    expect(progressText('orders', 1, 2000, { records: 50, ms: 60_000 })).toBe(
      'Sales orders → Orders: 1 of 2000, about 40 min left',
    );
    expect(cursorWords(null)).toBe('nothing pulled yet');
    expect(cursorWords(new Date(new Date().getFullYear(), 11, 5, 23, 33).toISOString())).toBe(
      'up to 5 Dec 23:33',
    );
  });
});
