import { useState } from 'react';
import type { Settings, SettingsUpdate } from '../contract.js';
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
  const save = useAction();

  const submit = () =>
    void save.run(async () => {
      setSaved(false);
      const { update, problems } = settingsUpdateOf(initial, { erp, infoplus, schedules });
      setErrors(problems);
      if (Object.keys(problems).length > 0)
        throw new Error('Some fields need fixing; see the messages next to them.');
      if (Object.keys(update).length === 0) throw new Error('Nothing was changed.');
      try {
        const next = await bridge.saveSettings(update);
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
