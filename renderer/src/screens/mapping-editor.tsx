import { useEffect, useMemo, useState } from 'react';
import { isMap, parseDocument } from 'yaml';
import type { MappingFieldInfo, ProfileTextPreview, PushTouchpoint } from '../contract.js';
import { PUSH_TOUCHPOINTS, TOUCHPOINT_LABELS } from '../contract.js';
import { errorText } from '../bridge/index.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { ProfileProblems } from '../components/profile-editor.js';
import { useBridge } from '../hooks/bridge-context.js';

/** Where a field's value comes from, as the profile text says it. */
type Source =
  | { readonly kind: 'none' }
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'other'; readonly text: string };

type Part = 'fields' | 'lines';

/** The field map of a touchpoint (or of its lines) in the profile text; null while the YAML does not parse. */
function fieldMap(text: string, tp: PushTouchpoint, part: Part): Record<string, unknown> | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const path = part === 'fields' ? ['touchpoints', tp, 'fields'] : ['touchpoints', tp, 'lines', 'fields'];
  const node: unknown = doc.getIn(path);
  if (!isMap(node)) return {};
  return node.toJSON() as Record<string, unknown>;
}

function sourceOf(spec: unknown): Source {
  if (spec === undefined || spec === null) return { kind: 'none' };
  if (typeof spec === 'string') return { kind: 'column', column: spec };
  if (typeof spec === 'object' && typeof (spec as { column?: unknown }).column === 'string') {
    return { kind: 'column', column: (spec as { column: string }).column };
  }
  if (typeof spec === 'object' && 'const' in spec) {
    return { kind: 'other', text: `always ${JSON.stringify((spec as { const: unknown }).const)}` };
  }
  return { kind: 'other', text: JSON.stringify(spec) };
}

/**
 * The profile text with one field pointed at an ERP column (or unmapped): comments and the rest of the document
 * stay as they are; a field with options (type, maxLength, lookup) keeps them and only its column changes.
 */
export function withColumn(
  text: string,
  tp: PushTouchpoint,
  part: Part,
  field: string,
  column: string | null,
): string {
  const doc = parseDocument(text);
  const base = part === 'fields' ? ['touchpoints', tp, 'fields'] : ['touchpoints', tp, 'lines', 'fields'];
  const current: unknown = doc.getIn([...base, field]);
  if (column === null) doc.deleteIn([...base, field]);
  else if (isMap(current) && current.has('column')) doc.setIn([...base, field, 'column'], column);
  else doc.setIn([...base, field], column);
  return doc.toString();
}

/** One table of Infoplus fields (header or lines) with an ERP column picker each. */
function FieldTable({
  caption,
  tp,
  part,
  text,
  fields,
  columns,
  defaults,
  onChange,
}: {
  caption: string;
  tp: PushTouchpoint;
  part: Part;
  text: string;
  fields: readonly MappingFieldInfo[];
  columns: readonly string[];
  defaults: string;
  onChange: (text: string) => void;
}) {
  const mapped = fieldMap(text, tp, part) ?? {};
  const [adding, setAdding] = useState('');
  // fields unmapped in this session stay in the table, so they can be mapped again
  const [kept, setKept] = useState<readonly string[]>([]);
  const known = new Map(fields.map((f) => [f.name, f]));
  // required fields, then every field the profile maps (custom ones too), in that order
  const shown = [
    ...fields.filter((f) => f.required).map((f) => f.name),
    ...Object.keys(mapped).filter((name) => !known.get(name)?.required),
  ];
  for (const name of kept) if (!shown.includes(name)) shown.push(name);
  const addable = fields.filter((f) => !shown.includes(f.name));
  const idBase = `map-${tp}-${part}`;
  return (
    <div className="table-wrap mapping-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Infoplus field</th>
            <th scope="col">ERP column</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((name) => {
            const info = known.get(name);
            const source = sourceOf(mapped[name]);
            const fromDefault = info?.fromDefaults === true;
            const satisfied = [name, ...(info?.orAlso ?? [])].some((n) => mapped[n] !== undefined);
            const missing = info?.required === true && !satisfied && !fromDefault;
            const stale = source.kind === 'column' && columns.length > 0 && !columns.includes(source.column);
            const hintId = `${idBase}-${name}-hint`;
            return (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                  {info?.required ? (
                    <span className="required-mark" title="Infoplus needs this field">
                      {' '}
                      <span aria-hidden="true">*</span>
                      <span className="visually-hidden">(required)</span>
                    </span>
                  ) : null}
                  {info ? null : <span className="muted"> (not in the Infoplus model)</span>}
                </th>
                <td>
                  {source.kind === 'other' ? (
                    <span>
                      <code>{source.text}</code> <span className="muted">(edit it in Advanced)</span>
                    </span>
                  ) : (
                    <select
                      aria-label={`ERP column for ${name}`}
                      aria-invalid={missing || stale ? true : undefined}
                      aria-describedby={missing || stale ? hintId : undefined}
                      value={source.kind === 'column' ? source.column : ''}
                      onChange={(e) => {
                        if (!e.target.value && !kept.includes(name)) setKept([...kept, name]);
                        onChange(withColumn(text, tp, part, name, e.target.value || null));
                      }}
                    >
                      <option value="">
                        {fromDefault ? `from the profile (${defaults})` : '— not mapped —'}
                      </option>
                      {source.kind === 'column' && !columns.includes(source.column) ? (
                        <option value={source.column}>{source.column} (not in the query's result)</option>
                      ) : null}
                      {columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  )}
                  {missing ? (
                    <p id={hintId} className="field-error">
                      Required: pick the ERP column that holds the {name}
                      {info.orAlso.length > 0 ? ` (or map ${info.orAlso.join(' or ')})` : ''}.
                    </p>
                  ) : null}
                  {stale ? (
                    <p id={hintId} className="field-error">
                      The query returns no column {source.kind === 'column' ? source.column : ''}: pick one it
                      returns, or add it to the query in Advanced.
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {addable.length > 0 ? (
        <div className="actions">
          <label htmlFor={`${idBase}-add`}>Map another field</label>
          <select id={`${idBase}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a field…</option>
            {addable.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!adding || columns.length === 0}
            onClick={() => {
              onChange(withColumn(text, tp, part, adding, columns[0]!));
              setAdding('');
            }}
          >
            Add
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** How long typing may pause before the preview maps the text again. */
const PREVIEW_DELAY_MS = 500;

/**
 * The Mapping step's field-by-field editor: per push touchpoint, each Infoplus field (required ones marked)
 * with a picker of the columns the ERP query returns, and one record mapped live from the UNSAVED text.
 */
export function MappingEditor({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const bridge = useBridge();
  const [tp, setTp] = useState<PushTouchpoint>('orders');
  const [preview, setPreview] = useState<ProfileTextPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The columns last read per touchpoint: text that does not validate (a required field just unmapped) reads
  // no record, and the pickers must still offer the columns to fix it with.
  const [seen, setSeen] = useState<
    Partial<Record<PushTouchpoint, { columns: readonly string[]; lineColumns: readonly string[] }>>
  >({});
  const parses = useMemo(() => parseDocument(text).errors.length === 0, [text]);
  const defaults = useMemo(() => {
    const doc = parseDocument(text);
    const lob: unknown = doc.getIn(['infoplus', 'lobId']);
    const wh: unknown = doc.getIn(['infoplus', 'warehouseId']);
    return `line of business ${String(lob ?? '?')}, warehouse ${String(wh ?? '?')}`;
  }, [text]);

  useEffect(() => {
    if (!parses) return;
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      bridge.previewProfileText({ text, touchpoint: tp }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          if (p.columns.length > 0) {
            setSeen((prev) => ({
              ...prev,
              [p.touchpoint]: { columns: p.columns, lineColumns: p.lineColumns },
            }));
          }
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(errorText(e));
          setBusy(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, text, tp, parses]);

  const current = preview?.touchpoint === tp ? preview : null;
  const columns = current && current.columns.length > 0 ? current.columns : (seen[tp]?.columns ?? []);
  const lineColumns =
    current && current.columns.length > 0 ? current.lineColumns : (seen[tp]?.lineColumns ?? []);
  const label = TOUCHPOINT_LABELS[tp];
  return (
    <div className="mapping-editor">
      <div className="field">
        <label htmlFor="mapping-touchpoint">Touchpoint</label>
        <select id="mapping-touchpoint" value={tp} onChange={(e) => setTp(e.target.value as PushTouchpoint)}>
          {PUSH_TOUCHPOINTS.map((t) => (
            <option key={t} value={t}>
              {TOUCHPOINT_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {!parses ? (
        <p className="note note-error" role="alert">
          The YAML has a syntax error: open Advanced (YAML) to fix it; the fields show again once it reads.
        </p>
      ) : null}
      <ErrorNote error={error} title="The preview could not run" />
      {parses && !current ? <Spinner label={`Reading one ${label} record from the ERP…`} /> : null}
      {parses && current ? (
        <>
          <ProfileProblems problems={current.problems.filter((p) => p.severity === 'error')} />
          {current.problems
            .filter((p) => p.severity === 'warning')
            .map((p, i) => (
              <p key={i} className="note note-warn">
                {p.message}
              </p>
            ))}
          <p className="muted">
            <span aria-hidden="true">*</span> Infoplus needs this field. Columns come from what the query
            returns
            {columns.length > 0 ? ` (${columns.length})` : ''}.
          </p>
          <FieldTable
            key={`${tp}-fields`}
            caption={`${label}: fields`}
            tp={tp}
            part="fields"
            text={text}
            fields={current.fields}
            columns={columns}
            defaults={defaults}
            onChange={onChange}
          />
          {current.linesField ? (
            <FieldTable
              key={`${tp}-lines`}
              caption={`${label}: each line (${current.linesField})`}
              tp={tp}
              part="lines"
              text={text}
              fields={current.lineFields}
              columns={lineColumns}
              defaults={defaults}
              onChange={onChange}
            />
          ) : null}
          <section aria-labelledby="mapping-preview-title" className="mapping-preview">
            <h3 id="mapping-preview-title">
              Preview{current.record ? ` of ${current.record.recordKey}` : ''}
              {busy ? <span className="muted"> (updating…)</span> : null}
            </h3>
            {current.record ? (
              <>
                <p className="muted">
                  What Infoplus would receive for this record; nothing is saved or sent.
                </p>
                <pre aria-label={`Infoplus record mapped from ${current.record.recordKey}`}>
                  {JSON.stringify(current.record.infoplus, null, 2)}
                </pre>
              </>
            ) : (
              <p className="muted">No record to preview.</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
