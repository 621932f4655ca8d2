import type { FixBy, InboxItem } from '../contract.js';
import { formatTime } from '../components/common.js';

const FIX_BY: Record<FixBy, string> = {
  'erp-user': 'Someone who edits the record in the ERP',
  admin: 'The admin of this sync (settings or mapping)',
  'infoplus-user': 'Someone who manages Infoplus',
};

/** Everything about one parked record: who must fix it, how, Infoplus's own words and the payload. */
export function InboxDetails({ item }: { item: InboxItem }) {
  return (
    <div className="inbox-details" id={`inbox-details-${item.id}`}>
      <dl className="facts facts-wide">
        <div>
          <dt>Who must fix it</dt>
          <dd>{FIX_BY[item.fixBy]}</dd>
        </div>
        <div>
          <dt>How to fix it</dt>
          <dd>{item.hint || '—'}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>{formatTime(item.firstSeenAt)}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>{formatTime(item.lastSeenAt)}</dd>
        </div>
      </dl>
      <h3>Infoplus said</h3>
      {item.infoplusMessages.length > 0 ? (
        <ul>
          {item.infoplusMessages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No message from Infoplus (the request may not have reached it).</p>
      )}
      <h3>Payload</h3>
      {item.payload === undefined ? (
        <p className="muted">No payload was built for this record.</p>
      ) : (
        <pre className="code" tabIndex={0} aria-label={`Payload of ${item.recordKey}`}>
          {JSON.stringify(item.payload, null, 2)}
        </pre>
      )}
    </div>
  );
}
