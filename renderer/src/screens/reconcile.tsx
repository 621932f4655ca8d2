import { useState } from 'react';
import type { ReconcileFindingKind, ReconcileReport, TouchpointName } from '../contract.js';
import { PUSH_TOUCHPOINTS, TOUCHPOINT_LABELS, isPushTouchpoint, reconcileVerdict } from '../contract.js';
import { ErrorNote, Note, ScreenHead, Spinner, TableHead, formatTime } from '../components/common.js';
import { TouchpointSelect } from '../components/touchpoint-select.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useAction } from '../hooks/use-async.js';

const KIND_TEXT: Readonly<Record<ReconcileFindingKind, string>> = {
  missing: 'Missing in Infoplus',
  'gone-from-infoplus': 'Gone from Infoplus',
  duplicated: 'Duplicated in Infoplus',
  untracked: 'Not recorded here',
  'stale-link': 'Stale link',
  'key-collision': 'Key collision (ERP)',
  'invalid-key': 'Empty key (ERP)',
  'cancelled-open': 'Cancelled in the ERP, open in Infoplus',
};

/** Findings listed on screen; the counts above cover all of them. */
const SHOWN = 100;

const REPAIRABLE: readonly ReconcileFindingKind[] = [
  'missing',
  'gone-from-infoplus',
  'untracked',
  'stale-link',
  'duplicated',
];

function repairable(report: ReconcileReport): number {
  return report.touchpoints.reduce((n, t) => n + REPAIRABLE.reduce((m, k) => m + t.counts[k], 0), 0);
}

/** ERP vs Infoplus, record by record, with the repairs that are safe to make. */
export function Reconcile() {
  const bridge = useBridge();
  const [touchpoint, setTouchpoint] = useState<TouchpointName | ''>('');
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const action = useAction();

  const run = (repair: boolean): void => {
    void action
      .run(() =>
        bridge.reconcile({
          ...(touchpoint && isPushTouchpoint(touchpoint) ? { touchpoints: [touchpoint] } : {}),
          repair,
        }),
      )
      .then((r) => {
        if (r) setReport(r);
      });
  };
  const canRepair = report !== null && !report.repair && repairable(report) > 0;

  return (
    <section aria-labelledby="reconcile-title">
      <ScreenHead id="reconcile-title" title="Reconcile ERP and Infoplus" />
      <p className="muted">
        Compares every ERP record the mapping selects with every Infoplus record of the line of business.
        Repair sends missing records on the next run and links records Infoplus already has, so that no push
        creates a second one. Duplicates in Infoplus are only reported: deleting one is your decision.
      </p>
      <div className="filters" role="group" aria-label="Reconcile">
        <TouchpointSelect
          id="reconcile-touchpoint"
          value={touchpoint}
          onChange={setTouchpoint}
          choices={PUSH_TOUCHPOINTS}
        />
        <button type="button" onClick={() => run(false)} disabled={action.busy}>
          Compare
        </button>
        <button type="button" onClick={() => run(true)} disabled={action.busy || !canRepair}>
          Repair what is safe
        </button>
        {action.busy ? <Spinner label="Comparing ERP and Infoplus…" /> : null}
      </div>
      <ErrorNote error={action.error} title="Reconciliation failed" />
      {report ? <ReconcileResult report={report} /> : null}
    </section>
  );
}

function ReconcileResult({ report }: { report: ReconcileReport }) {
  const all = report.touchpoints.flatMap((t) => t.findings.map((f) => ({ ...f, touchpoint: t.touchpoint })));
  const total = report.touchpoints.reduce(
    (n, t) => n + Object.values(t.counts).reduce((m, c) => m + c, 0),
    0,
  );
  const findings = all.slice(0, SHOWN);
  const verdict = reconcileVerdict(report);
  return (
    <div aria-live="polite">
      <p className="muted small">
        {report.repair ? 'Repaired' : 'Compared'} at {formatTime(report.at)}.
      </p>
      {verdict.agree ? (
        <Note kind="ok">The ERP and Infoplus agree.</Note>
      ) : (
        <Note kind="warn">
          The ERP and Infoplus do not agree yet:
          <ul>
            {verdict.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Note>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Reconciliation per touchpoint</caption>
          <TableHead
            columns={[
              'Touchpoint',
              'ERP',
              'Infoplus',
              'Agree',
              ...Object.values(KIND_TEXT),
              'In error inbox',
              'Only in Infoplus',
            ]}
          />
          <tbody>
            {report.touchpoints.map((t) => (
              <tr key={t.touchpoint}>
                <td>
                  {TOUCHPOINT_LABELS[t.touchpoint]}
                  {t.error ? <div className="muted small">{t.error}</div> : null}
                </td>
                <td>{t.erpRecords}</td>
                <td>{t.infoplusRecords}</td>
                <td>{t.agreeing}</td>
                {(Object.keys(KIND_TEXT) as ReconcileFindingKind[]).map((k) => (
                  <td key={k}>{t.counts[k]}</td>
                ))}
                <td>{t.inErrorInbox}</td>
                <td title={t.onlyInInfoplusSample.join(', ')}>{t.onlyInInfoplus}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {findings.length > 0 ? (
        <div className="table-wrap">
          <h2 id="reconcile-findings">Findings</h2>
          <table aria-labelledby="reconcile-findings">
            <TableHead columns={['Touchpoint', 'Record', 'Finding', 'What to do', 'Repair']} />
            <tbody>
              {findings.map((f) => (
                <tr key={`${f.touchpoint}:${f.recordKey}`}>
                  <td>{TOUCHPOINT_LABELS[f.touchpoint]}</td>
                  <td>{f.recordKey}</td>
                  <td>{KIND_TEXT[f.kind]}</td>
                  <td>{f.message}</td>
                  <td>{f.repaired ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > findings.length ? (
            <p className="muted small">
              The first {findings.length} of {total} findings; <code>infoplus-sync reconcile --json</code>{' '}
              lists up to 500 per touchpoint.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
