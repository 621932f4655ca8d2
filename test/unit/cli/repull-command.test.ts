import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { pastDate, registerRepullCommand } from '../../../src/cli/repull-command.js';

describe('infoplus-sync repull', () => {
  const now = new Date('2026-03-01T00:00:00Z');

  it('reads a date or a date-time with its offset', () => {
    expect(pastDate('2026-01-31', now).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(pastDate('2026-01-31T08:00:00-06:00', now).toISOString()).toBe('2026-01-31T14:00:00.000Z');
  });

  it('refuses what is not a date, and a date in the future, saying what to write', () => {
    expect(() => pastDate('31/01/2026', now)).toThrow(/write 2026-01-31/);
    expect(() => pastDate('2026-02-30T25:00:00Z', now)).toThrow(/is not a date/);
    expect(() => pastDate('2026-04-01', now)).toThrow(/in the future/);
  });

  it('takes pull touchpoints only and has help', () => {
    const program = new Command().exitOverride();
    program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerRepullCommand(program);
    const repull = program.commands.find((c) => c.name() === 'repull')!;
    repull.exitOverride();
    expect(repull.helpInformation()).toMatch(/--touchpoint <name>[\s\S]*--since <date>/);
    expect(() =>
      program.parse(['repull', '--touchpoint', 'orders', '--since', '2026-01-01'], { from: 'user' }),
    ).toThrow(/not a pull touchpoint/);
  });
});
