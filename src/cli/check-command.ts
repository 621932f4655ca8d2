import { InvalidArgumentError, type Command } from 'commander';
import { checkProfileFile } from '../check/check-profile.js';
import { DEFAULT_SAMPLE, parseSampleSize, type SampleSize } from '../check/probe-sample.js';

/** One problem as `check` prints it (also used by `run` and `reconcile` when the profile is broken). */
export function problemLine(p: { path: string; message: string; severity?: 'error' | 'warning' }): string {
  return `  ${p.severity === 'warning' ? 'WARN ' : 'ERROR'} ${p.path || '(profile)'}: ${p.message}`;
}

/** Commander parser of --sample: the message says what to type instead. */
function sampleFlag(value: string): SampleSize {
  try {
    return parseSampleSize(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

interface CheckFlags {
  config: string;
  offline?: boolean;
  writeProbe: boolean;
  json?: boolean;
  sample: SampleSize;
}

/** Registers `infoplus-sync check`: validates a mapping profile and tests both connections it names. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Validate a mapping profile, then test the ERP connection (every push query runs; a sample of records per ' +
        'push touchpoint is mapped and each one Infoplus would refuse is listed; every ' +
        'write-back runs in a transaction that is rolled back) and the Infoplus connection (API key, line of ' +
        'business, warehouse). Prints each problem with the field or statement it concerns; exits 1 on any problem.',
    )
    .requiredOption('--config <file>', 'the mapping profile (YAML or JSON); it names its connections')
    .option('--offline', 'only validate the profile document; connect to nothing')
    .option('--no-write-probe', 'do not run write-back statements (not even in a rolled-back transaction)')
    .option(
      '--sample <n|all>',
      `records mapped per push touchpoint, or "all" (default ${DEFAULT_SAMPLE})`,
      sampleFlag,
      DEFAULT_SAMPLE as SampleSize,
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nSecrets come from the environment variables the profile names (default ERP_PASSWORD and INFOPLUS_API_KEY).\n' +
        'A rollback cannot undo a procedure that commits on its own, MyISAM tables, sequences or identity counters:\n' +
        'point check at a test copy of the ERP when write-backs call such procedures, or use --no-write-probe.\n' +
        'It warns when the ERP login can do more than the sync needs (README, Security).\n' +
        'Example:\n  INFOPLUS_API_KEY=... infoplus-sync check --config profile.yaml\n',
    )
    .action(async (flags: CheckFlags) => {
      const report = await checkProfileFile(flags.config, {
        offline: flags.offline === true,
        writeProbe: flags.writeProbe,
        sample: flags.sample,
      });
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ ok: report.ok, problems: report.problems, notes: report.notes }, null, 2)}\n`,
        );
      } else {
        for (const n of report.notes) process.stdout.write(`  ok    ${n}\n`);
        for (const p of report.problems) process.stdout.write(`${problemLine(p)}\n`);
        const errors = report.problems.filter((p) => p.severity === 'error').length;
        process.stdout.write(
          errors === 0
            ? `Check passed: ${flags.config}\n`
            : `Check failed: ${errors} problem(s) in ${flags.config}\n`,
        );
      }
      if (!report.ok) process.exitCode = 1;
    });
}
