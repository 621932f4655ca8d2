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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS = [
  { name: 'minute', min: 0, max: 59, names: null },
  { name: 'hour', min: 0, max: 23, names: null },
  { name: 'day of month', min: 1, max: 31, names: null },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: DAYS },
] as const;

function parseValue(text: string, field: (typeof FIELDS)[number]): number {
  const lower = text.toLowerCase();
  if (field.names) {
    const idx = (field.names as readonly string[]).indexOf(lower);
    if (idx >= 0) return field.name === 'month' ? idx + 1 : idx;
  }
  if (!/^\d+$/.test(text)) throw new CronSyntaxError(`"${text}" is not a valid ${field.name}`);
  const n = Number(text);
  if (n < field.min || n > field.max) {
    throw new CronSyntaxError(`${field.name} ${n} is out of range ${field.min}-${field.max}`);
  }
  return n;
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (range === undefined || range === '' || extra !== undefined) {
      throw new CronSyntaxError(`"${part}" is not a valid ${field.name} entry`);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new CronSyntaxError(`step "${stepText}" must be a whole number >= 1`);
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = field.min;
      hi = field.max === 7 ? 6 : field.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = parseValue(a ?? '', field);
      hi = parseValue(b ?? '', field);
      if (hi < lo) throw new CronSyntaxError(`range "${range}" runs backwards in the ${field.name} field`);
    } else {
      lo = parseValue(range, field);
      hi = stepText === undefined ? lo : field.max;
    }
    for (let v = lo; v <= hi; v += step) out.add(field.name === 'day of week' && v === 7 ? 0 : v);
  }
  return out;
}

/** Parses a 5-field cron expression; throws CronSyntaxError naming the bad field. */
export function parseCron(source: string): CronExpression {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new CronSyntaxError(
      `cron "${source}" has ${parts.length} fields; use 5: minute hour day-of-month month day-of-week, e.g. "*/15 * * * *"`,
    );
  }
  const [mi, h, dom, mo, dow] = parts.map((p, i) => parseField(p, FIELDS[i] as (typeof FIELDS)[number]));
  return {
    source,
    minutes: mi as Set<number>,
    hours: h as Set<number>,
    days: dom as Set<number>,
    months: mo as Set<number>,
    weekdays: dow as Set<number>,
    dayOr: parts[2] !== '*' && parts[4] !== '*',
  };
}

/** The cron's problem in plain words, or null when it is valid. */
export function cronProblem(source: string): string | null {
  try {
    parseCron(source);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
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
