import { useMemo, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import type { ProfileDocument, TouchpointName } from '../contract.js';
import { TOUCHPOINT_LABELS, TOUCHPOINTS } from '../contract.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { ProfileEditor, ProfileProblems } from '../components/profile-editor.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLoad } from '../hooks/use-async.js';
import { fieldErrorsOf } from '../settings/field-errors.js';

/** The profile text being edited in the wizard, and the document it started from. */
export interface ProfileDraft {
  readonly base: ProfileDocument | null;
  readonly text: string;
}

/** One touchpoint's field mapping as the Fields tab lists it: Infoplus field and where its value comes from. */
interface MappedTouchpoint {
  readonly touchpoint: TouchpointName;
  readonly fields: readonly { readonly field: string; readonly source: string }[];
}

/** How a field's source reads: the ERP column, or the fixed value / expression the profile gives. */
function sourceText(spec: unknown): string {
  if (typeof spec === 'string' || typeof spec === 'number' || typeof spec === 'boolean') return String(spec);
  if (spec && typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o['column'] === 'string') return o['column'];
    if ('const' in o) return `always ${JSON.stringify(o['const'])}`;
  }
  return JSON.stringify(spec);
}

/** The field mappings of the profile text, or null while the text is not valid YAML. */
function mappedFields(text: string): readonly MappedTouchpoint[] | null {
  let doc: { touchpoints?: Record<string, { fields?: Record<string, unknown> } | undefined> } | null;
  try {
    doc = parseYaml(text) as typeof doc;
  } catch {
    return null;
  }
  const out: MappedTouchpoint[] = [];
  for (const tp of TOUCHPOINTS) {
    const fields = doc?.touchpoints?.[tp]?.fields;
    if (!fields || typeof fields !== 'object') continue;
    out.push({
      touchpoint: tp,
      fields: Object.entries(fields).map(([field, spec]) => ({ field, source: sourceText(spec) })),
    });
  }
  return out;
}

/** Wizard step: the mapping profile, prefilled with the sample for the chosen ERP driver. */
export function WizardProfileStep({
  draft,
  onChange,
  error,
}: {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  error: unknown;
}) {
  const bridge = useBridge();
  const [loadedOnce, setLoadedOnce] = useState(false);
  const loaded = useLoad(async () => {
    const doc = await bridge.getProfile({});
    // Only the first load fills the editor; later loads must not overwrite what the admin typed.
    if (!loadedOnce) {
      setLoadedOnce(true);
      onChange({ base: doc, text: doc.text });
    }
    return doc;
  }, [bridge]);
  const [tab, setTab] = useState<'fields' | 'advanced'>('fields');
  const mapped = useMemo(() => mappedFields(draft.text), [draft.text]);
  const problems = [
    ...(draft.base?.problems ?? []),
    ...Object.entries(fieldErrorsOf(error)).map(([path, message]) => ({ path, message })),
  ];
  return (
    <fieldset className="form-section">
      <legend>Mapping profile</legend>
      <p>
        The profile says which ERP rows become which Infoplus records, and how shipments and receipts are
        written back. It starts from the sample for your database; adjust the SQL to your tables. Mappings
        (after setup) has Preview and Dry run to check it.
      </p>
      {loaded.loading && !draft.base ? <Spinner label="Loading the suggested profile…" /> : null}
      <ErrorNote error={loaded.error} />
      <div role="tablist" aria-label="How to view the profile" className="actions">
        <button
          type="button"
          role="tab"
          id="wizard-profile-tab-fields"
          aria-selected={tab === 'fields'}
          aria-controls="wizard-profile-panel"
          className={tab === 'fields' ? 'primary' : undefined}
          onClick={() => setTab('fields')}
        >
          Fields
        </button>
        <button
          type="button"
          role="tab"
          id="wizard-profile-tab-advanced"
          aria-selected={tab === 'advanced'}
          aria-controls="wizard-profile-panel"
          className={tab === 'advanced' ? 'primary' : undefined}
          onClick={() => setTab('advanced')}
        >
          Advanced (YAML)
        </button>
      </div>
      <div
        role="tabpanel"
        id="wizard-profile-panel"
        aria-labelledby={tab === 'fields' ? 'wizard-profile-tab-fields' : 'wizard-profile-tab-advanced'}
      >
        {tab === 'fields' ? (
          <>
            <ProfileProblems problems={problems} />
            {mapped === null ? (
              <p className="muted">The YAML has a syntax error: open Advanced (YAML) to fix it.</p>
            ) : (
              mapped.map((m) => (
                <div className="table-wrap" key={m.touchpoint}>
                  <table>
                    <caption>{TOUCHPOINT_LABELS[m.touchpoint]}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Infoplus field</th>
                        <th scope="col">From the ERP</th>
                      </tr>
                    </thead>
                    <tbody>
                      {m.fields.map((f) => (
                        <tr key={f.field}>
                          <td>
                            <code>{f.field}</code>
                          </td>
                          <td>
                            <code>{f.source}</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))
            )}
          </>
        ) : (
          <ProfileEditor
            id="wizard-profile"
            label="Mapping profile (YAML)"
            rows={18}
            text={draft.text}
            onChange={(text) => onChange({ ...draft, text })}
            problems={problems}
          />
        )}
      </div>
    </fieldset>
  );
}
