import { useEffect, useState } from 'react';
import type { ApiVersion, ConnectionTestResult, NamedId } from '../contract.js';
import { ErrorNote, Field, Note, Spinner, describedBy } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useAction } from '../hooks/use-async.js';
import type { InfoplusDraft } from './drafts.js';
import { InfoplusCheck } from './infoplus-check.js';
import { infoplusUpdateOf, validateInfoplus } from './drafts.js';
import type { FieldErrors } from './field-errors.js';

function IdSelect({
  id,
  label,
  value,
  options,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly NamedId[] | undefined;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const hint = options ? undefined : 'Use Test Infoplus connection to load the choices.';
  const known = options?.some((o) => String(o.id) === value);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(id, error, hint)}
      >
        <option value="">Choose…</option>
        {value && !known ? (
          <option value={value}>
            {options
              ? `${value} (not visible to this API key)`
              : `${value} (name loads with Test connection)`}
          </option>
        ) : null}
        {options?.map((o) => (
          <option key={o.id} value={String(o.id)}>
            {o.name} (#{o.id})
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Infoplus tenant, API key, version, line of business and warehouse, rate limit, with Test connection. */
export function InfoplusForm({
  draft,
  onChange,
  errors,
}: {
  draft: InfoplusDraft;
  onChange: (next: InfoplusDraft) => void;
  errors: FieldErrors;
}) {
  const bridge = useBridge();
  const test = useAction();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const set = <K extends keyof InfoplusDraft>(key: K, value: InfoplusDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const err = (path: string) => errors[path] ?? localErrors[path];
  // The saved line of business and warehouse are shown by name: their lists are read once, quietly, on open.
  const [lists, setLists] = useState<ConnectionTestResult | null>(null);
  useEffect(() => {
    if (!draft.hasApiKey || (!draft.lobId && !draft.warehouseId)) return;
    if (Object.keys(validateInfoplus(draft)).length > 0) return;
    let live = true;
    bridge
      .testInfoplusConnection({ infoplus: infoplusUpdateOf(draft) })
      .then((answer) => {
        if (live && answer.ok) setLists(answer);
      })
      // Unreachable or refused: the ids stay, and Test Infoplus connection says why.
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only on open: later edits are tested with the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);
  const loaded = result?.ok ? result : lists;

  const runTest = () =>
    void test.run(async () => {
      setResult(null);
      const problems = validateInfoplus(draft);
      // The line of business and warehouse come from this very test, so they are not required yet.
      setLocalErrors(problems);
      if (Object.keys(problems).length > 0) return;
      const answer = await bridge.testInfoplusConnection({
        infoplus: infoplusUpdateOf(draft),
        ...(draft.apiKey ? { apiKey: draft.apiKey } : {}),
      });
      setResult(answer);
      // Pick the only choice when there is just one, the common small-business case.
      if (answer.ok) {
        const next = { ...draft };
        if (!draft.lobId && answer.linesOfBusiness?.length === 1)
          next.lobId = String(answer.linesOfBusiness[0]?.id);
        if (!draft.warehouseId && answer.warehouses?.length === 1)
          next.warehouseId = String(answer.warehouses[0]?.id);
        onChange(next);
      }
    });

  const keyHint = draft.hasApiKey
    ? 'An API key is saved. Type a new one only to change it.'
    : 'From Infoplus: Admin > API keys. Stored encrypted, never shown again.';
  return (
    <fieldset className="form-section">
      <legend>Infoplus</legend>
      <div className="radio-row" role="radiogroup" aria-label="How to reach Infoplus">
        <label className="check">
          <input
            type="radio"
            name="infoplus-target"
            checked={draft.target === 'domain'}
            onChange={() => set('target', 'domain')}
          />
          Infoplus tenant domain
        </label>
        <label className="check">
          <input
            type="radio"
            name="infoplus-target"
            checked={draft.target === 'baseUrl'}
            onChange={() => set('target', 'baseUrl')}
          />
          Custom address (proxy or simulator)
        </label>
      </div>
      <div className="grid-2">
        {draft.target === 'domain' ? (
          <Field
            id="infoplus-domain"
            label="Tenant domain"
            error={err('infoplus.domain')}
            hint="The part before .infopluswms.com"
          >
            <input
              id="infoplus-domain"
              value={draft.domain}
              onChange={(e) => set('domain', e.target.value)}
              {...describedBy('infoplus-domain', err('infoplus.domain'), true)}
            />
          </Field>
        ) : (
          <Field id="infoplus-baseUrl" label="Base URL" error={err('infoplus.baseUrl')} wide>
            <input
              id="infoplus-baseUrl"
              value={draft.baseUrl}
              onChange={(e) => set('baseUrl', e.target.value)}
              {...describedBy('infoplus-baseUrl', err('infoplus.baseUrl'))}
            />
          </Field>
        )}
        <Field
          id="infoplus-apiKey"
          label="API key"
          error={err('secrets.infoplusApiKey') ?? err('infoplus.apiKey')}
          hint={keyHint}
        >
          <input
            id="infoplus-apiKey"
            type="password"
            autoComplete="off"
            value={draft.apiKey}
            placeholder={draft.hasApiKey ? 'saved' : ''}
            onChange={(e) => set('apiKey', e.target.value)}
            {...describedBy('infoplus-apiKey', err('secrets.infoplusApiKey'), true)}
          />
        </Field>
        <Field id="infoplus-apiVersion" label="API version">
          <select
            id="infoplus-apiVersion"
            value={draft.apiVersion}
            onChange={(e) => set('apiVersion', e.target.value as ApiVersion)}
          >
            <option value="v3.0">v3.0 (stable)</option>
            <option value="beta">beta</option>
          </select>
        </Field>
        <Field
          id="infoplus-rps"
          label="Requests per second"
          error={err('infoplus.requestsPerSecond')}
          hint="Stay below your tenant's rate limit."
        >
          <input
            id="infoplus-rps"
            inputMode="decimal"
            value={draft.requestsPerSecond}
            onChange={(e) => set('requestsPerSecond', e.target.value)}
            {...describedBy('infoplus-rps', err('infoplus.requestsPerSecond'), true)}
          />
        </Field>
        <IdSelect
          id="infoplus-lob"
          label="Line of business"
          value={draft.lobId}
          options={loaded?.linesOfBusiness}
          onChange={(v) => set('lobId', v)}
          error={err('infoplus.lobId')}
        />
        <IdSelect
          id="infoplus-warehouse"
          label="Warehouse"
          value={draft.warehouseId}
          options={loaded?.warehouses}
          onChange={(v) => set('warehouseId', v)}
          error={err('infoplus.warehouseId')}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={runTest} disabled={test.busy}>
          Test Infoplus connection
        </button>
        {test.busy ? <Spinner label="Asking Infoplus…" /> : null}
      </div>
      <ErrorNote error={test.error} title="Infoplus connection test failed" />
      {result ? (
        result.ok ? (
          <Note kind="ok">Infoplus connection works. {result.message}</Note>
        ) : (
          <ErrorNote error={result.message} title="Infoplus connection failed" />
        )
      ) : null}
      <InfoplusCheck draft={draft} />
    </fieldset>
  );
}
