import schedule from 'node-schedule';
import type { SchedulerPort } from './scheduler-port.js';

/**
 * The real port: node-schedule one-shot jobs on the wall clock. node-schedule copes with waits longer than
 * setTimeout's 24.8-day limit; when to fire is decided by src/domain/schedule.ts, so the dashboard's
 * next-run time and the actual firing come from the same math.
 */
export function nodeSchedulePort(): SchedulerPort {
  return {
    now: () => new Date(),
    at(at, fn) {
      if (at.getTime() <= Date.now()) {
        const t = setTimeout(fn, 0);
        return () => clearTimeout(t);
      }
      const job = schedule.scheduleJob(at, fn);
      if (!job) {
        const t = setTimeout(fn, 0);
        return () => clearTimeout(t);
      }
      return () => job.cancel();
    },
  };
}
