import { describe, expect, it } from 'vitest';
import type { Alert, RunSummary } from '../../../src/contract/dto.js';
import { planOf } from '../../../src/domain/schedule.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';
import { Watchdog } from '../../../src/sync/watchdog.js';

const at = (d: number, h: number, m = 0): Date => new Date(2026, 0, d, h, m, 0, 0);

function run(status: RunSummary['status'], startedAt: Date, error?: string, created = 0): RunSummary {
  return {
    id: `r-${Math.random()}`,
    touchpoint: 'orders',
    trigger: 'schedule',
    dryRun: false,
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    counts: { created, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 },
    ...(error ? { error } : {}),
  };
}

function setup() {
  const port = new FakeSchedulerPort(at(5, 10));
  let paused = false;
  const raised: Alert[] = [];
  const cleared: Alert[] = [];
  const dog = new Watchdog({
    port,
    planOf: (tp) => (tp === 'orders' ? planOf({ enabled: true, intervalMinutes: 15 }) : planOf(undefined)),
    quietHours: () => null,
    paused: () => paused,
    onChange: (c) => {
      raised.push(...c.raised);
      cleared.push(...c.cleared);
    },
  });
  return { port, dog, raised, cleared, setPaused: (p: boolean) => (paused = p) };
}

describe('Watchdog', () => {
  it('raises missed-run when the schedule silently stops firing, and clears it when a run starts', () => {
    const { port, dog, raised, cleared } = setup();
    dog.start();
    port.set(at(5, 10, 19));
    expect(dog.alerts()).toEqual([]);
    port.set(at(5, 10, 21));
    expect(dog.alerts().map((a) => a.kind)).toEqual(['missed-run']);
    expect(raised[0]?.message).toMatch(/Sales orders → Orders run due at .* did not start/);
    dog.runStarted('orders');
    expect(dog.alerts()).toEqual([]);
    expect(cleared.map((a) => a.id)).toEqual(['missed-run:orders']);
  });

  it('stays quiet while paused', () => {
    const { port, dog, setPaused } = setup();
    setPaused(true);
    dog.start();
    port.set(at(5, 12));
    expect(dog.alerts()).toEqual([]);
  });

  it('raises repeated-failure after three failed runs and clears it after a success', () => {
    const { port, dog } = setup();
    for (let i = 0; i < 3; i++) {
      dog.runStarted('orders');
      dog.runFinished(run('failed', port.now(), 'ERP connection lost'));
    }
    expect(dog.alerts().map((a) => a.id)).toEqual(['repeated-failure:orders']);
    expect(dog.alerts()[0]?.message).toMatch(/last 3 Sales orders → Orders runs failed: ERP connection lost/);
    dog.runStarted('orders');
    dog.runFinished(run('succeeded', port.now()));
    expect(dog.alerts()).toEqual([]);
  });

  it('raises auth-failed on a rejected key until a run gets through', () => {
    const { port, dog } = setup();
    dog.runStarted('orders');
    dog.runFinished(run('failed', port.now(), 'API key rejected'), true);
    expect(dog.alerts().map((a) => a.kind)).toEqual(['auth-failed']);
    // A push of unchanged records makes no call to Infoplus: it proves nothing about the key.
    dog.runFinished(run('succeeded', port.now()));
    expect(dog.alerts().map((a) => a.kind)).toEqual(['auth-failed']);
    dog.runFinished(run('succeeded', port.now(), undefined, 2));
    expect(dog.alerts()).toEqual([]);
  });

  it('seeds history so a failing streak survives a restart', () => {
    const { port, dog } = setup();
    dog.seed('orders', [run('failed', port.now()), run('failed', port.now()), run('failed', port.now())]);
    dog.check();
    expect(dog.alerts().map((a) => a.kind)).toEqual(['repeated-failure']);
  });
});
