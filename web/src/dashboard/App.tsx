import { useEffect, useState } from 'react';
import { detectSession, forgetApiKey, rememberApiKey, type Session } from './auth';
import { Dashboard } from './Dashboard';
import { filtersFromSearch } from './query';
import { SignIn } from './SignIn';

/** Signs in (cookie or API key, see auth.ts), then shows the dashboard for the period in the URL (or the last 7 days). */
export function App() {
  const [session, setSession] = useState<Session | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void detectSession().then((s) => setSession(s ?? null));
  }, []);

  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) return <SignIn onKey={(key) => { setError(undefined); setSession(rememberApiKey(key)); }} error={error} />;
  return (
    <Dashboard
      session={session}
      initial={filtersFromSearch(window.location.search, new Date())}
      onSignOut={() => { forgetApiKey(); setSession(null); }}
      onUnauthorized={() => { forgetApiKey(); setError('That key was refused: sign in again.'); setSession(null); }}
    />
  );
}
