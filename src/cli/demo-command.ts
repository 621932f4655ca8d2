import type { Command } from 'commander';

/** Registers `infoplus-sync demo`. Placeholder until its owner lands the real command. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync demo is not built yet');
    });
}
