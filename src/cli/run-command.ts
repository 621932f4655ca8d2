import type { Command } from 'commander';

/** Registers `infoplus-sync run`. Placeholder until its owner lands the real command. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync run is not built yet');
    });
}
