import { useState } from 'react';
import type { InfoplusCheckResult, NamedId } from '../contract.js';
import { ErrorNote, Note, Spinner } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useAction } from '../hooks/use-async.js';
import type { InfoplusDraft } from './drafts.js';
import { infoplusUpdateOf } from './drafts.js';

function IdList({ title, field, entries }: { title: string; field: string; entries: readonly NamedId[] }) {
  return (
    <div>
      <h4>
        {title} <code>{field}</code>
      </h4>
      {entries.length === 0 ? (
        <p>None found for this line of business.</p>
      ) : (
        <ul className="id-list">
          {entries.map((e) => (
            <li key={e.id}>
              <code>{e.id}</code> {e.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * "Check Infoplus": a read-only probe of the tenant (what it does where its documentation is silent; the sync
 * adapts to it and the report can go to support) plus the tenant's ids an item mapping must use.
 */
export function InfoplusCheck({ draft }: { draft: InfoplusDraft }) {
  const bridge = useBridge();
  const check = useAction();
  const [result, setResult] = useState<InfoplusCheckResult | null>(null);
  const run = () =>
    void check.run(async () => {
      setResult(null);
      setResult(
        await bridge.checkInfoplus({
          infoplus: infoplusUpdateOf(draft),
          ...(draft.apiKey ? { apiKey: draft.apiKey } : {}),
        }),
      );
    });
  return (
    <section className="infoplus-check" aria-label="Check Infoplus">
      <div className="actions">
        <button type="button" onClick={run} disabled={check.busy}>
          Check Infoplus
        </button>
        {check.busy ? <Spinner label="Probing Infoplus (read only)…" /> : null}
      </div>
      <ErrorNote error={check.error} title="Check Infoplus failed" />
      {result && !result.ok ? <ErrorNote error={result.message} title="Check Infoplus failed" /> : null}
      {result?.ok ? (
        <>
          <Note kind="ok">
            {result.message}. Nothing was written to Infoplus. Send that file to Infoplus support if asked.
          </Note>
          <dl className="probe-findings">
            {result.findings.map((f) => (
              <div key={f.key}>
                <dt>{f.question}</dt>
                <dd>{f.answer}</dd>
              </div>
            ))}
          </dl>
          <p>Item ids this tenant has (use them in the items mapping):</p>
          <div className="grid-2">
            <IdList title="Item categories" field="majorGroupId" entries={result.itemCategories} />
            <IdList title="Item sub-categories" field="subGroupId" entries={result.itemSubCategories} />
            <IdList
              title="Receiving criteria schemes"
              field="receivingCriteriaSchemeId"
              entries={result.receivingCriteriaSchemes}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
