import type { DryRunReport, MappingPreview } from '../contract.js';
import { TOUCHPOINT_LABELS } from '../contract.js';
import { TableHead } from '../components/common.js';

/** ERP rows beside the Infoplus JSON they become; rows with problems are marked. */
export function PreviewTable({ preview }: { preview: MappingPreview }) {
  const label = TOUCHPOINT_LABELS[preview.touchpoint];
  return (
    <section aria-labelledby="preview-title" className="card">
      <h2 id="preview-title">Preview of {label}</h2>
      {preview.rows.length === 0 ? <p>The query returned no records.</p> : null}
      {preview.rows.map((row) => (
        <article
          key={row.recordKey}
          className={`preview-row${row.problems.length ? ' has-problems' : ''}`}
          aria-label={`Record ${row.recordKey}`}
        >
          <h3>
            {row.recordKey}
            {row.problems.length ? (
              <span className="badge badge-failed">{row.problems.length} problems</span>
            ) : null}
          </h3>
          {row.problems.length ? (
            <ul className="note note-error">
              {row.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
          <div className="side-by-side">
            <div>
              <h4>ERP row</h4>
              <pre className="code" tabIndex={0} aria-label={`ERP row of ${row.recordKey}`}>
                {JSON.stringify(row.erp, null, 2)}
              </pre>
            </div>
            <div>
              <h4>Infoplus JSON</h4>
              <pre className="code" tabIndex={0} aria-label={`Infoplus JSON of ${row.recordKey}`}>
                {JSON.stringify(row.infoplus, null, 2)}
              </pre>
            </div>
          </div>
        </article>
      ))}
    </section>
  );
}

/** What a dry run would do per touchpoint, and every problem it found. */
export function DryRunTable({ report }: { report: DryRunReport }) {
  return (
    <section aria-labelledby="dryrun-title" className="card">
      <h2 id="dryrun-title">Dry run report</h2>
      <p className="muted small">Nothing was written to Infoplus or the ERP.</p>
      <div className="table-wrap">
        <table>
          <TableHead
            columns={['Touchpoint', 'Records', 'Would create', 'Would update', 'Unchanged', 'Problems']}
          />
          <tbody>
            {report.touchpoints.map((tp) => (
              <tr key={tp.touchpoint}>
                <td>{TOUCHPOINT_LABELS[tp.touchpoint]}</td>
                <td>{tp.records}</td>
                <td>{tp.wouldCreate}</td>
                <td>{tp.wouldUpdate}</td>
                <td>{tp.unchanged}</td>
                <td>{tp.problems.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.touchpoints.some((tp) => tp.problems.length) ? (
        <ul className="problems">
          {report.touchpoints.flatMap((tp) =>
            tp.problems.slice(0, 100).map((p, i) => (
              <li key={`${tp.touchpoint}-${i}`}>
                <strong>{TOUCHPOINT_LABELS[tp.touchpoint]}</strong> {p.recordKey}
                {p.field ? (
                  <>
                    {' '}
                    <code>{p.field}</code>
                  </>
                ) : null}
                : {p.message}
              </li>
            )),
          )}
        </ul>
      ) : (
        <p>No problems found.</p>
      )}
    </section>
  );
}
