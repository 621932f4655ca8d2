import type { Command } from 'commander';

/** Registers `infoplus-sync simulator`. Placeholder until its owner lands the real command. */
export function registerSimulatorCommand(program: Command): void {
  program
    .command('simulator')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync simulator is not built yet');
    });
}
