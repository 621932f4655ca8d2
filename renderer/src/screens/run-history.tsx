import { useState } from 'react';
import type { RunStatus, TouchpointName } from '../contract.js';
import { TOUCHPOINT_LABELS, countsText, runOutcome } from '../contract.js';
import { ErrorNote, Spinner, formatTime, ScreenHead, TableHead } from '../components/common.js';
import { TouchpointSelect } from '../components/touchpoint-select.js';
import { useBridge, useEvent } from '../hooks/bridge-context.js';
import { useLoad } from '../hooks/use-async.js';
import { href } from '../hooks/use-route.js';
import { RunRecords } from './run-records.js';

const STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'partial', 'failed', 'cancelled'];
const PAGE = 50;

function duration(start: string, end: string | null): string {
  if (!end) return '—';
  const ms = new Date(end).getTime() - new Date(start).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Every run, filterable by touchpoint and status; a run opens its records. */
export function RunHistory({ runId }: { runId: string | null }) {
  const bridge = useBridge();
  const [touchpoint, setTouchpoint] = useState<TouchpointName | ''>('');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const runs = useLoad(
    () =>
      bridge.listRuns({
        ...(touchpoint ? { touchpoint } : {}),
        ...(status ? { status } : {}),
        limit,
      }),
    [bridge, touchpoint, status, limit],
  );
  useEvent('run-finished', () => runs.reload());
  useEvent('run-started', () => runs.reload());

  if (runId) return <RunRecords runId={runId} />;

  return (
    <section aria-labelledby="runs-title">
      <ScreenHead id="runs-title" title="Run history" />
      <div className="filters" role="group" aria-label="Filter runs">
        <TouchpointSelect id="runs-touchpoint" value={touchpoint} onChange={setTouchpoint} />
        <div className="field inline">
          <label htmlFor="runs-status">Status</label>
          <select
            id="runs-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as RunStatus | '')}
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {runs.loading ? <Spinner label="Loading runs…" /> : null}
      </div>
      <ErrorNote error={runs.error} />
      {runs.data && runs.data.length === 0 ? <p>No runs match these filters.</p> : null}
      {runs.data && runs.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Runs, newest first</caption>
            <TableHead
              columns={[
                'Started',
                'Touchpoint',
                'Status',
                'Trigger',
                'Records sent or pulled',
                'Duration',
                'Records',
              ]}
            />
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <td>{formatTime(run.startedAt)}</td>
                  <td>{TOUCHPOINT_LABELS[run.touchpoint]}</td>
                  <td>
                    <span className={`badge badge-${runOutcome(run).status}`}>{runOutcome(run).text}</span>
                    {run.dryRun ? <span className="badge">dry run</span> : null}
                    {run.error ? <div className="muted small">{run.error}</div> : null}
                  </td>
                  <td>{run.trigger}</td>
                  <td>{countsText(run.counts)}</td>
                  <td>{duration(run.startedAt, run.finishedAt)}</td>
                  <td>
                    <a
                      href={href('runs', run.id)}
                      aria-label={`Records of ${TOUCHPOINT_LABELS[run.touchpoint]} run at ${formatTime(run.startedAt)}`}
                    >
                      Records
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {runs.data && runs.data.length >= limit ? (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show more runs
        </button>
      ) : null}
    </section>
  );
}
