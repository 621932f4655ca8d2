/** 5-field cron parsing shared by the scheduler, the profile checker and the UI: pure, no I/O. */

/** The name of one of the five cron fields, as messages say it. */
export type CronFieldName = 'minute' | 'hour' | 'day of month' | 'month' | 'day of week';

/** One cron field and the values it allows. */
export interface CronField {
  readonly name: CronFieldName;
  readonly min: number;
  readonly max: number;
  /** Lower-case names accepted for the values (month names start at 1, weekday names at 0). */
  readonly names: readonly string[] | null;
}

/** The five fields in order: minute hour day-of-month month day-of-week. */
export const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59, names: null },
  { name: 'hour', min: 0, max: 23, names: null },
  { name: 'day of month', min: 1, max: 31, names: null },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/** Where in a field the problem is: the field, its whole text and the comma-separated entry. */
interface FieldSpot {
  readonly field: CronField;
  readonly text: string;
  readonly entry: string;
}

/** Why a cron expression cannot be used, as data so each caller words it for its audience. */
export type CronIssue =
  | { readonly kind: 'field-count'; readonly count: number }
  /** An entry with an empty range or more than one '/'. */
  | (FieldSpot & { readonly kind: 'bad-syntax' })
  /** A step that is not a whole number of 1 or more. */
  | (FieldSpot & { readonly kind: 'bad-step'; readonly step: string })
  /** A range with more than one '-'. */
  | (FieldSpot & { readonly kind: 'bad-range'; readonly range: string })
  | (FieldSpot & { readonly kind: 'not-a-value'; readonly value: string })
  | (FieldSpot & { readonly kind: 'out-of-range'; readonly value: number })
  | (FieldSpot & { readonly kind: 'backwards'; readonly range: string });

type Values = ReadonlySet<number>;

/** A cron issue inside one field (every kind but the field count). */
export type CronFieldIssue = Exclude<CronIssue, { readonly kind: 'field-count' }>;

/** The values each field matches, in field order (weekday 7 folded to 0). */
export type CronSets = readonly [
  minutes: Values,
  hours: Values,
  days: Values,
  months: Values,
  weekdays: Values,
];

/** The five fields as the sets of values they match, or the first issue. */
export type CronParse =
  | { readonly ok: true; readonly parts: readonly string[]; readonly sets: CronSets }
  | { readonly ok: false; readonly issue: CronIssue };

type FieldParse = { ok: true; set: Set<number> } | { ok: false; issue: CronIssue };

function valueOf(text: string, field: CronField): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const idx = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (idx < 0) return null;
  return field.name === 'month' ? idx + 1 : idx;
}

function parseField(text: string, field: CronField): FieldParse {
  const set = new Set<number>();
  const fail = (issue: CronIssue): FieldParse => ({ ok: false, issue });
  for (const entry of text.split(',')) {
    const spot = { field, text, entry };
    const [range, step, extra] = entry.split('/');
    if (extra !== undefined || range === undefined || range === '')
      return fail({ ...spot, kind: 'bad-syntax' });
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) {
      return fail({ ...spot, kind: 'bad-step', step });
    }
    const every = step === undefined ? 1 : Number(step);
    let lo = field.min;
    // '*' in the weekday field means 0-6; 7 is only another spelling of Sunday
    let hi = field.max === 7 ? 6 : field.max;
    if (range !== '*') {
      const bounds = range.split('-');
      if (bounds.length > 2) return fail({ ...spot, kind: 'bad-range', range });
      const values: number[] = [];
      for (const bound of bounds) {
        const v = valueOf(bound, field);
        if (v === null) return fail({ ...spot, kind: 'not-a-value', value: bound });
        if (v < field.min || v > field.max) return fail({ ...spot, kind: 'out-of-range', value: v });
        values.push(v);
      }
      lo = values[0]!;
      // Vixie cron: "5/10" means from 5 to the field's end in steps of 10
      hi = values[1] ?? (step === undefined ? lo : field.max);
      if (hi < lo) return fail({ ...spot, kind: 'backwards', range });
    }
    for (let v = lo; v <= hi; v += every) set.add(field.name === 'day of week' && v === 7 ? 0 : v);
  }
  return { ok: true, set };
}

/** Splits and checks a 5-field cron expression; the first problem found wins. */
export function parseCronFields(expression: string): CronParse {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== CRON_FIELDS.length)
    return { ok: false, issue: { kind: 'field-count', count: parts.length } };
  const sets: Set<number>[] = [];
  for (const [i, field] of CRON_FIELDS.entries()) {
    const parsed = parseField(parts[i]!, field);
    if (!parsed.ok) return parsed;
    sets.push(parsed.set);
  }
  return { ok: true, parts, sets: sets as unknown as CronSets };
}

/** What is wrong inside one field, in the words every screen, the CLI and the profile checker use. */
function fieldProblem(issue: CronFieldIssue): string {
  const name = issue.field.name;
  switch (issue.kind) {
    case 'bad-syntax':
      // more than one '/' reads as a bad step; an empty range as a missing value
      return issue.entry.split('/').length > 2
        ? `the ${name} field has a bad step in "${issue.entry}"`
        : `the ${name} field has "", which is not a number or name`;
    case 'bad-step':
      return `the ${name} field has a bad step in "${issue.entry}"`;
    case 'bad-range':
      return `the ${name} field has a bad range "${issue.range}"`;
    case 'not-a-value':
      return `the ${name} field has "${issue.value}", which is not a number or name`;
    case 'out-of-range':
      return `the ${name} field must be between ${issue.field.min} and ${issue.field.max}, not ${issue.value}`;
    case 'backwards':
      return `the ${name} field has a range "${issue.range}" that runs backwards`;
  }
}

/** The one wording of a cron issue (settings screen, settings file, profile checker, scheduler). */
export function describeCronIssue(issue: CronIssue, expression: string): string {
  if (issue.kind === 'field-count') {
    return `"${expression.trim()}" has ${issue.count} fields; write 5: minute hour day-of-month month day-of-week (e.g. "*/15 * * * *")`;
  }
  return fieldProblem(issue);
}

/** Null for a valid 5-field cron expression, else what is wrong with it. */
export function cronProblem(expression: string): string | null {
  const parsed = parseCronFields(expression);
  return parsed.ok ? null : describeCronIssue(parsed.issue, expression);
}
