import { describe, expect, it } from 'vitest';
import type { TouchpointName } from '../../../src/contract/touchpoints.js';
import { FakeSchedulerPort, Scheduler } from '../../../src/sync/scheduler.js';

const at = (d: number, h: number, m = 0): Date => new Date(2026, 0, d, h, m, 0, 0);

function setup(start: Date, lastRunAt: Partial<Record<TouchpointName, Date>> = {}) {
  const port = new FakeSchedulerPort(start);
  const fired: { tp: TouchpointName; trigger: string; at: Date }[] = [];
  const scheduler = new Scheduler({
    port,
    onDue: (tp, trigger) => fired.push({ tp, trigger, at: port.now() }),
    lastRunAt: (tp) => lastRunAt[tp] ?? null,
  });
  return { port, fired, scheduler };
}

describe('Scheduler', () => {
  it('fires interval and cron schedules and reports the next run', () => {
    const { port, fired, scheduler } = setup(at(5, 10));
    scheduler.configure({
      schedules: {
        orders: { enabled: true, intervalMinutes: 15 },
        shipments: { enabled: true, cron: '0 * * * *' },
      },
      quietHours: null,
    });
    scheduler.start();
    expect(scheduler.nextRunAt('orders')).toEqual(at(5, 10, 15));
    expect(scheduler.nextRunAt('shipments')).toEqual(at(5, 11));
    expect(scheduler.nextRunAt('items')).toBeNull();
    port.set(at(5, 11));
    expect(fired.map((f) => `${f.tp}@${f.at.getHours()}:${f.at.getMinutes()}`).sort()).toEqual([
      'orders@10:15',
      'orders@10:30',
      'orders@10:45',
      'orders@11:0',
      'shipments@11:0',
    ]);
    expect(scheduler.nextRunAt('orders')).toEqual(at(5, 11, 15));
  });

  it('holds scheduled runs during quiet hours and runs once when the window ends', () => {
    const { port, fired, scheduler } = setup(at(5, 21, 50));
    scheduler.configure({
      schedules: { orders: { enabled: true, intervalMinutes: 15 } },
      quietHours: { start: '22:00', end: '06:00' },
    });
    scheduler.start();
    expect(scheduler.nextRunAt('orders')).toEqual(at(6, 6));
    port.set(at(6, 6, 1));
    expect(fired.map((f) => f.at)).toEqual([at(6, 6)]);
    expect(scheduler.nextRunAt('orders')).toEqual(at(6, 6, 15));
  });

  it('pauses without queueing runs and resumes from now', () => {
    const { port, fired, scheduler } = setup(at(5, 10));
    scheduler.configure({ schedules: { orders: { enabled: true, intervalMinutes: 10 } }, quietHours: null });
    scheduler.start();
    scheduler.pause();
    expect(scheduler.nextRunAt('orders')).toBeNull();
    port.set(at(5, 12));
    expect(fired).toEqual([]);
    scheduler.resume();
    expect(scheduler.nextRunAt('orders')).toEqual(at(5, 12, 10));
    port.set(at(5, 12, 10));
    expect(fired).toHaveLength(1);
  });

  it('catches up once at start-up on a run owed from before a restart', () => {
    const { port, fired, scheduler } = setup(at(5, 10), { orders: at(5, 8) });
    scheduler.configure({ schedules: { orders: { enabled: true, intervalMinutes: 60 } }, quietHours: null });
    scheduler.start();
    port.advance(0);
    expect(fired).toEqual([{ tp: 'orders', trigger: 'startup', at: at(5, 10) }]);
    expect(scheduler.nextRunAt('orders')).toEqual(at(5, 11));
  });

  it('re-arms on a new configuration and stops cleanly', () => {
    const { port, scheduler } = setup(at(5, 10));
    scheduler.configure({ schedules: { orders: { enabled: true, intervalMinutes: 10 } }, quietHours: null });
    scheduler.start();
    scheduler.configure({ schedules: { orders: { enabled: false, intervalMinutes: 10 } }, quietHours: null });
    expect(scheduler.nextRunAt('orders')).toBeNull();
    expect(port.pending).toBe(0);
    expect(() =>
      scheduler.configure({ schedules: { orders: { enabled: true, cron: 'nope' } }, quietHours: null }),
    ).toThrow(/write 5: minute/);
    scheduler.stop();
    expect(port.pending).toBe(0);
  });

  it('checks a continuous touchpoint every few seconds, holds it in quiet hours, owes nothing after a restart', () => {
    const { port, fired, scheduler } = setup(at(5, 21, 59), { orders: at(5, 12) });
    scheduler.configure({
      schedules: { orders: { enabled: true, continuousSeconds: 5 } },
      quietHours: { start: '22:00', end: '06:00' },
    });
    scheduler.start();
    expect(scheduler.describe('orders')).toBe('on change (checked every 5 s)');
    expect(fired).toEqual([]); // no start-up catch-up: the next check finds what is owed
    port.advance(60_000);
    const before = fired.filter((f) => f.at < at(5, 22));
    expect(before).toHaveLength(11); // 21:59:05 ... 21:59:55
    expect(before.every((f) => f.tp === 'orders' && f.trigger === 'schedule')).toBe(true);
    expect(fired.filter((f) => f.at >= at(5, 22))).toEqual([]);
    expect(scheduler.nextRunAt('orders')).toEqual(at(6, 6));
    port.set(at(6, 6, 0));
    port.advance(10_000);
    expect(fired.filter((f) => f.at >= at(6, 6))).toHaveLength(3); // 06:00:00, :05, :10
  });
});
