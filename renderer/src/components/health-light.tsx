import type { AppStatus, Tone } from '../contract.js';
import { headerText } from '../contract.js';

const LIGHT: Readonly<Record<Tone, 'ok' | 'warning' | 'error' | 'paused'>> = {
  ok: 'ok',
  warning: 'warning',
  error: 'error',
  running: 'ok',
  paused: 'paused',
  off: 'paused',
};

/** One overall light with the engine's verdict in words (the tray shows the same words). */
export function HealthLight({ status }: { status: AppStatus }) {
  const light = LIGHT[status.verdict.tone];
  return (
    <span className={`health health-${light}`} role="status">
      <span className="health-dot" aria-hidden="true" />
      <span>
        <span className="visually-hidden">Overall health: </span>
        {headerText(status)}
      </span>
    </span>
  );
}
