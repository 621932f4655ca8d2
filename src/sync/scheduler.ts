import type { QuietHours, ScheduleSettings } from '../contract/dto.js';
import { TOUCHPOINTS, type TouchpointName } from '../contract/touchpoints.js';
import { catchUpTime, describePlan, nextRunTime, planOf, type SchedulePlan } from '../domain/schedule.js';
import type { SchedulerPort } from './scheduler-port.js';

export type { SchedulerPort } from './scheduler-port.js';
export { FakeSchedulerPort } from './scheduler-port.js';
export { nodeSchedulePort } from './scheduler-node.js';

/** Why a scheduled callback fires. */
export type ScheduledTrigger = 'schedule' | 'startup';

/** What the scheduler is told to run. */
export interface SchedulerConfig {
  readonly schedules: Partial<Record<TouchpointName, ScheduleSettings>>;
  readonly quietHours: QuietHours | null;
}

/** Options of the scheduler. */
export interface SchedulerOptions {
  readonly port: SchedulerPort;
  /** Called when a touchpoint is due; the caller runs it (single-flight is the engine's job). */
  readonly onDue: (touchpoint: TouchpointName, trigger: ScheduledTrigger) => void;
  /** When each touchpoint last ran, to catch up on runs missed while the app was down. */
  readonly lastRunAt?: (touchpoint: TouchpointName) => Date | null;
}

/** Fires touchpoints on their cron or interval, holds them during quiet hours, pauses and resumes. */
export class Scheduler {
  private plans = new Map<TouchpointName, SchedulePlan>();
  private quietHours: QuietHours | null = null;
  private timers = new Map<TouchpointName, { at: Date; cancel: () => void }>();
  private started = false;
  private isPaused = false;

  constructor(private readonly opts: SchedulerOptions) {}

  /** Sets (or changes) the schedules; re-arms timers when running. Throws on an invalid cron. */
  configure(config: SchedulerConfig): void {
    const plans = new Map<TouchpointName, SchedulePlan>();
    for (const tp of TOUCHPOINTS) plans.set(tp, planOf(config.schedules[tp]));
    this.plans = plans;
    this.quietHours = config.quietHours;
    if (this.started && !this.isPaused) this.armAll(false);
  }

  /** Turns scheduling on; runs owed from before a restart are caught up once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (!this.isPaused) this.armAll(true);
  }

  /** Turns scheduling off (stop of the app). */
  stop(): void {
    this.started = false;
    this.cancelAll();
  }

  /** Holds every scheduled run until resume(); runs due meanwhile are not queued up. */
  pause(): void {
    this.isPaused = true;
    this.cancelAll();
  }

  /** Resumes from now: the next due time of each schedule, without a burst of owed runs. */
  resume(): void {
    this.isPaused = false;
    if (this.started) this.armAll(false);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** The plan of a touchpoint (manual when unscheduled). */
  plan(tp: TouchpointName): SchedulePlan {
    return this.plans.get(tp) ?? { kind: 'manual' };
  }

  /** The dashboard's schedule text of a touchpoint. */
  describe(tp: TouchpointName): string | null {
    return describePlan(this.plan(tp));
  }

  /** When the touchpoint will next run by itself; null when paused, stopped or unscheduled. */
  nextRunAt(tp: TouchpointName): Date | null {
    return this.timers.get(tp)?.at ?? null;
  }

  /** The quiet hours in force (manual runs inside them are allowed but warned about). */
  get quietHoursConfig(): QuietHours | null {
    return this.quietHours;
  }

  private cancelAll(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private armAll(catchUp: boolean): void {
    this.cancelAll();
    const now = this.opts.port.now();
    for (const tp of TOUCHPOINTS) {
      const plan = this.plan(tp);
      if (plan.kind === 'manual') continue;
      const owed = catchUp
        ? catchUpTime(plan, this.opts.lastRunAt?.(tp) ?? null, now, this.quietHours)
        : null;
      if (owed) this.arm(tp, owed, 'startup');
      else this.armNext(tp, now);
    }
  }

  private armNext(tp: TouchpointName, after: Date): void {
    const at = nextRunTime(this.plan(tp), after, this.quietHours);
    if (at) this.arm(tp, at, 'schedule');
  }

  private arm(tp: TouchpointName, at: Date, trigger: ScheduledTrigger): void {
    const cancel = this.opts.port.at(at, () => {
      this.timers.delete(tp);
      // Next due time counts from the moment we fire, so a quiet window collapses its dues into one run.
      const firedAt = new Date(Math.max(at.getTime(), this.opts.port.now().getTime()));
      this.armNext(tp, firedAt);
      this.opts.onDue(tp, trigger);
    });
    this.timers.set(tp, { at, cancel });
  }
}
