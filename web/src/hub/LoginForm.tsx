import { useId, useState, type FormEvent } from 'react';
import { ApiError, login } from './api';
import type { Agent } from './types';

export interface LoginFormProps {
  message?: string | undefined;
  onSignedIn: (agent: Agent) => void;
}

export function LoginForm({ message, onSignedIn }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(username.trim(), password));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Signing in did not work. Try again.');
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main className="hub-login">
      <form className="hub-login__form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="login-form">
        <div className="hub-brand">
          <span className="hub-brand__mark" aria-hidden="true">N</span>
          <span>Northwind Cloud</span>
        </div>
        <h1 id={`${id}-title`}>Agent hub sign-in</h1>
        {message && !error ? <p className="hub-login__message">{message}</p> : null}
        <label htmlFor={`${id}-user`}>User name</label>
        <input
          id={`${id}-user`}
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p className="hub-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="hub-button hub-button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
