import { useState } from 'react';
import type { ProfileDocument } from '../contract.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { ProfileEditor, ProfileProblems } from '../components/profile-editor.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLoad } from '../hooks/use-async.js';
import { fieldErrorsOf } from '../settings/field-errors.js';
import { MappingEditor } from './mapping-editor.js';

/** The profile text being edited in the wizard, and the document it started from. */
export interface ProfileDraft {
  readonly base: ProfileDocument | null;
  readonly text: string;
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
  const problems = [
    ...(draft.base?.problems ?? []),
    ...Object.entries(fieldErrorsOf(error)).map(([path, message]) => ({ path, message })),
  ];
  return (
    <fieldset className="form-section">
      <legend>Mapping profile</legend>
      <p>
        The profile says which ERP rows become which Infoplus records, and how shipments and receipts are
        written back. It starts from the sample for your database, pointed at the connection you entered. Pick
        the ERP column for each Infoplus field below and watch one record mapped live; the queries themselves
        are in Advanced (YAML). Nothing is saved until you go on.
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
            {draft.base ? (
              <MappingEditor text={draft.text} onChange={(text) => onChange({ ...draft, text })} />
            ) : null}
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
