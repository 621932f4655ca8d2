/** Validation of 5-field cron expressions with messages that say which field is wrong. */
import { parseCronFields, type CronFieldIssue } from '../contract/cron.js';

/** The profile checker's wording of what is wrong inside one field. */
function fieldProblem(issue: CronFieldIssue): string {
  switch (issue.kind) {
    case 'bad-syntax':
      return 'bad syntax';
    case 'bad-step':
      return /^\d+$/.test(issue.step) ? 'step 0' : `step "${issue.step}" is not a number`;
    case 'bad-range':
      return `bad range "${issue.range}"`;
    case 'not-a-value':
      return `"${issue.value}" is not a number`;
    case 'out-of-range':
      return `${issue.value} is out of range`;
    case 'backwards':
      return `range "${issue.range}" runs backwards`;
  }
}

/** Returns null for a valid 5-field cron expression, else what is wrong with it. */
export function cronProblem(expr: string): string | null {
  const parsed = parseCronFields(expr);
  if (parsed.ok) return null;
  const { issue } = parsed;
  if (issue.kind === 'field-count') {
    return `"${expr}" has ${issue.count} fields; write 5: minute hour day-of-month month day-of-week (e.g. "*/15 * * * *")`;
  }
  const { field } = issue;
  return `${field.name} "${issue.text}": ${fieldProblem(issue)} (allowed ${field.min}-${field.max})`;
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
