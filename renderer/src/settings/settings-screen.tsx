import { useState } from 'react';
import type { Settings, SettingsUpdate } from '../contract.js';
import { ErrorNote, Note, Spinner } from '../components/common.js';
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

/** The whole settings update built from the three forms. */
export function settingsUpdateOf(
  erp: ErpDraft,
  infoplus: InfoplusDraft,
  schedules: SchedulesDraft,
): SettingsUpdate {
  const secrets = {
    ...(erp.password ? { erpPassword: erp.password } : {}),
    ...(infoplus.apiKey ? { infoplusApiKey: infoplus.apiKey } : {}),
  };
  return {
    erp: erpUpdateOf(erp),
    infoplus: infoplusUpdateOf(infoplus),
    ...schedulesUpdateOf(schedules),
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
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
  const [erp, setErp] = useState(() => erpDraftOf(settings.erp));
  const [infoplus, setInfoplus] = useState(() => infoplusDraftOf(settings.infoplus));
  const [schedules, setSchedules] = useState(() => schedulesDraftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(justSaved);
  const save = useAction();

  const submit = () =>
    void save.run(async () => {
      setSaved(false);
      const local = { ...validateErp(erp), ...validateInfoplus(infoplus), ...validateSchedules(schedules) };
      setErrors(local);
      if (Object.keys(local).length > 0)
        throw new Error('Some fields need fixing; see the messages next to them.');
      try {
        const next = await bridge.saveSettings(settingsUpdateOf(erp, infoplus, schedules));
        setErrors({});
        setSaved(true);
        onSaved(next);
        live.refresh();
      } catch (error) {
        setErrors(fieldErrorsOf(error));
        throw error;
      }
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <ErpForm draft={erp} onChange={setErp} errors={errors} />
      <InfoplusForm draft={infoplus} onChange={setInfoplus} errors={errors} />
      <ScheduleForm draft={schedules} onChange={setSchedules} errors={errors} />
      <div className="actions sticky-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          Save settings
        </button>
        {save.busy ? <Spinner label="Saving…" /> : null}
        {saved ? <Note kind="ok">Settings saved.</Note> : null}
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
      <div className="screen-head">
        <h1 id="settings-title" tabIndex={-1}>
          Settings
        </h1>
      </div>
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
