import type { ErpDriverName } from '../contract.js';
import { ErrorNote, Field, Note, Spinner, describedBy } from '../components/common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useAction } from '../hooks/use-async.js';
import { useState } from 'react';
import type { ConnectionTestResult } from '../contract.js';
import type { ErpDraft } from './drafts.js';
import { erpUpdateOf, validateErp } from './drafts.js';
import type { FieldErrors } from './field-errors.js';

const DRIVERS: readonly { value: ErpDriverName; label: string }[] = [
  { value: 'sqlserver', label: 'Microsoft SQL Server' },
  { value: 'postgres', label: 'PostgreSQL' },
  { value: 'mysql', label: 'MySQL / MariaDB' },
  { value: 'sqlite', label: 'SQLite file' },
];

/** ERP connection fields for the chosen driver, with Test connection. */
export function ErpForm({
  draft,
  onChange,
  errors,
}: {
  draft: ErpDraft;
  onChange: (next: ErpDraft) => void;
  errors: FieldErrors;
}) {
  const bridge = useBridge();
  const test = useAction();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const set = <K extends keyof ErpDraft>(key: K, value: ErpDraft[K]) => onChange({ ...draft, [key]: value });
  const err = (path: string) => errors[`erp.${path}`] ?? localErrors[`erp.${path}`];
  const input = (
    key: 'url' | 'server' | 'instance' | 'port' | 'database' | 'user' | 'domain',
    label: string,
    hint?: string,
  ) => {
    const id = `erp-${key}`;
    return (
      <Field id={id} label={label} error={err(key)} hint={hint} wide={key === 'url'}>
        <input
          id={id}
          value={draft[key]}
          inputMode={key === 'port' ? 'numeric' : undefined}
          onChange={(e) => set(key, e.target.value)}
          {...describedBy(id, err(key), hint)}
        />
      </Field>
    );
  };

  const runTest = () =>
    void test.run(async () => {
      setResult(null);
      const problems = validateErp(draft);
      setLocalErrors(problems);
      if (Object.keys(problems).length > 0) return;
      setResult(
        await bridge.testErpConnection({
          erp: erpUpdateOf(draft),
          ...(draft.password ? { password: draft.password } : {}),
        }),
      );
    });

  const passwordId = 'erp-password';
  return (
    <fieldset className="form-section">
      <legend>ERP database</legend>
      <Field id="erp-driver" label="Database type">
        <select
          id="erp-driver"
          value={draft.driver}
          onChange={(e) => set('driver', e.target.value as ErpDriverName)}
        >
          {DRIVERS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      {draft.driver === 'sqlserver' ? (
        <div className="grid-2">
          {input('server', 'Server', 'Host name or IP address of the SQL Server.')}
          {input(
            'instance',
            'Instance name',
            'Leave empty for the default instance. A named instance (SQL Server Express: SQLEXPRESS) is found ' +
              "through the SQL Server Browser service (UDP 1434); without it, give the instance's port instead.",
          )}
          {input(
            'port',
            'Port',
            'Leave empty for 1433, or when the instance is found through SQL Server Browser.',
          )}
          {input('database', 'Database')}
          <Field id="erp-authType" label="Authentication">
            <select
              id="erp-authType"
              value={draft.authType}
              onChange={(e) => set('authType', e.target.value as 'sql' | 'ntlm')}
            >
              <option value="sql">SQL Server login</option>
              <option value="ntlm">Windows (domain) login</option>
            </select>
          </Field>
          {draft.authType === 'ntlm' ? input('domain', 'Windows domain') : null}
          {input(
            'user',
            draft.authType === 'ntlm' ? 'Windows user name' : 'Login name',
            'A read-only login (SELECT on the ERP tables) is enough for sending to Infoplus; pulls write ' +
              'back and need INSERT/UPDATE (or EXECUTE) on their tables or procedures.',
          )}
        </div>
      ) : draft.driver === 'sqlite' ? (
        input('url', 'Database file', 'Full path of the .sqlite file on this computer.')
      ) : (
        <div className="grid-2">
          {input(
            'url',
            'Connection URL',
            draft.driver === 'postgres'
              ? 'e.g. postgres://erp_sync@dbhost:5432/erp (no password)'
              : 'e.g. mysql://erp_sync@dbhost:3306/erp (no password)',
          )}
        </div>
      )}
      {draft.driver !== 'sqlite' ? (
        <Field
          id={passwordId}
          label="Password"
          error={errors['secrets.erpPassword']}
          hint={
            draft.hasPassword
              ? 'A password is saved. Type a new one only to change it.'
              : 'Stored encrypted, never shown again.'
          }
        >
          <input
            id={passwordId}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            placeholder={draft.hasPassword ? 'saved' : ''}
            onChange={(e) => set('password', e.target.value)}
            {...describedBy(passwordId, errors['secrets.erpPassword'], true)}
          />
        </Field>
      ) : null}
      {draft.driver === 'sqlserver' ? (
        <div className="checks">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.encrypt}
              onChange={(e) => set('encrypt', e.target.checked)}
            />
            Encrypt the connection
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.trustServerCertificate}
              onChange={(e) => set('trustServerCertificate', e.target.checked)}
            />
            Trust the server certificate (self-signed)
          </label>
          <div className="hint" id="erp-trust-hint">
            SQL Server Express and a default install use a self-signed certificate: tick "Trust the server
            certificate" to accept it (the connection stays encrypted). Leave it off when the server has a
            certificate from a certificate authority this computer trusts.
          </div>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" onClick={runTest} disabled={test.busy}>
          Test ERP connection
        </button>
        {test.busy ? <Spinner label="Connecting to the ERP…" /> : null}
      </div>
      <ErrorNote error={test.error} title="ERP connection test failed" />
      {result ? (
        result.ok ? (
          <Note kind="ok">
            ERP connection works. {result.message}
            {result.serverInfo ? ` (${result.serverInfo})` : ''}
          </Note>
        ) : (
          <ErrorNote error={result.message} title="ERP connection failed" />
        )
      ) : null}
    </fieldset>
  );
}
