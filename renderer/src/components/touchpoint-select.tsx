import { TOUCHPOINTS, TOUCHPOINT_LABELS } from '../contract.js';
import type { TouchpointName } from '../contract.js';

/** A labelled touchpoint filter with an "all" choice. */
export function TouchpointSelect({
  id,
  value,
  onChange,
  label = 'Touchpoint',
  choices = TOUCHPOINTS,
}: {
  id: string;
  value: TouchpointName | '';
  onChange: (value: TouchpointName | '') => void;
  label?: string;
  /** The touchpoints offered (all by default). */
  choices?: readonly TouchpointName[];
}) {
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as TouchpointName | '')}>
        <option value="">All touchpoints</option>
        {choices.map((tp) => (
          <option key={tp} value={tp}>
            {TOUCHPOINT_LABELS[tp]}
          </option>
        ))}
      </select>
    </div>
  );
}
