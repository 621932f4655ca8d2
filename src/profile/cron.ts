/** Validation of 5-field cron expressions with messages that say which field is wrong. */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
] as const;

/** Returns null for a valid 5-field cron expression, else what is wrong with it. */
export function cronProblem(expr: string): string | null {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) {
    return `"${expr}" has ${parts.length} fields; write 5: minute hour day-of-month month day-of-week (e.g. "*/15 * * * *")`;
  }
  for (let i = 0; i < 5; i++) {
    const spec = FIELDS[i]!;
    const problem = fieldProblem(parts[i]!, spec.min, spec.max, 'names' in spec ? spec.names : undefined);
    if (problem) return `${spec.name} "${parts[i]}": ${problem} (allowed ${spec.min}-${spec.max})`;
  }
  return null;
}

function fieldProblem(text: string, min: number, max: number, names?: readonly string[]): string | null {
  for (const item of text.split(',')) {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined || range === undefined || range === '') return 'bad syntax';
    if (step !== undefined && !/^\d+$/.test(step)) return `step "${step}" is not a number`;
    if (step !== undefined && Number(step) === 0) return 'step 0';
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `bad range "${range}"`;
    const values = bounds.map((b) => valueOf(b, names));
    for (const [idx, v] of values.entries()) {
      if (v === null) return `"${bounds[idx]}" is not a number`;
      if (v < min || v > max) return `${v} is out of range`;
    }
    if (values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  }
  return null;
}

function valueOf(text: string, names?: readonly string[]): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const idx = names?.indexOf(text.toLowerCase()) ?? -1;
  if (idx < 0) return null;
  // month names are 1-based, weekday names 0-based
  return names?.length === 12 ? idx + 1 : idx;
}

/** True when the runtime knows the IANA time zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
