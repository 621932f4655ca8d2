import type { Command } from 'commander';

/** Registers `infoplus-sync serve`. Placeholder until its owner lands the real command. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync serve is not built yet');
    });
}
