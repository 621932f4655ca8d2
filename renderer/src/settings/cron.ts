import cronstrue from 'cronstrue';
import { parseCronFields, type CronFieldIssue } from '../contract.js';

/** A cron expression read for a person, or why it is not valid. */
export type CronReading =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** The settings screen's wording of what is wrong inside one field. */
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

/** Checks a 5-field cron expression and describes it in words ("Every 15 minutes"). */
export function readCron(expression: string): CronReading {
  const parsed = parseCronFields(expression);
  if (!parsed.ok) {
    const { issue } = parsed;
    const error =
      issue.kind === 'field-count'
        ? `A cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. "*/15 * * * *"; this one has ${issue.count}.`
        : `Not a valid cron expression: ${fieldProblem(issue)}.`;
    return { ok: false, error };
  }
  try {
    return {
      ok: true,
      text: cronstrue.toString(parsed.parts.join(' '), {
        throwExceptionOnParseError: true,
        use24HourTimeFormat: true,
      }),
    };
  } catch (error) {
    return { ok: false, error: `Not a valid cron expression: ${String(error).replace(/^Error:\s*/, '')}` };
  }
}
