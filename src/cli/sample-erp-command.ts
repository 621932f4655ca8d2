import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { describeErpConfig, openErp } from '../erp/index.js';
import { createSampleErp, sampleProfileText } from '../erp/sample/index.js';
import type { ErpConfig, ErpDriverName } from '../erp/types.js';

interface SampleErpFlags {
  driver: ErpDriverName;
  url: string;
  orders: number;
  seed: number;
  profileOut?: string;
  json?: boolean;
}

const DRIVERS: readonly ErpDriverName[] = ['sqlserver', 'postgres', 'mysql', 'sqlite'];

function wholeNumber(name: string, max: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}.`);
    return n;
  };
}

function driverOf(v: string): ErpDriverName {
  if (!(DRIVERS as readonly string[]).includes(v))
    throw new InvalidArgumentError(`use one of ${DRIVERS.join(', ')}.`);
  return v as ErpDriverName;
}

/** The URL without its password, for the written profile (the password belongs in ERP_PASSWORD). */
function urlWithoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/** Registers `infoplus-sync sample-erp`: creates or resets the sample ERP in the given database. */
export function registerSampleErpCommand(program: Command): void {
  program
    .command('sample-erp')
    .description(
      'Create or reset the sample ERP (customers, vendors, items, sales and purchase orders, write-back tables) in a ' +
        'database. Drops and recreates only its own tables. Optionally writes its ready mapping profile.',
    )
    .requiredOption('--driver <name>', `database kind: ${DRIVERS.join(' | ')}`, driverOf)
    .requiredOption(
      '--url <url>',
      'postgres://..., mysql://..., mssql://..., or a SQLite file path (created if missing)',
    )
    .option('--orders <n>', 'number of sales orders to generate', wholeNumber('--orders', 10_000_000), 100)
    .option(
      '--seed <n>',
      'seed of the generated data (same seed, same data)',
      wholeNumber('--seed', 2 ** 31),
      1,
    )
    .option('--profile-out <file>', 'write the ready mapping profile for this database to FILE')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nThe password may be in the URL or in ERP_PASSWORD; a written profile never contains it.\n' +
        'Example:\n  infoplus-sync sample-erp --driver sqlite --url ./erp.sqlite --orders 1000 --profile-out profile.yaml\n',
    )
    .action(async (flags: SampleErpFlags) => {
      const url = flags.driver === 'sqlite' ? resolve(flags.url) : flags.url;
      const password = process.env['ERP_PASSWORD'] || undefined;
      const config: ErpConfig =
        flags.driver === 'sqlserver'
          ? { driver: 'sqlserver', url, ...(password ? { password } : {}) }
          : { driver: flags.driver, url, createIfMissing: true, ...(password ? { password } : {}) };
      const erp = await openErp(config);
      try {
        const started = Date.now();
        const summary = await createSampleErp(erp, { orders: flags.orders, seed: flags.seed });
        let profileFile: string | null = null;
        if (flags.profileOut) {
          profileFile = resolve(flags.profileOut);
          await writeFile(
            profileFile,
            sampleProfileText(flags.driver, { erpUrl: urlWithoutPassword(url) }),
            'utf8',
          );
        }
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ ...summary, profile: profileFile, ms: Date.now() - started }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          `Sample ERP created in ${describeErpConfig(config)} (seed ${summary.seed}, ${Date.now() - started} ms):\n`,
        );
        for (const [table, n] of Object.entries(summary.counts))
          process.stdout.write(`  ${table.padEnd(28)} ${n}\n`);
        if (profileFile) process.stdout.write(`Mapping profile written to ${profileFile}\n`);
      } finally {
        await erp.close();
      }
    });
}
