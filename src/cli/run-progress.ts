/** Progress lines of a long `run` on stderr, so a run that takes minutes is never silent. */
import type { AppEventSource, RunProgress } from '../contract/index.js';

/** Prints at most one line per `everyMs` per touchpoint while runs go on; returns the function that stops it. */
export function printRunProgress(
  events: AppEventSource,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  everyMs = 10_000,
  now: () => number = Date.now,
): () => void {
  const started = new Map<string, number>();
  const last = new Map<string, number>();
  const offStart = events.on('run-started', (run) => {
    started.set(run.touchpoint, now());
    last.set(run.touchpoint, now());
  });
  const offProgress = events.on('run-progress', (p) => {
    const t = now();
    const since = last.get(p.touchpoint) ?? t;
    if (t - since < everyMs) return;
    last.set(p.touchpoint, t);
    write(progressLine(p, t - (started.get(p.touchpoint) ?? t)));
  });
  return () => {
    offStart();
    offProgress();
  };
}

/** "orders: 1,200 of 5,000 records after 40 s (created 1,150, updated 30, failed 2, waiting 18)". */
export function progressLine(p: RunProgress, elapsedMs: number): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  const c = p.counts;
  const of = p.total === null ? '' : ` of ${n(p.total)}`;
  const parts = [`created ${n(c.created)}`, `updated ${n(c.updated)}`];
  if (c.pulled > 0) parts.push(`pulled ${n(c.pulled)}`);
  if (c.failed > 0) parts.push(`failed ${n(c.failed)}`);
  if (c.skipped > 0) parts.push(`waiting ${n(c.skipped)}`);
  return `${p.touchpoint}: ${n(p.done)}${of} records after ${Math.round(elapsedMs / 1000)} s (${parts.join(', ')})`;
}
