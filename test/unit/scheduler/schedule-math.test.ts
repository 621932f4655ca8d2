import { describe, expect, it } from 'vitest';
import { cronProblem } from '../../../src/contract/cron.js';
import { nextCronTime, parseCron } from '../../../src/domain/cron.js';
import {
  catchUpTime,
  consecutiveFailures,
  evaluateAlerts,
  isQuiet,
  nextRunTime,
  planOf,
  quietEnd,
  type WatchInput,
} from '../../../src/domain/schedule.js';

const at = (d: number, h: number, m = 0): Date => new Date(2026, 0, d, h, m, 0, 0); // Jan 2026, local time

describe('cron', () => {
  it('finds the next matching minute for steps, ranges and lists', () => {
    expect(nextCronTime(parseCron('*/15 * * * *'), at(5, 10, 7))).toEqual(at(5, 10, 15));
    expect(nextCronTime(parseCron('0 9-17 * * *'), at(5, 17, 30))).toEqual(at(6, 9, 0));
    expect(nextCronTime(parseCron('30 2 * * mon'), at(5, 3))).toEqual(at(12, 2, 30)); // 2026-01-05 is a Monday
  });

  it('matches either day field when both are restricted (classic cron)', () => {
    // 1st of the month OR a Friday: after Mon 5 Jan, the next is Fri 9 Jan.
    expect(nextCronTime(parseCron('0 0 1 * 5'), at(5, 12))).toEqual(at(9, 0));
  });

  it('names the field that is wrong', () => {
    expect(cronProblem('*/15 * * *')).toMatch(/4 fields; write 5/);
    expect(cronProblem('61 * * * *')).toMatch(/minute field must be between 0 and 59, not 61/);
    expect(cronProblem('0 0 * * funday')).toMatch(/day of week/);
    expect(cronProblem('0 6 * * 1-5')).toBeNull();
  });
});

describe('quiet hours', () => {
  const night = { start: '22:00', end: '06:00' };

  it('spans midnight', () => {
    expect(isQuiet(at(5, 23), night)).toBe(true);
    expect(isQuiet(at(6, 5, 59), night)).toBe(true);
    expect(isQuiet(at(6, 6), night)).toBe(false);
    expect(isQuiet(at(5, 21, 59), night)).toBe(false);
  });

  it('defers a due time inside the window to its end', () => {
    expect(quietEnd(at(5, 23), night)).toEqual(at(6, 6));
    expect(quietEnd(at(6, 1), night)).toEqual(at(6, 6));
    expect(nextRunTime(planOf({ enabled: true, cron: '0 * * * *' }), at(5, 20, 30), night)).toEqual(
      at(5, 21),
    );
    expect(nextRunTime(planOf({ enabled: true, cron: '0 * * * *' }), at(5, 21, 30), night)).toEqual(at(6, 6));
  });

  it('leaves runs outside the window alone', () => {
    expect(nextRunTime(planOf({ enabled: true, intervalMinutes: 10 }), at(5, 12), night)).toEqual(
      at(5, 12, 10),
    );
  });
});

describe('catch-up after downtime', () => {
  const plan = planOf({ enabled: true, intervalMinutes: 60 });
  it('owes a run when a due time passed while the app was down', () => {
    expect(catchUpTime(plan, at(5, 8), at(5, 10), null)).toEqual(at(5, 10));
    expect(catchUpTime(plan, at(5, 9, 30), at(5, 10), null)).toBeNull();
    expect(catchUpTime(plan, null, at(5, 10), null)).toBeNull();
  });
});

describe('alerts', () => {
  const base: WatchInput = {
    touchpoint: 'orders',
    plan: planOf({ enabled: true, intervalMinutes: 15 }),
    since: at(5, 10),
    running: false,
    recentStatuses: [],
    authFailed: false,
  };
  const rules = {
    now: at(5, 10, 21),
    paused: false,
    quietHours: null,
    graceMs: 5 * 60_000,
    failureThreshold: 3,
  };

  it('raises missed-run only after the grace period', () => {
    expect(evaluateAlerts([base], { ...rules, now: at(5, 10, 19) })).toEqual([]);
    const alerts = evaluateAlerts([base], rules);
    expect(alerts.map((a) => a.id)).toEqual(['missed-run:orders']);
  });

  it('does not call a run missed while paused, running, or held by quiet hours', () => {
    expect(evaluateAlerts([base], { ...rules, paused: true })).toEqual([]);
    expect(evaluateAlerts([{ ...base, running: true }], rules)).toEqual([]);
    expect(evaluateAlerts([base], { ...rules, quietHours: { start: '10:00', end: '11:00' } })).toEqual([]);
  });

  it('never calls a continuous touchpoint missed: a quiet ERP starts no run', () => {
    const continuous = { ...base, plan: planOf({ enabled: true, continuousSeconds: 5 }) };
    expect(evaluateAlerts([continuous], { ...rules, now: at(6, 10) })).toEqual([]);
  });

  it('counts consecutive failures from the newest run', () => {
    expect(consecutiveFailures(['failed', 'failed', 'succeeded', 'failed'])).toBe(2);
    const input = { ...base, since: at(5, 10, 20), recentStatuses: ['failed', 'failed', 'failed'] as const };
    expect(evaluateAlerts([input], rules).map((a) => a.kind)).toEqual(['repeated-failure']);
    expect(evaluateAlerts([{ ...input, recentStatuses: ['failed', 'failed', 'partial'] }], rules)).toEqual(
      [],
    );
  });

  it('raises one auth alert for the whole app', () => {
    const a = { ...base, since: at(5, 10, 20), authFailed: true };
    const out = evaluateAlerts([a, { ...a, touchpoint: 'items' }], rules);
    expect(out.map((x) => x.id)).toEqual(['auth-failed:all']);
  });
});
