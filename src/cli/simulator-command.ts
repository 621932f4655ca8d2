import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_API_KEY, startSimulator, type FaultConfig } from '../simulator/index.js';
import {
  addVariantOptions,
  printVariantList,
  variantsFromFlags,
  type VariantFlags,
} from './variant-options.js';

function number(name: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a number between ${min} and ${max}.`);
    }
    return n;
  };
}

interface SimulatorFlags extends VariantFlags {
  port: number;
  host: string;
  apiKey: string;
  latencyMs?: number;
  jitterMs?: number;
  rateLimit?: number;
  failRate?: number;
  resetRate?: number;
  seed: number;
  stateFile?: string;
  rejectDuplicateCustomerOrderNo?: boolean;
}

/** Registers `infoplus-sync simulator`: serves a local Infoplus API until SIGINT/SIGTERM. */
export function registerSimulatorCommand(program: Command): void {
  const cmd = program
    .command('simulator')
    .description(
      'Run a local Infoplus API simulator (v3.0 and beta paths, faults, warehouse activity under /__sim/). ' +
        'Prints its base URL and API key, then serves until stopped (Ctrl+C).',
    )
    .option('--port <n>', 'TCP port on 127.0.0.1 (0 = any free port)', number('--port', 0, 65535), 0)
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--api-key <key>', 'API key clients must send in the API-Key header', DEFAULT_API_KEY)
    .option('--latency-ms <n>', 'fixed delay added to every answer', number('--latency-ms', 0))
    .option('--jitter-ms <n>', 'random extra delay up to this many ms', number('--jitter-ms', 0))
    .option(
      '--rate-limit <n>',
      'requests per second before answering 429 with Retry-After',
      number('--rate-limit', 0.001),
    )
    .option('--fail-rate <f>', 'share (0..1) of requests answered with a 5xx', number('--fail-rate', 0, 1))
    .option(
      '--reset-rate <f>',
      'share (0..1) of connections cut without an answer',
      number('--reset-rate', 0, 1),
    )
    .option('--seed <n>', 'seed of faults and warehouse activity', number('--seed', 0), 1)
    .option('--state-file <file>', 'keep the simulator state in this JSON file (loaded at start)')
    .option('--reject-duplicate-customer-order-no', 'reject orders whose customerOrderNo is already used')
    .addHelpText(
      'after',
      '\nExample:\n  infoplus-sync simulator --port 8080\n' +
        '  curl -H "API-Key: sim-demo-key" http://127.0.0.1:8080/infoplus-wms/api/v3.0/lineOfBusiness/search\n' +
        '  infoplus-sync simulator --variant errorBody=text --variant put=merge\n' +
        '  infoplus-sync simulator --variants random --seed 7\n',
    );
  addVariantOptions(cmd).action(async (flags: SimulatorFlags) => {
    if (flags.listVariants) {
      printVariantList((t) => process.stdout.write(t));
      return;
    }
    const chosen = variantsFromFlags(flags, flags.seed);
    const faults: Partial<FaultConfig> = {};
    if (flags.latencyMs !== undefined) faults.latencyMs = flags.latencyMs;
    if (flags.jitterMs !== undefined) faults.jitterMs = flags.jitterMs;
    if (flags.rateLimit !== undefined) faults.rateLimit = flags.rateLimit;
    if (flags.failRate !== undefined) faults.failRate = flags.failRate;
    if (flags.resetRate !== undefined) faults.resetRate = flags.resetRate;
    const sim = await startSimulator({
      port: flags.port,
      host: flags.host,
      apiKey: flags.apiKey,
      seed: flags.seed,
      faults,
      stateFile: flags.stateFile,
      rejectDuplicateCustomerOrderNo: flags.rejectDuplicateCustomerOrderNo === true,
      variants: chosen.variants,
    });
    process.stdout.write(
      `Base URL: ${sim.baseUrl}\nAPI key: ${sim.apiKey}\nVariants: ${chosen.description}\n`,
    );
    process.stdout.write(`Try: curl -H "API-Key: ${sim.apiKey}" ${sim.baseUrl}/v3.0/lineOfBusiness/search\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await sim.close();
    process.stdout.write('Simulator stopped.\n');
  });
}
