import type { AppStatus } from '../contract.js';

const TEXT = { ok: 'Healthy', warning: 'Needs attention', error: 'Failing' } as const;

/** One overall light, always with words so colour is never the only signal. */
export function HealthLight({ status }: { status: AppStatus }) {
  const text = status.paused ? 'Paused' : status.running ? 'Syncing' : TEXT[status.health];
  return (
    <span className={`health health-${status.health}${status.paused ? ' health-paused' : ''}`} role="status">
      <span className="health-dot" aria-hidden="true" />
      <span>
        <span className="visually-hidden">Overall health: </span>
        {text}
      </span>
    </span>
  );
}
