import { useEffect, useState } from 'react';
import { detectSession, rememberApiKey, signInWithPassword, signOut, type Session } from './auth';
import { Dashboard } from './Dashboard';
import { filtersFromSearch } from './query';
import { SignIn } from './SignIn';

/** Signs in (hub account or API key, see auth.ts), then shows the dashboard for the period in the URL (or the last 7 days). */
export function App() {
  const [session, setSession] = useState<Session | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void detectSession().then((s) => setSession(s ?? null));
  }, []);

  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) {
    return (
      <SignIn
        onPassword={(username, password) => {
          setError(undefined);
          void signInWithPassword(username, password)
            .then((s) => (s ? setSession(s) : setError('Wrong user name or password.')))
            .catch(() => setError('The host could not be reached. Try again.'));
        }}
        onKey={(key) => { setError(undefined); setSession(rememberApiKey(key)); }}
        error={error}
      />
    );
  }
  return (
    <Dashboard
      session={session}
      initial={filtersFromSearch(window.location.search, new Date())}
      onSignOut={() => { void signOut(session).then(() => setSession(null)); }}
      onUnauthorized={() => { void signOut(session); setError('Your sign-in was refused or has expired: sign in again.'); setSession(null); }}
    />
  );
}
