import { useEffect, useState, type FormEvent } from 'react';
import type { Session } from '../dashboard/auth';
import { AdminApiError, listCategories, search, type Category, type SearchResult } from './adminApi';

type Props = { session: Session; initial: string; onRefused: (message: string) => void };

/** Asks the knowledge base what the Search agent would ask it (optionally within one category), and shows the ranked passages with their scores. */
export function SearchPlayground({ session, initial, onRefused }: Props) {
  const [query, setQuery] = useState(initial);
  const [category, setCategory] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [results, setResults] = useState<SearchResult[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    listCategories(session).then(setCategories, () => setCategories([]));
  }, [session]);

  const run = async (text: string, within = category) => {
    if (!text.trim()) return;
    setError(undefined);
    try {
      setResults(await search(session, text.trim(), within || undefined));
    } catch (e) {
      if (e instanceof AdminApiError && (e.status === 401 || e.status === 403)) onRefused('Admins only: sign in as an admin.');
      else setError(e instanceof Error ? e.message : 'Search failed.');
    }
  };
  useEffect(() => {
    if (initial) void run(initial);
    // Only the question the page was opened with runs by itself.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(query);
  };
  return (
    <section className="card" aria-labelledby="search-title">
      <h2 id="search-title">Search playground</h2>
      <form onSubmit={submit} className="inline-form">
        <label className="grow">
          Customer question
          <input name="q" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. how do i stop paying" />
        </label>
        <label>
          Category
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.name} value={c.name}>{c.name} ({c.documents})</option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {results && results.length === 0 && <p>No passage matches. This question is a gap: add an article or an FAQ entry that answers it.</p>}
      {results && results.length > 0 && (
        <table data-testid="search-results">
          <thead>
            <tr><th>#</th><th>Document</th><th>Passage</th><th>Fused</th><th>Vector</th><th>Text</th></tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={r.chunkId}>
                <td>{i + 1}</td>
                <td>{r.url ? <a href={r.url} target="_blank" rel="noreferrer">{r.title}</a> : r.title}<br /><small>#{r.documentId}{r.category ? ` · ${r.category}` : ''}</small></td>
                <td className="snippet">{r.snippet}</td>
                <td>{r.score.toFixed(3)}</td>
                <td>{r.vectorScore.toFixed(3)}</td>
                <td>{r.textScore.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
