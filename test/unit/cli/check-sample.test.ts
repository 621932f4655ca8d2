import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseSampleSize } from '../../../src/check/probe-sample.js';
import { registerCheckCommand } from '../../../src/cli/check-command.js';

describe('check --sample', () => {
  it('takes a whole number of at least 1 or "all"', () => {
    expect(parseSampleSize('50')).toBe(50);
    expect(parseSampleSize('ALL')).toBe('all');
    for (const bad of ['0', '-3', '2.5', 'many'])
      expect(() => parseSampleSize(bad)).toThrow(/--sample must be a whole number of at least 1 or "all"/);
  });

  it('refuses a bad value on the command line with what to type instead, before connecting anywhere', async () => {
    const program = new Command().exitOverride();
    let err = '';
    program.configureOutput({ writeErr: (s) => (err += s), writeOut: () => undefined });
    registerCheckCommand(program);
    program.commands.forEach((c) => c.exitOverride().configureOutput({ writeErr: (s) => (err += s) }));
    await expect(
      program.parseAsync(['check', '--config', 'nowhere.yaml', '--sample', 'lots'], { from: 'user' }),
    ).rejects.toThrow();
    expect(err).toMatch(/--sample must be a whole number of at least 1 or "all" \(got "lots"\)/);
  });
});
