import type { Command } from 'commander';
import { defaultDataDir } from '../app/data-dir.js';
import { saveProbeReport } from '../app/probe-store.js';
import { formatProbeReport, probeInfoplus } from '../infoplus/probe.js';
import { loadProfile } from '../profile/parse.js';
import { ProfileError } from '../profile/problems.js';
import { infoplusOptionsFromProfile } from '../profile/connections.js';

interface ProbeFlags {
  config: string;
  json?: boolean;
  dataDir?: string;
}

/** Registers `infoplus-sync probe-infoplus`: the read-only probe of the tenant a profile names. */
export function registerProbeCommand(program: Command): void {
  program
    .command('probe-infoplus')
    .description(
      'Find out, without writing anything, how your Infoplus tenant answers where its documentation is silent: ' +
        'filter operator spellings and date forms, modifyDate precision, limit=251, the status and body of a wrong ' +
        'key / bad filter / missing record, whether orderLine and cartonContent answer. Saves the findings in the ' +
        'data folder (the sync adapts to them) and a text report you can send to Infoplus support.',
    )
    .requiredOption(
      '--config <file>',
      'the mapping profile (YAML or JSON) that names the Infoplus connection',
    )
    .option('--json', 'print the findings as JSON')
    .option('--data-dir <dir>', 'where to save the findings (default: the app data folder)')
    .addHelpText(
      'after',
      '\nOnly searches and gets are sent, plus one request with a deliberately wrong API key.\n' +
        'Example:\n  INFOPLUS_API_KEY=... infoplus-sync probe-infoplus --config profile.yaml\n',
    )
    .action(async (flags: ProbeFlags) => {
      let made;
      try {
        made = infoplusOptionsFromProfile(await loadProfile(flags.config), process.env);
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        throw new Error(
          `${flags.config}: ${e.problems.map((p) => `${p.path || '(profile)'}: ${p.message}`).join('; ')}`,
        );
      }
      if ('problem' in made) throw new Error(`${made.problem.path}: ${made.problem.message}`);
      const report = await probeInfoplus(made.options);
      const saved = await saveProbeReport(flags.dataDir ?? defaultDataDir(), report);
      if (flags.json) process.stdout.write(`${JSON.stringify({ ...report, saved }, null, 2)}\n`);
      else process.stdout.write(`${formatProbeReport(report)}Saved: ${saved.text}\n       ${saved.json}\n`);
    });
}
