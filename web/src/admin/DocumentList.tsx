import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../dashboard/auth';
import { AdminApiError, deleteDocument, listDocuments, type DocumentSummary } from './adminApi';

type Props = { session: Session; revision: number; onRefused: (message: string) => void };

/** The stored documents, fifty at a time, each deletable. */
export function DocumentList({ session, revision, onRefused }: Props) {
  const [items, setItems] = useState<DocumentSummary[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string>();

  const failed = useCallback((e: unknown) => {
    if (e instanceof AdminApiError && (e.status === 401 || e.status === 403)) onRefused('Admins only: sign in as an admin.');
    else setError(e instanceof Error ? e.message : 'The documents could not be loaded.');
  }, [onRefused]);

  useEffect(() => {
    listDocuments(session).then((page) => { setItems(page.items); setNext(page.next); }, failed);
  }, [session, revision, failed]);

  const more = () => {
    if (next === null) return;
    listDocuments(session, next).then((page) => { setItems((old) => [...old, ...page.items]); setNext(page.next); }, failed);
  };
  const remove = (doc: DocumentSummary) => {
    if (!window.confirm(`Delete "${doc.title}" and its ${doc.chunkCount} passages?`)) return;
    deleteDocument(session, doc.id).then(() => setItems((old) => old.filter((d) => d.id !== doc.id)), failed);
  };
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {error && <p className="error" role="alert">{error}</p>}
      <table data-testid="documents">
        <thead>
          <tr><th>Id</th><th>Title</th><th>Category</th><th>Passages</th><th>Source</th><th>Updated</th><th /></tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>{d.id}</td>
              <td>{d.url ? <a href={d.url} target="_blank" rel="noreferrer">{d.title}</a> : d.title}</td>
              <td>{d.category ?? '–'}</td>
              <td>{d.chunkCount}</td>
              <td><small>{d.source}</small></td>
              <td>{d.updatedAt.slice(0, 16).replace('T', ' ')}</td>
              <td><button type="button" onClick={() => remove(d)}>Delete</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {next !== null && <button type="button" onClick={more}>Show more</button>}
    </section>
  );
}
