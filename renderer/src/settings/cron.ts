import cronstrue from 'cronstrue';
import { describeCronIssue, parseCronFields } from '../contract.js';

/** A cron expression read for a person, or why it is not valid. */
export type CronReading =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Checks a 5-field cron expression and describes it in words ("Every 15 minutes"). */
export function readCron(expression: string): CronReading {
  const parsed = parseCronFields(expression);
  if (!parsed.ok) {
    return {
      ok: false,
      error: `Not a valid cron expression: ${describeCronIssue(parsed.issue, expression)}.`,
    };
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
