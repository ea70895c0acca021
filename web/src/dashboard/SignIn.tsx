import { useState, type FormEvent } from 'react';

type Props = {
  title?: string;
  onPassword: (username: string, password: string) => void;
  onKey: (key: string) => void;
  error?: string;
};

/** Signs in with a hub account (agents and admins), or with the admin API key. */
export function SignIn({ title = 'Support analytics', onPassword, onKey, error }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() && password) onPassword(username.trim(), password);
  };
  const submitKey = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return (
    <main className="signin" data-testid="signin">
      <h1>{title}</h1>
      <p>Agents and admins only.</p>
      <form onSubmit={submitPassword} aria-label="Sign in with your account">
        <label>
          User name
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus />
        </label>
        <label>
          Password
          <input type="password" name="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <form onSubmit={submitKey} aria-label="Sign in with the admin API key">
        <p>Or use the admin API key; it is kept for this browser tab only.</p>
        <label>
          API key
          <input type="password" name="apiKey" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit">Use the key</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </main>
  );
}
