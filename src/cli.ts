/** `infoplus-sync`: the command-line host of the engine. Each command lives in its own module under cli/. */
import { Command } from 'commander';
import { registerSimulatorCommand } from './cli/simulator-command.js';
import { registerSampleErpCommand } from './cli/sample-erp-command.js';
import { registerCheckCommand } from './cli/check-command.js';
import { registerRunCommand } from './cli/run-command.js';
import { registerReconcileCommand } from './cli/reconcile-command.js';
import { registerRepullCommand } from './cli/repull-command.js';
import { registerStatusCommand } from './cli/status-command.js';
import { registerErrorsCommand } from './cli/errors-command.js';
import { registerDemoCommand } from './cli/demo-command.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerProbeCommand } from './cli/probe-command.js';
import { PRODUCT_VERSION } from './version.js';

const program = new Command()
  .name('infoplus-sync')
  .description('Keeps an ERP database in sync with the Infoplus WMS API.')
  .version(PRODUCT_VERSION)
  .showHelpAfterError();

registerDemoCommand(program);
registerServeCommand(program);
registerRunCommand(program);
registerReconcileCommand(program);
registerRepullCommand(program);
registerStatusCommand(program);
registerErrorsCommand(program);
registerCheckCommand(program);
registerProbeCommand(program);
registerSampleErpCommand(program);
registerSimulatorCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`infoplus-sync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
