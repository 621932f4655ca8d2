import { useState } from 'react';
import type { AppStatus, TouchpointName } from '../contract.js';
import { TOUCHPOINT_LABELS, plural } from '../contract.js';
import { ErrorNote, Note, Spinner, formatTime, relativeTime, ScreenHead } from '../components/common.js';
import { HealthLight } from '../components/health-light.js';
import { RateBadge } from '../components/rate-badge.js';
import { TouchpointCard } from '../components/touchpoint-card.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLiveStatus } from '../hooks/live-status.js';
import { useAction } from '../hooks/use-async.js';
import { href } from '../hooks/use-route.js';

const ALERT_TEXT: Readonly<Record<AppStatus['alerts'][number]['kind'], string>> = {
  'missed-run': 'Missed run',
  'repeated-failure': 'Failing again and again',
  'auth-failed': 'API key refused',
  'connection-lost': 'Connection lost',
  'future-watermark': 'Change date in the future',
};

/** Overall health, alerts, Sync now, and a live card per touchpoint. */
export function Dashboard() {
  const bridge = useBridge();
  const live = useLiveStatus();
  const sync = useAction();
  const pause = useAction();
  const leave = useAction();
  const [syncingOne, setSyncingOne] = useState<TouchpointName | null>(null);
  const status = live.status;
  if (!status) return null;
  const inFlight = Object.values(live.progress);
  const runningAny = status.running || inFlight.length > 0;

  const syncNow = (touchpoints?: TouchpointName[]) =>
    sync.run(async () => {
      setSyncingOne(touchpoints?.[0] ?? null);
      try {
        await bridge.runNow(touchpoints ? { touchpoints } : {});
      } finally {
        setSyncingOne(null);
        live.refresh();
      }
    });

  return (
    <section aria-labelledby="dashboard-title">
      <ScreenHead id="dashboard-title" title="Dashboard">
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void syncNow()}
            disabled={sync.busy}
            aria-describedby="sync-progress"
          >
            Sync now
          </button>
          <button
            type="button"
            onClick={() =>
              void pause.run(async () =>
                live.set(status.paused ? await bridge.resume({}) : await bridge.pause({})),
              )
            }
            disabled={pause.busy}
          >
            {status.paused ? 'Resume schedules' : 'Pause schedules'}
          </button>
        </div>
      </ScreenHead>
      {/* the runs' own progress is pinned at the top of every screen (RunStrip) */}
      <div id="sync-progress" className="progress-line">
        {inFlight.length === 0 && sync.busy && !syncingOne ? (
          <Spinner label="Syncing all touchpoints…" />
        ) : null}
        {inFlight.length === 0 && !sync.busy && runningAny ? <Spinner label="Syncing…" /> : null}
      </div>
      <ErrorNote error={sync.error} title="Sync could not start" />
      <ErrorNote error={pause.error} />
      <ErrorNote error={leave.error} title="Could not leave the demo" />

      <div className="summary card">
        <HealthLight status={status} />
        <span>
          Last result: <strong>{status.lastResult ?? 'nothing has run yet'}</strong>
        </span>
        {status.openErrors > 0 ? (
          <a href={href('inbox')}>{plural(status.openErrors, 'open error')} in the inbox</a>
        ) : status.blocker ? null : (
          <a href={href('inbox')}>No open errors</a>
        )}
        <RateBadge rate={status.rate} />
        {status.demo ? (
          <span className="demo-badge">
            <span className="badge badge-demo">Demo data</span>
            <button
              type="button"
              onClick={() =>
                void leave.run(async () => {
                  await bridge.saveSettings({ setupPending: true });
                  live.refresh();
                })
              }
              disabled={leave.busy}
            >
              Leave demo
            </button>
          </span>
        ) : null}
        {status.paused ? <Note kind="warn">Schedules are paused; Sync now still works.</Note> : null}
      </div>

      {status.alerts.length > 0 ? (
        <section aria-labelledby="alerts-title" className="alerts">
          <h2 id="alerts-title">Alerts</h2>
          <ul>
            {status.alerts.map((alert) => (
              <li key={alert.id} className="note note-error">
                <strong>{ALERT_TEXT[alert.kind]}</strong>
                {alert.touchpoint ? ` (${TOUCHPOINT_LABELS[alert.touchpoint]})` : ''}: {alert.message}{' '}
                <span className="muted" title={formatTime(alert.raisedAt)}>
                  {relativeTime(alert.raisedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="cards">
        {status.touchpoints.map((tp) => (
          <TouchpointCard
            key={tp.name}
            touchpoint={tp}
            progress={live.progress[tp.name]}
            syncing={sync.busy && syncingOne === tp.name}
            disabled={sync.busy}
            blocked={status.blocker !== null}
            onSync={() => void syncNow([tp.name])}
          />
        ))}
      </div>
    </section>
  );
}
