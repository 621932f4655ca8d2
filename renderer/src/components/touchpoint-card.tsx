import type { RunCounts, RunProgress, TouchpointStatus } from '../contract.js';
import { TOUCHPOINT_LABELS, isPushTouchpoint } from '../contract.js';
import { Badge, Spinner, formatTime, relativeTime } from './common.js';
import { href } from '../hooks/use-route.js';
import { readCron } from '../settings/cron.js';
import { RepullControl } from './repull-control.js';

/** A cron schedule in words ("Every 15 minutes"); other texts as they are. */
function scheduleText(schedule: string | null): string {
  if (!schedule) return 'by hand only';
  const reading = readCron(schedule);
  return reading.ok ? reading.text : schedule;
}

function CountList({ counts, push }: { counts: RunCounts; push: boolean }) {
  const rows: [string, number][] = push
    ? [
        ['Created', counts.created],
        ['Updated', counts.updated],
        ['Unchanged', counts.unchanged],
        ['Skipped', counts.skipped],
        ['Failed', counts.failed],
      ]
    : [
        ['Pulled', counts.pulled],
        ['Updated', counts.updated],
        ['Skipped', counts.skipped],
        ['Failed', counts.failed],
      ];
  return (
    <dl className="counts">
      {rows.map(([label, value]) => (
        <div key={label} className={label === 'Failed' && value > 0 ? 'count count-bad' : 'count'}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One touchpoint: state, last/next run, live counts, recent runs, its own Sync button. */
export function TouchpointCard({
  touchpoint: tp,
  progress,
  syncing,
  disabled,
  onSync,
}: {
  touchpoint: TouchpointStatus;
  progress: RunProgress | undefined;
  syncing: boolean;
  disabled: boolean;
  onSync: () => void;
}) {
  const label = TOUCHPOINT_LABELS[tp.name];
  const titleId = `tp-${tp.name}-title`;
  const counts = progress?.counts ?? tp.lastRun?.counts;
  const push = isPushTouchpoint(tp.name);
  return (
    <section className={`card tp-card tp-${tp.state}`} aria-labelledby={titleId}>
      <div className="tp-head">
        <h2 id={titleId}>{label}</h2>
        <Badge value={progress ? 'running' : tp.state} />
      </div>
      <dl className="facts">
        <div>
          <dt>Last run</dt>
          <dd title={formatTime(tp.lastRun?.startedAt)}>
            {tp.lastRun ? (
              <>
                {relativeTime(tp.lastRun.finishedAt ?? tp.lastRun.startedAt)} ·{' '}
                <Badge value={tp.lastRun.status} />
              </>
            ) : (
              'never'
            )}
          </dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd title={formatTime(tp.nextRunAt)}>
            {tp.nextRunAt ? relativeTime(tp.nextRunAt) : tp.enabled ? 'not scheduled' : 'disabled'}
          </dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd title={tp.schedule ?? undefined}>{scheduleText(tp.schedule)}</dd>
        </div>
      </dl>
      {progress ? (
        <div className="progress" role="status" aria-live="polite">
          <progress
            max={progress.total ?? undefined}
            value={progress.total ? progress.done : undefined}
            aria-label={`${label} progress`}
          />
          <span>
            {progress.done}
            {progress.total !== null ? ` of ${progress.total}` : ''} records
          </span>
        </div>
      ) : null}
      {counts ? <CountList counts={counts} push={push} /> : <p className="muted">No runs yet.</p>}
      {tp.lastRun?.error ? <p className="note note-error">{tp.lastRun.error}</p> : null}
      {tp.recentRuns.length > 0 ? (
        <ol className="recent" aria-label={`Recent runs of ${label}`}>
          {tp.recentRuns.slice(0, 8).map((run) => (
            <li key={run.id}>
              <a
                href={href('runs', run.id)}
                className={`run-chip run-${run.status}`}
                aria-label={`${run.status} run at ${formatTime(run.startedAt)}`}
                title={`${run.status}, ${formatTime(run.startedAt)}`}
              >
                {run.status === 'succeeded'
                  ? '✓'
                  : run.status === 'running'
                    ? '…'
                    : run.status === 'partial'
                      ? '!'
                      : '✕'}
              </a>
            </li>
          ))}
        </ol>
      ) : null}
      {!push ? <RepullControl touchpoint={tp} /> : null}
      <div className="tp-foot">
        {tp.openErrors > 0 ? (
          <a href={href('inbox')}>
            {tp.openErrors} open error{tp.openErrors === 1 ? '' : 's'}
          </a>
        ) : (
          <span>No open errors</span>
        )}
        <button
          type="button"
          onClick={onSync}
          disabled={disabled || !!progress}
          aria-label={`Sync ${label} now`}
        >
          {syncing ? <Spinner label="Syncing…" /> : 'Sync'}
        </button>
      </div>
    </section>
  );
}
