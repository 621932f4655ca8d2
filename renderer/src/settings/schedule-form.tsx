import { TOUCHPOINTS, TOUCHPOINT_LABELS } from '../contract.js';
import type { TouchpointName } from '../contract.js';
import { Field, describedBy } from '../components/common.js';
import { readCron } from './cron.js';
import type { ScheduleDraft, SchedulesDraft } from './drafts.js';
import type { FieldErrors } from './field-errors.js';

function ScheduleRow({
  tp,
  draft,
  onChange,
  errors,
}: {
  tp: TouchpointName;
  draft: ScheduleDraft;
  onChange: (next: ScheduleDraft) => void;
  errors: FieldErrors;
}) {
  const label = TOUCHPOINT_LABELS[tp];
  const reading = draft.mode === 'cron' ? readCron(draft.cron) : null;
  const cronError = errors[`schedules.${tp}.cron`] ?? (reading && !reading.ok ? reading.error : undefined);
  const intervalError = errors[`schedules.${tp}.intervalMinutes`];
  const cronId = `schedule-${tp}-cron`;
  const intervalId = `schedule-${tp}-interval`;
  return (
    <fieldset className="schedule-row">
      <legend>{label}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => onChange({ ...draft, enabled: e.target.checked })}
          aria-label={`Run ${label} on a schedule`}
        />
        Run on a schedule
      </label>
      <Field
        id={`schedule-${tp}-mode`}
        label={
          <>
            Schedule type<span className="visually-hidden"> of {label}</span>
          </>
        }
      >
        <select
          id={`schedule-${tp}-mode`}
          value={draft.mode}
          onChange={(e) => onChange({ ...draft, mode: e.target.value as 'cron' | 'interval' })}
        >
          <option value="interval">Every N minutes</option>
          <option value="cron">Cron expression</option>
        </select>
      </Field>
      {draft.mode === 'cron' ? (
        <Field
          id={cronId}
          label={
            <>
              Cron expression<span className="visually-hidden"> for {label}</span>
            </>
          }
          error={cronError}
          hint={reading?.ok ? <span className="cron-reading">{reading.text}</span> : undefined}
        >
          <input
            id={cronId}
            value={draft.cron}
            spellCheck={false}
            onChange={(e) => onChange({ ...draft, cron: e.target.value })}
            {...describedBy(cronId, cronError, reading?.ok)}
          />
        </Field>
      ) : (
        <Field
          id={intervalId}
          label={
            <>
              Minutes between runs<span className="visually-hidden"> of {label}</span>
            </>
          }
          error={intervalError}
        >
          <input
            id={intervalId}
            inputMode="numeric"
            value={draft.intervalMinutes}
            onChange={(e) => onChange({ ...draft, intervalMinutes: e.target.value })}
            {...describedBy(intervalId, intervalError)}
          />
        </Field>
      )}
    </fieldset>
  );
}

/** A schedule per touchpoint (cron read out in words, or an interval) and optional quiet hours. */
export function ScheduleForm({
  draft,
  onChange,
  errors,
}: {
  draft: SchedulesDraft;
  onChange: (next: SchedulesDraft) => void;
  errors: FieldErrors;
}) {
  return (
    <fieldset className="form-section">
      <legend>Schedules</legend>
      <div className="schedule-grid">
        {TOUCHPOINTS.map((tp) => (
          <ScheduleRow
            key={tp}
            tp={tp}
            draft={draft.schedules[tp]}
            errors={errors}
            onChange={(next) => onChange({ ...draft, schedules: { ...draft.schedules, [tp]: next } })}
          />
        ))}
      </div>
      <fieldset className="schedule-row">
        <legend>Quiet hours</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.quiet}
            onChange={(e) => onChange({ ...draft, quiet: e.target.checked })}
          />
          Hold scheduled runs during quiet hours (people working in the ERP are not disturbed)
        </label>
        {draft.quiet ? (
          <div className="grid-2">
            <Field id="quiet-start" label="Quiet from" error={errors['quietHours.start']}>
              <input
                id="quiet-start"
                type="time"
                value={draft.quietStart}
                onChange={(e) => onChange({ ...draft, quietStart: e.target.value })}
                {...describedBy('quiet-start', errors['quietHours.start'])}
              />
            </Field>
            <Field id="quiet-end" label="Quiet until" error={errors['quietHours.end']}>
              <input
                id="quiet-end"
                type="time"
                value={draft.quietEnd}
                onChange={(e) => onChange({ ...draft, quietEnd: e.target.value })}
                {...describedBy('quiet-end', errors['quietHours.end'])}
              />
            </Field>
          </div>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
