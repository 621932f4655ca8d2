import { useMemo, useState } from 'react';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { TOUCHPOINT_LABELS } from '../contract.js';
import type {
  DryRunReport,
  MappingPreview,
  ProfileCheckResult,
  ProfileDocument,
  TouchpointName,
} from '../contract.js';
import { ErrorNote, Note, Spinner, ScreenHead } from '../components/common.js';
import { ProfileEditor } from '../components/profile-editor.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useAction, useLoad } from '../hooks/use-async.js';
import { TouchpointSelect } from '../components/touchpoint-select.js';
import { fieldErrorsOf } from '../settings/field-errors.js';
import { DryRunTable, PreviewTable } from './mapping-results.js';
import { VendorNumbers } from '../components/vendor-numbers.js';

/** The selected touchpoint's part of the profile, as YAML, or null when it has none. */
function sectionOf(text: string, tp: TouchpointName): string | null {
  try {
    const doc = parseYaml(text) as { touchpoints?: Record<string, unknown> } | null;
    const section = doc?.touchpoints?.[tp];
    return section === undefined ? null : toYaml(section);
  } catch {
    return null;
  }
}

/** A problem's message without its own path in front (the path is shown beside it already). */
function withoutPath(p: { path: string; message: string }): string {
  return p.path && p.message.startsWith(`${p.path}: `) ? p.message.slice(p.path.length + 2) : p.message;
}

/** The mapping profile per touchpoint: its SQL and field mapping, Preview, Dry run, and the editor. */
export function Mappings() {
  const bridge = useBridge();
  const [touchpoint, setTouchpoint] = useState<TouchpointName>('orders');
  const loaded = useLoad(() => bridge.getProfile({}), [bridge]);
  const [savedDoc, setSavedDoc] = useState<ProfileDocument | null>(null);
  const doc = savedDoc ?? loaded.data ?? null;
  // The edited text belongs to the document it was typed over; a newer document resets it.
  const [draft, setDraft] = useState<{ base: ProfileDocument | null; text: string }>({
    base: null,
    text: '',
  });
  const text = draft.base === doc && doc !== null ? draft.text : (doc?.text ?? '');
  const setText = (next: string) => setDraft({ base: doc, text: next });
  const save = useAction();
  const [saveNote, setSaveNote] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  // Errors the check found in the text about to be saved: shown with "Save anyway".
  const [checks, setChecks] = useState<{ text: string; problems: ProfileCheckResult['problems'] } | null>(
    null,
  );
  const previewAction = useAction();
  const [preview, setPreview] = useState<MappingPreview | null>(null);
  const dryAction = useAction();
  const [report, setReport] = useState<DryRunReport | null>(null);

  /** Saves the text; what the check could not verify (warnings) is said beside the result. */
  const store = async (saving: string, warnings: ProfileCheckResult['problems'] = []) => {
    const next = await bridge.saveProfile({ text: saving });
    setChecks(null);
    setSavedDoc(next);
    if (next.problems.length) setSaveNote({ kind: 'warn', text: 'Saved, with problems listed above.' });
    else if (checks && checks.text === saving)
      setSaveNote({ kind: 'warn', text: 'Saved anyway, with the problems the check found.' });
    else if (warnings.length)
      setSaveNote({ kind: 'warn', text: `Profile saved. ${warnings.map((w) => w.message).join(' ')}` });
    else setSaveNote({ kind: 'ok', text: 'Profile saved; its queries ran on the ERP without problems.' });
  };

  const section = useMemo(() => sectionOf(doc?.text ?? '', touchpoint), [doc, touchpoint]);
  const dirty = doc !== null && text !== doc.text;
  const saveProblems = fieldErrorsOf(save.error);
  const problems = [
    ...(doc?.problems ?? []),
    ...Object.entries(saveProblems).map(([path, message]) => ({ path, message })),
  ];
  const label = TOUCHPOINT_LABELS[touchpoint];

  return (
    <section aria-labelledby="mappings-title">
      <ScreenHead id="mappings-title" title="Mappings" />
      <div className="filters">
        <TouchpointSelect
          id="mappings-touchpoint"
          label="Touchpoint"
          value={touchpoint}
          onChange={(v) => {
            if (v) setTouchpoint(v);
            setPreview(null);
          }}
        />
        <button
          type="button"
          disabled={previewAction.busy}
          onClick={() =>
            void previewAction.run(async () =>
              setPreview(await bridge.previewMapping({ touchpoint, limit: 10 })),
            )
          }
        >
          Preview
        </button>
        <button
          type="button"
          disabled={dryAction.busy}
          onClick={() =>
            void dryAction.run(async () => setReport(await bridge.dryRun({ touchpoints: [touchpoint] })))
          }
        >
          Dry run
        </button>
        <button
          type="button"
          disabled={dryAction.busy}
          onClick={() => void dryAction.run(async () => setReport(await bridge.dryRun({})))}
        >
          Dry run all touchpoints
        </button>
      </div>
      {previewAction.busy ? <Spinner label={`Running the ${label} query and building payloads…`} /> : null}
      {dryAction.busy ? (
        <Spinner label="Dry run: building every payload and checking it against Infoplus…" />
      ) : null}
      <ErrorNote error={previewAction.error} title="Preview failed" />
      <ErrorNote error={dryAction.error} title="Dry run failed" />

      {report ? <DryRunTable report={report} /> : null}
      {preview ? <PreviewTable preview={preview} /> : null}

      <section aria-labelledby="section-title" className="card">
        <h2 id="section-title">{label}: SQL and field mapping</h2>
        {loaded.loading && !doc ? <Spinner label="Loading the profile…" /> : null}
        <ErrorNote error={loaded.error} />
        {doc && section ? (
          <pre className="code" tabIndex={0} aria-label={`Profile section of ${label}`}>
            {section}
          </pre>
        ) : doc ? (
          <p className="muted">The profile has no section for {label}; it is not synced.</p>
        ) : null}
      </section>

      {touchpoint === 'vendors' ? <VendorNumbers /> : null}

      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">Profile editor</h2>
        <p className="muted small">{doc?.path ? `File: ${doc.path}` : 'Built-in profile'}</p>
        <ProfileEditor
          id="profile-text"
          label="Profile (YAML)"
          rows={24}
          text={text}
          onChange={setText}
          problems={problems}
        />
        {checks && checks.text === text ? (
          <div className="note note-error" role="alert" aria-labelledby="profile-checks-title">
            <strong id="profile-checks-title">Not saved yet: the check found problems</strong>
            <ul>
              {checks.problems.map((p, i) => (
                <li key={`${p.path}-${i}`}>
                  <code>{p.path || '(document)'}</code>: {withoutPath(p)}
                </li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" onClick={() => setChecks(null)}>
                Keep editing
              </button>
              <button type="button" disabled={save.busy} onClick={() => void save.run(() => store(text))}>
                Save anyway
              </button>
            </div>
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!dirty || save.busy}
            onClick={() =>
              void save.run(async () => {
                setSaveNote(null);
                setChecks(null);
                // The check runs first: a profile a run would fail on is never "saved" without the admin's say.
                const check = await bridge.checkProfileText({ text });
                const errors = check.problems.filter((p) => p.severity === 'error');
                if (errors.length > 0) {
                  setChecks({ text, problems: errors });
                  return;
                }
                await store(text, check.problems);
              })
            }
          >
            Save profile
          </button>
          <button type="button" disabled={!dirty} onClick={() => setText(doc?.text ?? '')}>
            Discard changes
          </button>
          {save.busy ? <Spinner label="Checking and saving…" /> : null}
          {saveNote ? <Note kind={saveNote.kind}>{saveNote.text}</Note> : null}
        </div>
        <ErrorNote error={save.error} title="Profile not saved" />
      </section>
    </section>
  );
}
