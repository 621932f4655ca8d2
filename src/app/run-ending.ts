/**
 * How a `run` ends, told truthfully: which records of the touchpoints it ran still wait (parked in the error
 * inbox, being checked with Infoplus, set aside), how many and why, one line each; ok only when nothing waits.
 */
import type { ErrorCategory, InboxStatus, RunSummary } from '../contract/dto.js';
import type { TouchpointName } from '../contract/touchpoints.js';
import type { InboxGroup } from '../store/inbox-repo.js';

/** Records of one touchpoint that wait for one reason. */
export interface WaitingRecords {
  readonly touchpoint: TouchpointName;
  readonly status: Exclude<InboxStatus, 'resolved'>;
  readonly category: ErrorCategory;
  readonly count: number;
  /** True when they keep the run from ending as ok (everything but records a person set aside with Skip). */
  readonly blocking: boolean;
  /** One line: how many, why, what happens next, and an example. */
  readonly line: string;
  readonly hint: string;
}

/** The ending of a run command. */
export interface RunEnding {
  readonly ok: boolean;
  readonly waiting: readonly WaitingRecords[];
  /** Touchpoints asked for that did not run, with the reason. */
  readonly notRun: readonly { readonly touchpoint: TouchpointName; readonly reason: string }[];
  /** Every line to print, in order (runs that failed, records waiting, touchpoints not run). */
  readonly lines: readonly string[];
}

// Categories are open-ended (the push side adds some); unknown ones read as "parked".
const WHY: Readonly<Record<string, string>> = {
  settling:
    'being checked: Infoplus has not confirmed whether it received them; they are looked up again before anything is re-sent',
  'key-collision':
    'parked: key problem (empty or invalid, or several ERP records become one Infoplus key); fix the keys in the ERP',
  mapping:
    'parked: the mapping profile cannot build them; fix it in Mappings (they are retried when the profile changes)',
  'erp-data': 'parked: ERP data problem; correct them in the ERP (they are sent once they change)',
  'infoplus-validation': 'parked: refused by Infoplus; correct the ERP record or the mapping',
  connection: 'waiting for an automatic retry: Infoplus or the ERP could not be reached',
  'rate-limit': 'waiting for an automatic retry: Infoplus asked to slow down',
  auth: 'parked: Infoplus refused the API key',
  internal: 'parked: unexpected error; press Retry, export the logs if it persists',
  reconciliation: 'queued by reconcile --repair and not sent yet',
};

const MAX_EXAMPLE = 160;

function example(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_EXAMPLE ? `${one.slice(0, MAX_EXAMPLE - 1)}…` : one;
}

function describe(g: InboxGroup): WaitingRecords {
  const blocking = g.status !== 'skipped';
  const why =
    g.status === 'skipped'
      ? 'set aside with Skip: not sent until their ERP data changes (infoplus-sync errors retry KEY to send them)'
      : (WHY[g.category] ?? `parked (${g.category})`);
  return {
    touchpoint: g.touchpoint,
    status: g.status,
    category: g.category,
    count: g.count,
    blocking,
    hint: g.hint,
    line: `${g.touchpoint}: ${g.count} record(s) ${why}. E.g. ${example(g.example)}`,
  };
}

/**
 * Judges a run command's outcome: ok when every run succeeded without a failed record, every requested
 * touchpoint ran, and no record of a touchpoint that ran waits (parked, retrying, settling).
 */
export function runEnding(
  runs: readonly RunSummary[],
  groups: readonly InboxGroup[],
  notRun: readonly { readonly touchpoint: TouchpointName; readonly reason: string }[] = [],
): RunEnding {
  const ran = new Set(runs.map((r) => r.touchpoint));
  const waiting = groups.filter((g) => ran.has(g.touchpoint)).map(describe);
  const lines: string[] = [];
  for (const r of runs) if (r.error) lines.push(`${r.touchpoint}: run ${r.status}: ${r.error}`);
  for (const w of waiting) lines.push(w.line);
  for (const n of notRun) lines.push(`${n.touchpoint}: not run: ${n.reason}`);
  const runsOk = runs.every((r) => r.status === 'succeeded' && r.counts.failed === 0);
  const ok = runsOk && notRun.length === 0 && !waiting.some((w) => w.blocking);
  return { ok, waiting, notRun, lines };
}
