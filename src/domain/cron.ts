import { describeCronIssue, parseCronFields } from '../contract/cron.js';

/** A parsed 5-field cron expression (minute hour day-of-month month day-of-week), evaluated in local time. */
export interface CronExpression {
  readonly source: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  /** Vixie cron: when both day fields are restricted, a day matches when EITHER matches. */
  readonly dayOr: boolean;
}

/** A cron expression that cannot be used, with a message saying what to fix. */
export class CronSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CronSyntaxError';
  }
}

/** Parses a 5-field cron expression; throws CronSyntaxError naming the bad field. */
export function parseCron(source: string): CronExpression {
  const parsed = parseCronFields(source);
  if (!parsed.ok) throw new CronSyntaxError(describeCronIssue(parsed.issue, source));
  const [minutes, hours, days, months, weekdays] = parsed.sets;
  return {
    source,
    minutes,
    hours,
    days,
    months,
    weekdays,
    dayOr: parsed.parts[2] !== '*' && parsed.parts[4] !== '*',
  };
}

function dayMatches(cron: CronExpression, d: Date): boolean {
  const dom = cron.days.has(d.getDate());
  const dow = cron.weekdays.has(d.getDay());
  return cron.dayOr ? dom || dow : dom && dow;
}

/** The first minute strictly after `after` that the cron matches (local time), or null within 5 years. */
export function nextCronTime(cron: CronExpression, after: Date): Date | null {
  const t = new Date(after.getTime());
  t.setSeconds(0, 0);
  t.setMinutes(t.getMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3600_000;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getMonth() + 1)) {
      t.setMonth(t.getMonth() + 1, 1);
      t.setHours(0, 0, 0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setDate(t.getDate() + 1);
      t.setHours(0, 0, 0, 0);
    } else if (!cron.hours.has(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  return null;
}
