import { useState } from 'react';
import type { FormEvent } from 'react';
import { Field } from '../components/common.js';

/** Token login: shown in a browser when the address had no #token= and none is kept for this tab. */
export function LoginScreen({
  refused,
  needsAddress,
  onLogin,
}: {
  refused: boolean;
  needsAddress: boolean;
  onLogin: (token: string, address?: string) => void;
}) {
  const [token, setToken] = useState('');
  const [address, setAddress] = useState('http://127.0.0.1:');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^.*#token=/, '');
    if (!trimmed) return setError('Paste the access token printed by infoplus-sync serve.');
    onLogin(trimmed, needsAddress ? address.trim() : undefined);
  };
  return (
    <main className="login">
      <h1>Infoplus ERP Sync</h1>
      <form onSubmit={submit} className="card" aria-labelledby="login-title">
        <h2 id="login-title">Sign in</h2>
        {refused ? (
          <p className="note note-error" role="alert">
            The sync service refused that token. It changes each time the service starts: use the address it
            printed last.
          </p>
        ) : (
          <p>
            Open the address that <code>infoplus-sync serve</code> printed, or paste its token (the part after{' '}
            <code>#token=</code>).
          </p>
        )}
        {needsAddress ? (
          <Field id="login-address" label="Server address">
            <input id="login-address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </Field>
        ) : null}
        <Field id="login-token" label="Access token" error={error}>
          <input
            id="login-token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </Field>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}
