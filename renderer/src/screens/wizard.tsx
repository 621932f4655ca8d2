import { useState } from 'react';
import { ErrorNote, Note, Spinner } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLiveStatus } from '../hooks/live-status.js';
import { useAction, useLoad } from '../hooks/use-async.js';
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
} from '../settings/drafts.js';
import type { ErpDraft, InfoplusDraft, SchedulesDraft } from '../settings/drafts.js';
import { ErpForm } from '../settings/erp-form.js';
import { fieldErrorsOf } from '../settings/field-errors.js';
import type { FieldErrors } from '../settings/field-errors.js';
import { InfoplusForm } from '../settings/infoplus-form.js';
import { ScheduleForm } from '../settings/schedule-form.js';
import { WizardProfileStep } from './wizard-profile.js';
import type { ProfileDraft } from './wizard-profile.js';
import type { Settings, SettingsUpdate } from '../contract.js';

const STEPS = ['ERP database', 'Infoplus', 'Mapping', 'Schedules', 'Done'] as const;
const DONE = STEPS.length - 1;

/** First run: ERP -> Infoplus -> schedules -> done, or straight to a working demo. */
export function Wizard({ onDone }: { onDone: () => void }) {
  const bridge = useBridge();
  const loaded = useLoad(() => bridge.getSettings({}), [bridge]);
  const demo = useAction();
  const live = useLiveStatus();
  const [confirmDemo, setConfirmDemo] = useState(false);

  const tryDemo = () =>
    void demo.run(async () => {
      live.set(await bridge.useDemo({}));
      onDone();
    });

  return (
    <section aria-labelledby="wizard-title" className="wizard">
      <h1 id="wizard-title" tabIndex={-1}>
        Welcome to Infoplus ERP Sync
      </h1>
      <p>
        Connect your ERP database and your Infoplus account, choose when to sync, and you are done. Nothing
        runs by itself until you press Save and finish.
      </p>
      {loaded.loading && !loaded.data ? <Spinner label="Loading settings…" /> : null}
      <ErrorNote error={loaded.error} />
      {loaded.data ? <WizardSteps settings={loaded.data} onDone={onDone} /> : null}
      <div className="demo-choice">
        {!confirmDemo ? (
          <button type="button" className="link-button" onClick={() => setConfirmDemo(true)}>
            Look around with demo data first…
          </button>
        ) : (
          <div className="note note-info" role="group" aria-labelledby="demo-confirm-title">
            <strong id="demo-confirm-title">Use demo data?</strong>
            <p>
              This builds a sample ERP and a simulated Infoplus on this computer; nothing reaches your real
              ERP or Infoplus. &quot;Leave demo&quot; on the dashboard brings you back to this setup.
            </p>
            <div className="actions">
              <button type="button" onClick={tryDemo} disabled={demo.busy}>
                Start the demo
              </button>
              <button type="button" onClick={() => setConfirmDemo(false)} disabled={demo.busy}>
                Cancel
              </button>
              {demo.busy ? <Spinner label="Building the sample ERP and starting the simulator…" /> : null}
            </div>
          </div>
        )}
        <ErrorNote error={demo.error} title="Demo could not start" />
      </div>
    </section>
  );
}

function WizardSteps({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const bridge = useBridge();
  const live = useLiveStatus();
  const [step, setStep] = useState(0);
  const [erp, setErp] = useState<ErpDraft>(() => erpDraftOf(settings.erp));
  const [infoplus, setInfoplus] = useState<InfoplusDraft>(() => infoplusDraftOf(settings.infoplus));
  const [schedules, setSchedules] = useState<SchedulesDraft>(() => {
    const draft = schedulesDraftOf(settings);
    // A new setup syncs every 15 minutes by default; the admin can change any of it here.
    for (const s of Object.values(draft.schedules)) s.enabled = true;
    return draft;
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [profile, setProfile] = useState<ProfileDraft>({ base: null, text: '' });
  const save = useAction();
  const firstSync = useAction();

  // The first full sync ends the wizard: the dashboard shows it running.
  const runFirstSync = () =>
    void firstSync.run(async () => {
      await bridge.runNow({});
      onDone();
    });

  const saveProfile = () =>
    void save.run(async () => {
      // An existing profile left as it was needs no save.
      if (!(profile.base?.path && profile.text === profile.base.text)) {
        await bridge.saveProfile({ text: profile.text });
      }
      // The schedules step shows what will really run: the profile's schedules where Settings set none (read
      // now, since the profile was not saved when the wizard opened).
      const fresh = schedulesDraftOf(await bridge.getSettings({}));
      for (const sched of Object.values(fresh.schedules)) sched.enabled = true;
      setSchedules(fresh);
      setStep((s) => s + 1);
      live.refresh();
    });

  const next = (local: FieldErrors, update: SettingsUpdate) =>
    void save.run(async () => {
      setErrors(local);
      if (Object.keys(local).length > 0)
        throw new Error('Some fields need fixing; see the messages next to them.');
      try {
        await bridge.saveSettings(update);
      } catch (error) {
        setErrors(fieldErrorsOf(error));
        throw error;
      }
      setErrors({});
      // The next step (and Done) reads whether the engine is set up, so fetch it before moving on.
      live.set(await bridge.getStatus({}));
      setStep((s) => s + 1);
    });

  const onNext = () => {
    if (step === 0) {
      next(validateErp(erp), {
        erp: erpUpdateOf(erp),
        ...(erp.password ? { secrets: { erpPassword: erp.password } } : {}),
        // Schedules wait until "Save and finish"; a reload meanwhile comes back to the wizard.
        setupPending: true,
      });
    } else if (step === 1) {
      const local: Record<string, string> = { ...validateInfoplus(infoplus) };
      if (!infoplus.lobId)
        local['infoplus.lobId'] = 'Pick the line of business (Test Infoplus connection loads the list).';
      if (!infoplus.warehouseId)
        local['infoplus.warehouseId'] = 'Pick the warehouse (Test Infoplus connection loads the list).';
      next(local, {
        infoplus: infoplusUpdateOf(infoplus),
        ...(infoplus.apiKey ? { secrets: { infoplusApiKey: infoplus.apiKey } } : {}),
      });
    } else if (step === 2) {
      saveProfile();
    } else if (step === 3) {
      next(validateSchedules(schedules), { ...schedulesUpdateOf(schedules), setupPending: false });
    }
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((name, i) => (
          <li key={name} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : ''}>
            <span className="visually-hidden">{i < step ? 'Done: ' : i === step ? 'Current: ' : ''}</span>
            {i + 1}. {name}
          </li>
        ))}
      </ol>
      {step === 0 ? <ErpForm draft={erp} onChange={setErp} errors={errors} /> : null}
      {step === 1 ? <InfoplusForm draft={infoplus} onChange={setInfoplus} errors={errors} /> : null}
      {step === 2 ? <WizardProfileStep draft={profile} onChange={setProfile} error={save.error} /> : null}
      {step === 3 ? <ScheduleForm draft={schedules} onChange={setSchedules} errors={errors} /> : null}
      {step === DONE ? (
        live.status?.configured ? (
          <Note kind="ok">
            Setup complete: the schedules run from now on. Run the first full sync now to send everything
            once, or open the dashboard.
          </Note>
        ) : (
          <ErrorNote
            error={`Saved, but the setup is not complete yet: ${live.status?.lastResult ?? 'see Settings'}`}
          />
        )
      ) : null}
      <ErrorNote error={save.error} title="Not saved" />
      <ErrorNote error={firstSync.error} title="The first sync could not start" />
      <div className="actions">
        {step > 0 && step < DONE ? (
          <button type="button" onClick={() => setStep((s) => s - 1)} disabled={save.busy}>
            Back
          </button>
        ) : null}
        {step < DONE ? (
          <button type="submit" className="primary" disabled={save.busy}>
            {step === DONE - 1 ? 'Save and finish' : 'Save and continue'}
          </button>
        ) : (
          <>
            {live.status?.configured ? (
              <button type="button" className="primary" onClick={runFirstSync} disabled={firstSync.busy}>
                Run first full sync
              </button>
            ) : null}
            <button type="button" onClick={onDone} disabled={firstSync.busy}>
              Open the dashboard
            </button>
          </>
        )}
        {save.busy ? <Spinner label="Saving…" /> : null}
        {firstSync.busy ? <Spinner label="Starting the first sync…" /> : null}
      </div>
    </form>
  );
}
