/** The words for the request rate to Infoplus, shared by the dashboard and the `status` command. */
import type { InfoplusRateStatus } from './dto.js';

/** E.g. `11.8 req/s (found by itself, at most 100; Infoplus refused above 12.1)`. */
export function describeRate(rate: InfoplusRateStatus): string {
  const perSecond = `${trim(rate.requestsPerSecond)} req/s`;
  if (rate.mode === 'fixed') return `${perSecond} (fixed)`;
  const parts = [rate.live ? 'found by itself' : 'learned by the last run', `at most ${trim(rate.ceiling)}`];
  if (rate.knownLimit !== null) parts.push(`Infoplus refused above ${trim(rate.knownLimit)}`);
  if (rate.live && rate.latencyMs !== null) parts.push(`${rate.inFlight} in flight at ${rate.latencyMs} ms`);
  return `${perSecond} (${parts.join('; ')})`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}
