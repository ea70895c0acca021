import { useEffect, useState } from 'react';
import { detectSession, rememberApiKey, signInWithPassword, signOut, type Session } from '../dashboard/auth';
import { SignIn } from '../dashboard/SignIn';
import { DocumentList } from './DocumentList';
import { SearchPlayground } from './SearchPlayground';
import { UploadForm } from './UploadForm';

/** The knowledge-base admin page: search playground (opened with ?q= from the dashboard's gaps), upload, documents. */
export function App() {
  const [session, setSession] = useState<Session | null>();
  const [error, setError] = useState<string>();
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    void detectSession().then((s) => setSession(s ?? null));
  }, []);

  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) {
    return (
      <SignIn
        title="Knowledge base admin"
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
  const refused = (message: string) => {
    void signOut(session);
    setError(message);
    setSession(null);
  };
  return (
    <div className="admin">
      <header className="admin-header">
        <h1>Knowledge base</h1>
        <nav>
          <a href="/dashboard">Dashboard</a> · <a href="/hub">Agent hub</a> ·{' '}
          <button type="button" className="link" onClick={() => void signOut(session).then(() => setSession(null))}>Sign out</button>
        </nav>
      </header>
      <SearchPlayground session={session} initial={new URLSearchParams(window.location.search).get('q') ?? ''} onRefused={refused} />
      <UploadForm session={session} onUploaded={() => setRevision((r) => r + 1)} onRefused={refused} />
      <DocumentList session={session} revision={revision} onRefused={refused} />
    </div>
  );
}
