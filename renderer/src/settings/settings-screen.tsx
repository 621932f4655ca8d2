import { useEffect, useRef, useState } from 'react';
import type { Settings, SettingsUpdate } from '../contract.js';
import { errorText } from '../bridge/index.js';
import { ErrorNote, Note, Spinner, ScreenHead } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLiveStatus } from '../hooks/live-status.js';
import { useAction, useLoad } from '../hooks/use-async.js';
import type { ErpDraft, InfoplusDraft, SchedulesDraft } from './drafts.js';
import {
  erpDraftOf,
  erpUpdateOf,
  infoplusDraftOf,
  infoplusUpdateOf,
  schedulesDraftOf,
  schedulesUpdateOf,
  validateErp,
  validateInfoplus,
  validateSchedules,
} from './drafts.js';
import { ErpForm } from './erp-form.js';
import { fieldErrorsOf } from './field-errors.js';
import type { FieldErrors } from './field-errors.js';
import { InfoplusForm } from './infoplus-form.js';
import { ScheduleForm } from './schedule-form.js';

/** The drafts a settings form starts from. */
interface Drafts {
  readonly erp: ErpDraft;
  readonly infoplus: InfoplusDraft;
  readonly schedules: SchedulesDraft;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings update for what the admin changed, and the local problems of those parts. Untouched parts are
 * left out: re-sending them would rewrite what is in force (and, in demo mode, end the demo).
 */
export function settingsUpdateOf(
  initial: Drafts,
  now: Drafts,
): { update: SettingsUpdate; problems: FieldErrors } {
  const erpChanged = !same(erpUpdateOf(initial.erp), erpUpdateOf(now.erp)) || now.erp.password !== '';
  const infoplusChanged =
    !same(infoplusUpdateOf(initial.infoplus), infoplusUpdateOf(now.infoplus)) || now.infoplus.apiKey !== '';
  const schedulesChanged = !same(schedulesUpdateOf(initial.schedules), schedulesUpdateOf(now.schedules));
  const secrets = {
    ...(now.erp.password ? { erpPassword: now.erp.password } : {}),
    ...(now.infoplus.apiKey ? { infoplusApiKey: now.infoplus.apiKey } : {}),
  };
  const update: SettingsUpdate = {
    ...(erpChanged ? { erp: erpUpdateOf(now.erp) } : {}),
    ...(infoplusChanged ? { infoplus: infoplusUpdateOf(now.infoplus) } : {}),
    ...(schedulesChanged ? schedulesUpdateOf(now.schedules) : {}),
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
  const problems = {
    ...(erpChanged ? validateErp(now.erp) : {}),
    ...(infoplusChanged ? validateInfoplus(now.infoplus) : {}),
    ...validateSchedules(now.schedules),
  };
  return { update, problems };
}

function SettingsForm({
  settings,
  justSaved,
  onSaved,
}: {
  settings: Settings;
  justSaved: boolean;
  onSaved: (s: Settings) => void;
}) {
  const bridge = useBridge();
  const live = useLiveStatus();
  const [initial] = useState<Drafts>(() => ({
    erp: erpDraftOf(settings.erp),
    infoplus: infoplusDraftOf(settings.infoplus),
    schedules: schedulesDraftOf(settings),
  }));
  const [erp, setErp] = useState(initial.erp);
  const [infoplus, setInfoplus] = useState(initial.infoplus);
  const [schedules, setSchedules] = useState(initial.schedules);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(justSaved);
  // Problems the connection tests found with what is about to be saved: shown with "Save anyway".
  const [checks, setChecks] = useState<{ problems: string[]; update: SettingsUpdate } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useAction();

  // The first invalid field is brought into view and focused, also when it is far below the Save button.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }, [errors]);

  const store = async (update: SettingsUpdate) => {
    try {
      const next = await bridge.saveSettings(update);
      setErrors({});
      setChecks(null);
      setSaved(true);
      onSaved(next);
      live.refresh();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      throw error;
    }
  };

  /** Runs the tests of the parts being changed; their failures, in words (empty when all passed). */
  const check = async (update: SettingsUpdate): Promise<string[]> => {
    const problems: string[] = [];
    if (update.erp || update.secrets?.erpPassword) {
      const erpResult = await bridge
        .testErpConnection({
          ...(update.erp ? { erp: update.erp } : {}),
          ...(update.secrets?.erpPassword ? { password: update.secrets.erpPassword } : {}),
        })
        .catch((e: unknown) => ({ ok: false, message: errorText(e) }));
      if (!erpResult.ok) problems.push(`ERP connection: ${erpResult.message}`);
    }
    if (update.infoplus || update.secrets?.infoplusApiKey) {
      const ipResult = await bridge
        .testInfoplusConnection({
          ...(update.infoplus ? { infoplus: update.infoplus } : {}),
          ...(update.secrets?.infoplusApiKey ? { apiKey: update.secrets.infoplusApiKey } : {}),
        })
        .catch((e: unknown) => ({ ok: false, message: errorText(e) }));
      if (!ipResult.ok) problems.push(`Infoplus connection: ${ipResult.message}`);
    }
    return problems;
  };

  const submit = () =>
    void save.run(async () => {
      setSaved(false);
      setChecks(null);
      const { update, problems } = settingsUpdateOf(initial, { erp, infoplus, schedules });
      setErrors(problems);
      if (Object.keys(problems).length > 0)
        throw new Error('Some fields need fixing; see the messages next to them.');
      if (Object.keys(update).length === 0) throw new Error('Nothing was changed.');
      // Check first: a connection that will fail is not saved with "Settings saved." unless asked to.
      const failed = await check(update);
      if (failed.length > 0) {
        setChecks({ problems: failed, update });
        return;
      }
      await store(update);
    });

  const saveAnyway = () =>
    void save.run(async () => {
      if (checks) await store(checks.update);
    });

  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <ErpForm draft={erp} onChange={setErp} errors={errors} />
      <InfoplusForm draft={infoplus} onChange={setInfoplus} errors={errors} />
      <ScheduleForm draft={schedules} onChange={setSchedules} errors={errors} />
      <div className="sticky-actions">
        {checks ? (
          <div className="note note-error" role="alert" aria-labelledby="save-checks-title">
            <strong id="save-checks-title">Not saved yet: the check found problems</strong>
            <ul>
              {checks.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" onClick={() => setChecks(null)}>
                Keep editing
              </button>
              <button type="button" onClick={saveAnyway} disabled={save.busy}>
                Save anyway
              </button>
            </div>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.busy}>
            Save settings
          </button>
          {save.busy ? <Spinner label="Checking and saving…" /> : null}
          {saved ? <Note kind="ok">Settings saved.</Note> : null}
        </div>
      </div>
      <ErrorNote error={save.error} title="Not saved" />
    </form>
  );
}

/** ERP and Infoplus connections, schedules and quiet hours; each part can be tested before saving. */
export function SettingsScreen() {
  const bridge = useBridge();
  const loaded = useLoad(() => bridge.getSettings({}), [bridge]);
  // After a save the form restarts from what the engine answered: write-only fields show "saved" again.
  const [savedSettings, setSavedSettings] = useState<{ settings: Settings; n: number } | null>(null);
  const current = savedSettings?.settings ?? loaded.data;
  return (
    <section aria-labelledby="settings-title">
      <ScreenHead id="settings-title" title="Settings" />
      {loaded.loading && !loaded.data ? <Spinner label="Loading settings…" /> : null}
      <ErrorNote error={loaded.error} />
      {current ? (
        <SettingsForm
          key={savedSettings?.n ?? 0}
          settings={current}
          justSaved={savedSettings !== null}
          onSaved={(next) => setSavedSettings((prev) => ({ settings: next, n: (prev?.n ?? 0) + 1 }))}
        />
      ) : null}
    </section>
  );
}
