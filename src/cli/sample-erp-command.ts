import type { Command } from 'commander';

/** Registers `infoplus-sync sample-erp`. Placeholder until its owner lands the real command. */
export function registerSampleErpCommand(program: Command): void {
  program
    .command('sample-erp')
    .description('(not built yet)')
    .action(() => {
      throw new Error('infoplus-sync sample-erp is not built yet');
    });
}
