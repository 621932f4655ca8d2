/**
 * `infoplus-sync errors`: the error inbox from the command line (headless installs have no UI): list what waits,
 * queue records for the next run, or set them aside. Works on the data folder alone; connects to nothing.
 */
import type { Command } from 'commander';
import type { InboxItem } from '../contract/dto.js';
import type { TouchpointName } from '../contract/touchpoints.js';
import { createApp } from '../app/index.js';
import {
  checkConfigOrDemo,
  collectTouchpoint,
  dataDirOf,
  out,
  table,
  type CommonCliOptions,
} from '../app/cli-support.js';
import { createLogging } from '../logging/index.js';
import type { InboxRepo } from '../store/inbox-repo.js';

interface ErrorsOptions extends CommonCliOptions {
  touchpoint?: TouchpointName[];
  all?: boolean;
}

type App = Awaited<ReturnType<typeof createApp>>;

/** Records being checked with Infoplus must wait for that check: a retry or a skip could re-send them. */
const NOT_BY_HAND = new Set<string>(['settling']);

/** A record key as printed: quoted when blanks at either end or emptiness would hide what it is. */
function showKey(key: string): string {
  return key === '' || key.trim() !== key || /[\s"]/.test(key) ? JSON.stringify(key) : key;
}

function oneLine(text: string, max = 100): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Opens the data folder read-mostly (no ERP, no Infoplus, no simulator) and runs `work`. */
async function withInbox(opts: ErrorsOptions, work: (app: App) => Promise<void>): Promise<void> {
  checkConfigOrDemo(opts);
  const app = await createApp({
    dataDir: dataDirOf(opts),
    ...(opts.config ? { configFile: opts.config } : {}),
    demo: opts.demo,
    probe: true,
    logging: createLogging({ dir: null }),
  });
  try {
    await work(app);
  } finally {
    await app.stop();
  }
}

function touchpointsOf(opts: ErrorsOptions): readonly TouchpointName[] | undefined {
  return opts.touchpoint && opts.touchpoint.length > 0 ? opts.touchpoint : undefined;
}

/** Unresolved items of the chosen touchpoints. */
function listItems(inbox: InboxRepo, tps: readonly TouchpointName[] | undefined): InboxItem[] {
  const all = inbox.list({ limit: 100_000 });
  return all.filter((i) => !tps || tps.includes(i.touchpoint));
}

/** The items the keys name, or the problems that keep a key from naming exactly one. */
function resolveKeys(
  inbox: InboxRepo,
  keys: readonly string[],
  tps: readonly TouchpointName[] | undefined,
): { items: InboxItem[]; problems: string[] } {
  const found = inbox.byRecordKeys([...new Set(keys)]).filter((i) => !tps || tps.includes(i.touchpoint));
  const items: InboxItem[] = [];
  const problems: string[] = [];
  for (const key of new Set(keys)) {
    const matches = found.filter((i) => i.recordKey === key);
    if (matches.length === 0) {
      problems.push(
        `${showKey(key)}: not in the error inbox${tps ? ` of ${tps.join(', ')}` : ''} (see: infoplus-sync errors list)`,
      );
    } else if (matches.length > 1) {
      problems.push(
        `${showKey(key)}: waits in several touchpoints (${matches.map((m) => m.touchpoint).join(', ')}); name one with --touchpoint`,
      );
    } else items.push(matches[0]!);
  }
  return { items, problems };
}

function report(done: number, what: string, problems: readonly string[], json: boolean | undefined): void {
  if (json) out(JSON.stringify({ ok: problems.length === 0, [what]: done, problems }, null, 2));
  else {
    for (const p of problems) process.stderr.write(`infoplus-sync errors: ${p}\n`);
  }
  process.exitCode = problems.length === 0 ? 0 : 1;
}

function commonOptions(cmd: Command): Command {
  return cmd
    .option('-t, --touchpoint <name>', 'only records of this touchpoint; repeat for more', collectTouchpoint)
    .option('--config <file>', 'the mapping profile in use (default: the one in settings)')
    .option('--demo', 'the demo set-up in the data folder (as used by run --demo)')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'data folder (default $INFOPLUS_SYNC_DATA_DIR or the OS app-data folder)');
}

/** Registers `infoplus-sync errors list | retry | skip`. */
export function registerErrorsCommand(program: Command): void {
  const errors = program
    .command('errors')
    .description('The error inbox: records that wait (parked, retrying, being checked, set aside).');

  commonOptions(
    errors
      .command('list')
      .description(
        'List the records that wait in the error inbox: touchpoint, record key, status, category, and why.',
      ),
  )
    .addHelpText(
      'after',
      '\nStatus: open (someone must act), retrying (retried by itself), skipped (set aside with `errors skip`).\n' +
        'Category says who acts: erp-data, mapping, infoplus-validation, key-collision, settling (being checked\n' +
        'with Infoplus; wait), connection, rate-limit, auth, internal, reconciliation.\n' +
        'Exit codes: 0 listed (even when empty), 2 bad arguments.',
    )
    .action((opts: ErrorsOptions) =>
      withInbox(opts, async (app) => {
        const items = listItems(app.inbox, touchpointsOf(opts));
        if (opts.json) {
          const list = items.map(({ payload: _payload, ...rest }) => rest);
          out(JSON.stringify({ count: items.length, items: list }, null, 2));
          return;
        }
        if (items.length === 0) {
          out('The error inbox is empty.');
          return;
        }
        out(
          table(
            ['Touchpoint', 'Key', 'Status', 'Category', 'Attempts', 'Last seen', 'Why'],
            items.map((i) => [
              i.touchpoint,
              showKey(i.recordKey),
              i.status,
              i.category,
              i.attempts,
              i.lastSeenAt,
              oneLine(i.message),
            ]),
          ),
        );
        out(
          `${items.length} record(s). Retry: infoplus-sync errors retry KEY... | --all; set aside: errors skip KEY...`,
        );
      }),
    );

  commonOptions(
    errors
      .command('retry')
      .argument(
        '[keys...]',
        'record keys as `errors list` shows them (ERP key for pushes, Infoplus id for pulls)',
      )
      .description(
        'Queue records of the error inbox to be sent again on the next run (or every one with --all).',
      )
      .option('--all', 'every record waiting in the inbox (of the --touchpoint ones, if given)'),
  )
    .addHelpText(
      'after',
      '\nRecords being checked with Infoplus (category settling) cannot be queued: they are looked up first, so\n' +
        'nothing is created twice. Queued records are sent by the next `infoplus-sync run` (or the schedule).\n' +
        'Exit codes: 0 every key was queued, 1 a key is not in the inbox (or ambiguous, or settling), 2 bad arguments.',
    )
    .action((keys: string[], opts: ErrorsOptions) =>
      withInbox(opts, async (app) => {
        if ((opts.all === true) === keys.length > 0) {
          throw new Error('Name the record keys to retry, or use --all (not both).');
        }
        const tps = touchpointsOf(opts);
        const picked = opts.all
          ? { items: listItems(app.inbox, tps), problems: [] as string[] }
          : resolveKeys(app.inbox, keys, tps);
        const problems = [...picked.problems];
        const ids: string[] = [];
        for (const i of picked.items) {
          if (NOT_BY_HAND.has(i.category)) {
            if (!opts.all)
              problems.push(`${showKey(i.recordKey)}: being checked with Infoplus; it is retried by itself`);
          } else ids.push(i.id);
        }
        const retried = app.inbox.retry(ids);
        if (!opts.json)
          out(`${retried} record(s) queued; the next run (infoplus-sync run, or the schedule) sends them.`);
        report(retried, 'retried', problems, opts.json);
      }),
    );

  commonOptions(
    errors
      .command('skip')
      .argument('<keys...>', 'record keys as `errors list` shows them')
      .description(
        'Set records aside: they are not sent again until their ERP data changes (`errors retry KEY` undoes it).',
      ),
  )
    .addHelpText(
      'after',
      '\nA skipped record still counts as missing for `reconcile`, but no longer fails `run`.\n' +
        'Exit codes: 0 every key was set aside, 1 a key is not in the inbox (or ambiguous, or settling), 2 bad arguments.',
    )
    .action((keys: string[], opts: ErrorsOptions) =>
      withInbox(opts, async (app) => {
        const picked = resolveKeys(app.inbox, keys, touchpointsOf(opts));
        const problems = [...picked.problems];
        const ids: string[] = [];
        for (const i of picked.items) {
          if (NOT_BY_HAND.has(i.category))
            problems.push(`${showKey(i.recordKey)}: being checked with Infoplus; wait for that check`);
          else if (i.status === 'skipped') problems.push(`${showKey(i.recordKey)}: already set aside`);
          else ids.push(i.id);
        }
        const skipped = app.inbox.skip(ids);
        if (!opts.json) out(`${skipped} record(s) set aside.`);
        report(skipped, 'skipped', problems, opts.json);
      }),
    );
}
