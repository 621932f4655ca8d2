import type { Command } from 'commander';

/** Registers `infoplus-sync status`. Placeholder until its owner lands the real command. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync status is not built yet');
    });
}
