import { useState, type FormEvent } from 'react';
import type { Session } from '../dashboard/auth';
import { AdminApiError, upload, type UploadResult } from './adminApi';

type Props = { session: Session; onUploaded: () => void; onRefused: (message: string) => void };

/** Uploads Markdown, HTML, text, PDF or FAQ (CSV/JSON) files; shows each file's outcome or the problem that kept it out. */
export function UploadForm({ session, onUploaded, onRefused }: Props) {
  const [files, setFiles] = useState<FileList | null>(null);
  const [result, setResult] = useState<UploadResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await upload(session, files));
      onUploaded();
    } catch (e) {
      if (e instanceof AdminApiError && (e.status === 401 || e.status === 403)) onRefused('Admins only: sign in as an admin.');
      else setError(e instanceof Error ? e.message : 'Upload failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Add or update articles</h2>
      <form onSubmit={(e) => void submit(e)} className="inline-form">
        <label className="grow">
          Files (.md, .html, .txt, .pdf, FAQ .csv/.json)
          <input type="file" name="files" multiple onChange={(e) => setFiles(e.target.files)} />
        </label>
        <button type="submit" disabled={busy}>{busy ? 'Uploading…' : 'Upload'}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <div role="status">
          <p>{result.created} created, {result.updated} updated, {result.unchanged} unchanged, {result.failed} failed.</p>
          <ul>
            {result.files.map((f) => (
              <li key={f.name}>
                {f.name}: {f.problem ? <span className="error">{f.problem.detail ?? f.problem.title}</span>
                  : (f.documents ?? []).map((d) => `${d.title ?? d.source} (${d.outcome})`).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
