import { useState } from 'react';
import type { TouchpointStatus } from '../contract.js';
import { TOUCHPOINT_LABELS, cursorWords } from '../contract.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLiveStatus } from '../hooks/live-status.js';
import { useAction } from '../hooks/use-async.js';
import { ErrorNote, Note, Spinner } from './common.js';

/**
 * A pull touchpoint's cursor and a guarded "re-pull since…": pick a past moment, then confirm, because the
 * next run reads everything changed in Infoplus since then again (write-back is idempotent, so nothing doubles).
 */
export function RepullControl({ touchpoint: tp }: { touchpoint: TouchpointStatus }) {
  const bridge = useBridge();
  const live = useLiveStatus();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [since, setSince] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const label = TOUCHPOINT_LABELS[tp.name];
  const id = `repull-${tp.name}`;
  const sinceDate = since ? new Date(since) : null;
  // Checked when typed (not while rendering): the moment must lie in the past.
  const [valid, setValid] = useState(false);

  return (
    <div className="repull">
      <div className="small muted" title={tp.cursor ?? undefined}>
        {tp.cursorAt
          ? `Pulled ${cursorWords(tp.cursorAt)}`
          : tp.cursor
            ? 'Pulled: from the beginning'
            : 'Nothing pulled yet'}
      </div>
      {!open ? (
        <button
          type="button"
          className="link-button"
          onClick={() => setOpen(true)}
          aria-label={`Re-pull ${label} since…`}
        >
          Re-pull since…
        </button>
      ) : (
        <div className="repull-form">
          <label htmlFor={id}>Re-pull {label} changed since</label>
          <input
            id={id}
            type="datetime-local"
            value={since}
            onChange={(e) => {
              const at = new Date(e.target.value);
              setSince(e.target.value);
              setValid(!Number.isNaN(at.getTime()) && at.getTime() < Date.now());
              setConfirming(false);
            }}
          />
          {since && !valid ? <div className="field-error">Choose a moment in the past.</div> : null}
          {!confirming ? (
            <button type="button" disabled={!valid} onClick={() => setConfirming(true)}>
              Re-pull…
            </button>
          ) : (
            <>
              <Note kind="warn">
                The next {label} run reads every record changed since {sinceDate?.toLocaleString()} again and
                writes it back into the ERP (already written records are not doubled).
              </Note>
              <button
                type="button"
                className="primary"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    live.set(
                      await bridge.resetCursor({
                        touchpoint: tp.name,
                        since: (sinceDate as Date).toISOString(),
                      }),
                    );
                    setDone(`Cursor moved back to ${sinceDate?.toLocaleString()}.`);
                    setOpen(false);
                    setConfirming(false);
                  })
                }
              >
                Confirm re-pull
              </button>
            </>
          )}
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          {action.busy ? <Spinner label="Moving the cursor…" /> : null}
        </div>
      )}
      <ErrorNote error={action.error} title="Cursor not moved" />
      {done ? <Note kind="ok">{done}</Note> : null}
    </div>
  );
}
