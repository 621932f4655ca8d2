import cronstrue from 'cronstrue';

/** A cron expression read for a person, or why it is not valid. */
export type CronReading =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;

function value(text: string, field: (typeof FIELDS)[number]): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if ('names' in field) {
    const i = (field.names as readonly string[]).indexOf(text.toUpperCase());
    if (i >= 0) return i + (field.name === 'month' ? 1 : 0);
  }
  return null;
}

function checkField(text: string, field: (typeof FIELDS)[number]): string | null {
  for (const part of text.split(',')) {
    const [range = '', step, extra] = part.split('/');
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
      return `the ${field.name} field has a bad step in "${part}"`;
    }
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `the ${field.name} field has a bad range "${range}"`;
    for (const bound of bounds) {
      const n = value(bound, field);
      if (n === null) return `the ${field.name} field has "${bound}", which is not a number or name`;
      if (n < field.min || n > field.max) {
        return `the ${field.name} field must be between ${field.min} and ${field.max}, not ${n}`;
      }
    }
  }
  return null;
}

/** Checks a 5-field cron expression and describes it in words ("Every 15 minutes"). */
export function readCron(expression: string): CronReading {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    return {
      ok: false,
      error: `A cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. "*/15 * * * *"; this one has ${fields.length}.`,
    };
  }
  for (const [i, text] of fields.entries()) {
    const field = FIELDS[i];
    const problem = field ? checkField(text, field) : null;
    if (problem) return { ok: false, error: `Not a valid cron expression: ${problem}.` };
  }
  try {
    return {
      ok: true,
      text: cronstrue.toString(fields.join(' '), {
        throwExceptionOnParseError: true,
        use24HourTimeFormat: true,
      }),
    };
  } catch (error) {
    return { ok: false, error: `Not a valid cron expression: ${String(error).replace(/^Error:\s*/, '')}` };
  }
}
