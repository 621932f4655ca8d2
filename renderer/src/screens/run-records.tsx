import { useState } from 'react';
import type { RecordAction } from '../contract.js';
import { TOUCHPOINT_LABELS } from '../contract.js';
import { ErrorNote, Spinner, formatTime, TableHead } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLoad } from '../hooks/use-async.js';
import { href } from '../hooks/use-route.js';

const ACTIONS: readonly RecordAction[] = [
  'created',
  'updated',
  'unchanged',
  'skipped',
  'failed',
  'written',
  'reconciled',
];

/** Drill-down: what one run did to each record. */
export function RunRecords({ runId }: { runId: string }) {
  const bridge = useBridge();
  const [action, setAction] = useState<RecordAction | ''>('');
  const [search, setSearch] = useState('');
  const records = useLoad(() => bridge.getRunRecords({ runId, limit: 10000 }), [bridge, runId]);
  const shown = (records.data ?? []).filter(
    (r) =>
      (!action || r.action === action) &&
      (!search ||
        `${r.recordKey} ${r.infoplusId ?? ''} ${r.message ?? ''}`
          .toLowerCase()
          .includes(search.toLowerCase())),
  );
  const first = records.data?.[0];
  return (
    <section aria-labelledby="records-title">
      <p>
        <a href={href('runs')}>← Back to run history</a>
      </p>
      <h1 id="records-title" tabIndex={-1}>
        Records of run {first ? `(${TOUCHPOINT_LABELS[first.touchpoint]})` : ''}
      </h1>
      <p className="muted small">Run id {runId}</p>
      <div className="filters" role="group" aria-label="Filter records">
        <div className="field inline">
          <label htmlFor="records-action">Action</label>
          <select
            id="records-action"
            value={action}
            onChange={(e) => setAction(e.target.value as RecordAction | '')}
          >
            <option value="">All actions</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="records-search">Search records</label>
          <input
            id="records-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {records.loading ? <Spinner label="Loading records…" /> : null}
      </div>
      <ErrorNote error={records.error} />
      {records.data ? (
        <p>
          {shown.length} of {records.data.length} records
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table>
            <TableHead columns={['Record', 'Action', 'Infoplus id', 'Message', 'At']} />
            <tbody>
              {shown.slice(0, 2000).map((r, i) => (
                <tr key={`${r.recordKey}-${i}`}>
                  <td>{r.recordKey}</td>
                  <td>
                    <span className={`badge badge-${r.action}`}>{r.action}</span>
                  </td>
                  <td>{r.infoplusId ?? '—'}</td>
                  <td>{r.message ?? ''}</td>
                  <td>{formatTime(r.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
