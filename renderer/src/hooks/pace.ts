/** The recent pace of a run in flight, from its progress events. */
import type { ProgressPace } from '../contract.js';

/** The pace is measured over about this much of the latest progress, so a slow start-up fades out. */
const PACE_WINDOW_MS = 20_000;

export interface Sample {
  readonly at: number;
  readonly done: number;
}

/** Adds a sample and gives the pace from the oldest one kept in the window to this one. */
export function paceOf(samples: Sample[], now: Sample): ProgressPace | null {
  samples.push(now);
  while (samples.length > 2 && now.at - samples[1]!.at >= PACE_WINDOW_MS) samples.shift();
  const first = samples[0]!;
  const ms = now.at - first.at;
  return ms > 0 ? { records: now.done - first.done, ms } : null;
}
