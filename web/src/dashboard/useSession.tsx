import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { detectSession, rememberApiKey, signInWithPassword, signOut, type Session } from './auth';
import { SignIn } from './SignIn';

export type SessionState = {
  /** The signed-in session, or null/undefined while there is none yet. */
  session: Session | null | undefined;
  /** What to show instead of the page while there is no session: "Loading…" or the sign-in form. */
  gate: ReactElement | null;
  /** Signs out and shows the sign-in form. */
  signOut: () => void;
  /** The host refused the session (401/403): forget it and show the sign-in form with `message`. */
  refuse: (message: string) => void;
};

/** The session of the dashboard and admin pages (hub account or admin API key, see auth.ts) and its sign-in form. */
export function useSession(title?: string): SessionState {
  const [session, setSession] = useState<Session | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void detectSession().then((s) => setSession(s ?? null));
  }, []);

  const signOutNow = useCallback(() => {
    if (session) void signOut(session).then(() => setSession(null));
  }, [session]);
  const refuse = useCallback((message: string) => {
    if (session) void signOut(session);
    setError(message);
    setSession(null);
  }, [session]);
  let gate: ReactElement | null = null;
  if (session === undefined) gate = <p className="loading">Loading…</p>;
  else if (session === null) {
    gate = (
      <SignIn
        title={title}
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
  return { session, gate, signOut: signOutNow, refuse };
}
