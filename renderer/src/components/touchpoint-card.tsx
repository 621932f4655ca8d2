import type { RunCounts, RunSummary, TouchpointStatus } from '../contract.js';
import type { LiveProgress } from '../hooks/live-status.js';
import { TOUCHPOINT_LABELS, isPushTouchpoint, plural, progressCount, runOutcome } from '../contract.js';
import { Badge, Spinner, formatTime, relativeTime } from './common.js';
import { href } from '../hooks/use-route.js';
import { readCron } from '../settings/cron.js';
import { RepullControl } from './repull-control.js';

/** A cron schedule in words ("Every 15 minutes"); other texts as they are. */
function scheduleText(schedule: string | null): string {
  if (!schedule) return 'by hand only';
  const reading = readCron(schedule);
  const text = reading.ok ? reading.text : schedule;
  // One capitalisation for every schedule, whichever way it was written.
  return text.charAt(0).toUpperCase() + text.slice(1);
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

const CHIP: Readonly<Record<RunSummary['status'], string>> = {
  succeeded: '✓',
  running: '…',
  partial: '!',
  failed: '✕',
  cancelled: '✕',
};

/** A finished run's outcome in the shared words ("Failed" when every record failed). */
function RunBadge({ run }: { run: RunSummary }) {
  const outcome = runOutcome(run);
  return <span className={`badge badge-${outcome.status}`}>{outcome.text}</span>;
}

/** One touchpoint: state, last/next run, live counts, recent runs, its own Sync button. */
export function TouchpointCard({
  touchpoint: tp,
  progress,
  syncing,
  disabled,
  blocked,
  onSync,
}: {
  touchpoint: TouchpointStatus;
  progress: LiveProgress | undefined;
  syncing: boolean;
  disabled: boolean;
  /** A blocker (unreachable ERP, refused key) is this card's failure too; the banner says what to do. */
  blocked: boolean;
  onSync: () => void;
}) {
  const label = TOUCHPOINT_LABELS[tp.name];
  const titleId = `tp-${tp.name}-title`;
  const counts = progress?.counts ?? tp.lastRun?.counts;
  const push = isPushTouchpoint(tp.name);
  return (
    <section className={`card tp-card tp-${tp.verdict.tone}`} aria-labelledby={titleId}>
      <div className="tp-head">
        <h2 id={titleId}>{label}</h2>
        {progress ? <Badge value="running" /> : null}
      </div>
      <p className={`verdict verdict-${tp.verdict.tone}`}>{progress ? 'Syncing' : tp.verdict.text}</p>
      <dl className="facts">
        <div>
          <dt>Last run</dt>
          <dd title={formatTime(tp.lastRun?.startedAt)}>
            {tp.lastRun ? (
              <>
                {relativeTime(tp.lastRun.finishedAt ?? tp.lastRun.startedAt)} · <RunBadge run={tp.lastRun} />
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
            max={progress.total && progress.total >= progress.done ? progress.total : undefined}
            value={progress.total && progress.total >= progress.done ? progress.done : undefined}
            aria-label={`${label} progress`}
          />
          <span className="progress-text">
            {progressCount(tp.name, progress.done, progress.total, progress.pace)}
          </span>
        </div>
      ) : null}
      {counts ? <CountList counts={counts} push={push} /> : <p className="muted">No runs yet.</p>}
      {tp.lastRun?.error && tp.verdict.tone === 'error' && !blocked ? (
        <p className="note note-error">{tp.lastRun.error}</p>
      ) : null}
      {tp.recentRuns.length > 0 ? (
        <ol className="recent" aria-label={`Recent runs of ${label}`}>
          {tp.recentRuns.slice(0, 8).map((run) => (
            <li key={run.id}>
              <a
                href={href('runs', run.id)}
                className={`run-chip run-${runOutcome(run).status}`}
                aria-label={`${runOutcome(run).text} run at ${formatTime(run.startedAt)}`}
                title={`${runOutcome(run).text}, ${formatTime(run.startedAt)}`}
              >
                {CHIP[runOutcome(run).status]}
              </a>
            </li>
          ))}
        </ol>
      ) : null}
      {!push ? <RepullControl touchpoint={tp} /> : null}
      <div className="tp-foot">
        {tp.openErrors > 0 ? (
          <a href={href('inbox')}>{plural(tp.openErrors, 'open error')}</a>
        ) : blocked ? (
          <span />
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
