import type { ReactNode } from 'react';
import { ApiCallError, errorText } from '../bridge/index.js';

/** A busy indicator with words, announced politely to screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** An error message in plain words, announced when it appears. */
export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined || error === '') return null;
  const text = typeof error === 'string' ? error : errorText(error);
  const code = error instanceof ApiCallError ? error.code : null;
  return (
    // The machine code stays out of the sentence (people read the words); it is kept for support as a tooltip.
    <div className="note note-error" role="alert" title={code && code !== 'validation' ? code : undefined}>
      {title ? <strong>{title}: </strong> : null}
      {text}
    </div>
  );
}

/** A success or information line next to the button that produced it. */
export function Note({ kind, children }: { kind: 'ok' | 'info' | 'warn'; children: ReactNode }) {
  return (
    <div className={`note note-${kind}`} role="status">
      {children}
    </div>
  );
}

/** A labelled form row with an optional error shown beside the control. */
export function Field({
  id,
  label,
  error,
  hint,
  wide,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** Takes a whole row of a form grid (URLs and paths are longer than one column). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its hint and error texts for assistive technology. */
export function describedBy(id: string, error?: string, hint?: unknown): Record<string, string | boolean> {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true } : {}) };
}

/** A date/time in the user's locale, or a dash. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString();
}

/** "3 min ago" / "in 5 min" for a timestamp. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return iso;
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [ms, unit] of units) {
    if (abs >= ms || unit === 'second') return rtf.format(Math.round(diff / ms), unit);
  }
  return iso;
}

const STATUS_TEXT: Record<string, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  partial: 'Partly failed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  idle: 'Idle',
  paused: 'Paused',
  error: 'Error',
  disabled: 'Disabled',
  open: 'Open',
  retrying: 'Retrying',
  skipped: 'Skipped',
  resolved: 'Resolved',
};

/** A coloured badge that always carries its meaning in words too. */
export function Badge({ value }: { value: string }) {
  return <span className={`badge badge-${value}`}>{STATUS_TEXT[value] ?? value}</span>;
}

/** A screen's title (focus lands on it after navigation) with the screen's actions beside it. */
export function ScreenHead({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="screen-head">
      <h1 id={id} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** A table's header row: one column heading per name. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
