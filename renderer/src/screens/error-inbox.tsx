import { useMemo, useState } from 'react';
import type { ErrorCategory, InboxItem, InboxStatus, TouchpointName } from '../contract.js';
import { TOUCHPOINT_LABELS, groupInbox, plural } from '../contract.js';
import type { InboxGroup } from '../contract.js';
import { href } from '../hooks/use-route.js';
import { Badge, ErrorNote, Note, Spinner, relativeTime, ScreenHead } from '../components/common.js';
import { TouchpointSelect } from '../components/touchpoint-select.js';
import { useBridge, useEvent } from '../hooks/bridge-context.js';
import { useAction, useLoad } from '../hooks/use-async.js';
import { InboxDetails } from './inbox-details.js';

/** Plain-words names of the error categories. */
export const CATEGORY_TEXT: Record<ErrorCategory, string> = {
  'erp-data': 'ERP data',
  mapping: 'Mapping',
  'infoplus-validation': 'Infoplus validation',
  connection: 'Connection',
  'rate-limit': 'Rate limit',
  auth: 'Login / API key',
  internal: 'Internal',
  reconciliation: 'Found by reconciliation',
  settling: 'Checking whether Infoplus received it',
  'key-collision': 'Key collision',
};

type StatusFilter = InboxStatus | 'active' | 'all';

/** Records that failed, parked so the rest of the run goes on: filter, inspect, retry, skip. */
export function ErrorInbox() {
  const bridge = useBridge();
  const [category, setCategory] = useState<ErrorCategory | ''>('');
  const [touchpoint, setTouchpoint] = useState<TouchpointName | ''>('');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('active');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  const inbox = useLoad(
    () =>
      bridge.listInbox({
        ...(category ? { category } : {}),
        ...(touchpoint ? { touchpoint } : {}),
        ...(statusFilter !== 'active' && statusFilter !== 'all' ? { status: statusFilter } : {}),
      }),
    [bridge, category, touchpoint, statusFilter],
  );
  useEvent('inbox-changed', () => inbox.reload());

  const items = useMemo<readonly InboxItem[]>(
    () =>
      (inbox.data ?? []).filter(
        (item) => statusFilter !== 'active' || item.status === 'open' || item.status === 'retrying',
      ),
    [inbox.data, statusFilter],
  );
  const groups = useMemo(() => groupInbox(items), [items]);
  const chosen = items.filter((item) => selected.has(item.id)).map((item) => item.id);
  const allChosen = items.length > 0 && chosen.length === items.length;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const act = (kind: 'retry' | 'skip', ids: string[]) =>
    void action.run(async () => {
      setDone(null);
      if (kind === 'retry') {
        const { retried } = await bridge.retryInbox({ ids });
        setDone(`${plural(retried, 'record')} sent for retry.`);
      } else {
        const { skipped } = await bridge.skipInbox({ ids });
        setDone(`${plural(skipped, 'record')} skipped.`);
      }
      setSelected(new Set());
      inbox.reload();
    });

  return (
    <section aria-labelledby="inbox-title">
      <ScreenHead id="inbox-title" title="Error inbox" />
      <div className="filters" role="group" aria-label="Filter errors">
        <div className="field inline">
          <label htmlFor="inbox-category">Category</label>
          <select
            id="inbox-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as ErrorCategory | '')}
          >
            <option value="">All categories</option>
            {(Object.keys(CATEGORY_TEXT) as ErrorCategory[]).map((c) => (
              <option key={c} value={c}>
                {CATEGORY_TEXT[c]}
              </option>
            ))}
          </select>
        </div>
        <TouchpointSelect id="inbox-touchpoint" value={touchpoint} onChange={setTouchpoint} />
        <div className="field inline">
          <label htmlFor="inbox-status">Status</label>
          <select
            id="inbox-status"
            value={statusFilter}
            onChange={(e) => setStatusFilter(e.target.value as StatusFilter)}
          >
            <option value="active">Open and retrying</option>
            <option value="open">Open</option>
            <option value="retrying">Retrying</option>
            <option value="skipped">Skipped</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </div>
        {inbox.loading ? <Spinner label="Loading errors…" /> : null}
      </div>

      <div className="bulk" role="group" aria-label="Bulk actions">
        <label className="check">
          <input
            type="checkbox"
            checked={allChosen}
            onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((i) => i.id)))}
            disabled={items.length === 0}
          />
          Select all
        </label>
        <button
          type="button"
          disabled={chosen.length === 0 || action.busy}
          onClick={() => act('retry', chosen)}
        >
          Retry selected ({chosen.length})
        </button>
        <button
          type="button"
          disabled={chosen.length === 0 || action.busy}
          onClick={() => act('skip', chosen)}
        >
          Skip selected ({chosen.length})
        </button>
        {action.busy ? <Spinner label="Working…" /> : null}
      </div>
      <ErrorNote error={action.error} />
      {done ? <Note kind="ok">{done}</Note> : null}
      <ErrorNote error={inbox.error} />

      {inbox.data && items.length === 0 ? <p className="empty">No errors match these filters.</p> : null}
      {groups.length > 0 ? (
        <ul className="inbox-groups" aria-label="Causes">
          {groups.map((group) => (
            <CauseCard
              key={group.key}
              group={group}
              busy={action.busy}
              onRetry={() =>
                act(
                  'retry',
                  group.items.map((i) => i.id),
                )
              }
              onSkip={() =>
                act(
                  'skip',
                  group.items.map((i) => i.id),
                )
              }
              onSync={(tp) =>
                void action.run(async () => {
                  setDone(null);
                  await bridge.runNow({ touchpoints: [tp] });
                  setDone(`${TOUCHPOINT_LABELS[tp]} sync started; held records follow when it lands.`);
                })
              }
            />
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? (
        <details className="records-fold">
          <summary>Each record ({items.length})</summary>
          <ul className="inbox-list" aria-label="Errors">
            {items.map((item) => (
              <li key={item.id} className="card inbox-item">
                <div className="inbox-row">
                  <input
                    type="checkbox"
                    checked={selected.has(item.id)}
                    onChange={() => toggle(item.id)}
                    aria-label={`Select ${item.recordKey}`}
                  />
                  <div className="inbox-main">
                    <div>
                      <strong>{item.recordKey}</strong> · {TOUCHPOINT_LABELS[item.touchpoint]} ·{' '}
                      <span className="badge">{CATEGORY_TEXT[item.category]}</span>{' '}
                      <Badge value={item.status} />
                    </div>
                    <div>{item.message}</div>
                    <div className="muted small">
                      {item.attempts} attempt{item.attempts === 1 ? '' : 's'} · last{' '}
                      {relativeTime(item.lastSeenAt)}
                      {retryText(item)}
                    </div>
                  </div>
                  <div className="inbox-actions">
                    <button
                      type="button"
                      aria-expanded={open === item.id}
                      aria-controls={`inbox-details-${item.id}`}
                      onClick={() => setOpen(open === item.id ? null : item.id)}
                      aria-label={`Details of ${item.recordKey}`}
                    >
                      Details
                    </button>
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => act('retry', [item.id])}
                      aria-label={`Retry ${item.recordKey}`}
                    >
                      Retry
                    </button>
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => act('skip', [item.id])}
                      aria-label={`Skip ${item.recordKey}`}
                    >
                      Skip
                    </button>
                  </div>
                </div>
                {open === item.id ? <InboxDetails item={item} /> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** When the record is really sent again: the scheduler's run at or after its retry time. */
function retryText(item: InboxItem): string {
  if (item.status !== 'retrying') return '';
  if (item.retryRunAt) return ` · sent again with the run ${relativeTime(item.retryRunAt)}`;
  return ' · sent again on the next Sync now';
}

/** One cause: what happened to how many records, who must act, and one action for all of them. */
function CauseCard({
  group,
  busy,
  onRetry,
  onSkip,
  onSync,
}: {
  group: InboxGroup;
  busy: boolean;
  onRetry: () => void;
  onSkip: () => void;
  onSync: (tp: TouchpointName) => void;
}) {
  const n = group.items.length;
  const titleId = `cause-${group.key.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <li className="card cause" aria-labelledby={titleId}>
      <h2 id={titleId} className="cause-title">
        {group.title}
      </h2>
      <dl className="facts facts-wide">
        <div>
          <dt>Who must fix it</dt>
          <dd>{group.who}</dd>
        </div>
        <div>
          <dt>What to do</dt>
          <dd>{group.hint}</dd>
        </div>
        {group.retryRunAt ? (
          <div>
            <dt>Sent again</dt>
            <dd>with the run {relativeTime(group.retryRunAt)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="cause-actions">
        {group.action?.kind === 'sync' ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => group.action?.kind === 'sync' && onSync(group.action.touchpoint)}
          >
            {group.action.label}
          </button>
        ) : null}
        {group.action?.kind === 'settings' ? (
          <a className="button primary" href={href('settings')}>
            {group.action.label}
          </a>
        ) : null}
        <button type="button" disabled={busy} onClick={onRetry}>
          Retry all {n}
        </button>
        <button type="button" disabled={busy} onClick={onSkip}>
          Skip all {n}
        </button>
      </div>
      <details>
        <summary>Details of {plural(n, 'record')}</summary>
        <ul className="cause-records">
          {group.items.slice(0, 50).map((item) => (
            <li key={item.id}>
              <strong>{item.recordKey}</strong>: {item.message}
            </li>
          ))}
          {n > 50 ? <li className="muted">and {n - 50} more (listed under Each record)</li> : null}
        </ul>
      </details>
    </li>
  );
}
