import type { Command } from 'commander';

/** Registers `infoplus-sync check`. Placeholder until its owner lands the real command. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync check is not built yet');
    });
}
