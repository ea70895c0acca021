import { useState } from 'react';
import { useSession } from '../dashboard/useSession';
import { DocumentList } from './DocumentList';
import { SearchPlayground } from './SearchPlayground';
import { UploadForm } from './UploadForm';

/** The knowledge-base admin page: search playground (opened with ?q= from the dashboard's gaps), upload, documents. */
export function App() {
  const { session, gate, signOut, refuse } = useSession('Knowledge base admin');
  const [revision, setRevision] = useState(0);
  if (!session) return gate;
  return (
    <div className="admin">
      <header className="admin-header">
        <h1>Knowledge base</h1>
        <nav>
          <a href="/dashboard">Dashboard</a> · <a href="/hub">Agent hub</a> ·{' '}
          <button type="button" className="link" onClick={signOut}>Sign out</button>
        </nav>
      </header>
      <SearchPlayground session={session} initial={new URLSearchParams(window.location.search).get('q') ?? ''} onRefused={refuse} />
      <UploadForm session={session} onUploaded={() => setRevision((r) => r + 1)} onRefused={refuse} />
      <DocumentList session={session} revision={revision} onRefused={refuse} />
    </div>
  );
}
