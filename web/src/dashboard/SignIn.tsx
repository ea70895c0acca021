import { useState, type FormEvent } from 'react';

/** Asks for the admin API key (until the hub's cookie sign-in is deployed). */
export function SignIn({ onKey, error }: { onKey: (key: string) => void; error?: string }) {
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return (
    <form className="signin" onSubmit={submit} data-testid="signin">
      <h1>Support analytics</h1>
      <p>Agents and admins only. Enter the admin API key; it is kept for this browser tab only.</p>
      <label>
        API key
        <input type="password" name="apiKey" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" autoFocus />
      </label>
      <button type="submit">Sign in</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
