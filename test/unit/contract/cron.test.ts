import { describe, expect, it } from 'vitest';
import { cronProblem, parseCronFields } from '../../../src/contract/cron.js';
import { CronSyntaxError, parseCron } from '../../../src/domain/cron.js';
import { scheduleSchema } from '../../../src/settings/schema.js';
import { readCron } from '../../../renderer/src/settings/cron.js';

const sorted = (s: ReadonlySet<number>) => [...s].sort((a, b) => a - b);

describe('the shared cron parser', () => {
  it('expands steps, ranges, names and folds weekday 7 into Sunday', () => {
    const parsed = parseCronFields('5/20 9-11 * jan,MAR 7');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issue));
    const [minutes, hours, days, months, weekdays] = parsed.sets;
    expect(sorted(minutes)).toEqual([5, 25, 45]);
    expect(sorted(hours)).toEqual([9, 10, 11]);
    expect(days.size).toBe(31);
    expect(sorted(months)).toEqual([1, 3]);
    expect(sorted(weekdays)).toEqual([0]);
  });

  it.each([
    ['', { kind: 'field-count', count: 0 }],
    ['* * * *', { kind: 'field-count', count: 4 }],
    ['*/0 * * * *', { kind: 'bad-step', step: '0' }],
    ['1-2-3 * * * *', { kind: 'bad-range', range: '1-2-3' }],
    ['0 17-9 * * *', { kind: 'backwards', range: '17-9' }],
    ['0 0 * * funday', { kind: 'not-a-value', value: 'funday' }],
    ['61 * * * *', { kind: 'out-of-range', value: 61 }],
    ['0 0 ,1 * *', { kind: 'bad-syntax', entry: '' }],
  ])('names what is wrong with %j', (expression, issue) => {
    const parsed = parseCronFields(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issue).toMatchObject(issue);
  });
});

describe('the settings screen, the settings file, the profile checker and the scheduler say the same', () => {
  const schedulerProblem = (expression: string): string | null => {
    try {
      parseCron(expression);
      return null;
    } catch (e) {
      if (!(e instanceof CronSyntaxError)) throw e;
      return e.message;
    }
  };

  it.each([
    '*/15 * * * *',
    '0 6 * * 1-5',
    '30 2 * * mon',
    '0 0 1 */2 *',
    '*/05 * * * *',
    '0 17-9 * * *',
    '1-2-3 * * * *',
    '61 * * * *',
    '*/0 * * * *',
    '0 0 * * funday',
    '* * * *',
  ])('%j: one verdict and one wording', (expression) => {
    const problem = cronProblem(expression);
    expect(schedulerProblem(expression)).toBe(problem);
    const stored = scheduleSchema.safeParse({ enabled: true, cron: expression });
    expect(stored.success ? null : stored.error.issues[0]?.message).toBe(problem);
    const reading = readCron(expression);
    if (problem === null) expect(reading.ok).toBe(true);
    else expect(reading).toEqual({ ok: false, error: `Not a valid cron expression: ${problem}.` });
  });

  it('words a bad field the way the settings screen always has', () => {
    expect(cronProblem('61 * * * *')).toBe('the minute field must be between 0 and 59, not 61');
    expect(cronProblem('* * * *')).toMatch(/^"\* \* \* \*" has 4 fields; write 5: minute hour/);
  });
});
