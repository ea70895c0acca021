import { useId, useState, type FormEvent } from 'react';

export interface ResolveFormProps {
  onResolve: (note: string | null) => Promise<void>;
  onCancel: () => void;
}

export function ResolveForm({ onResolve, onCancel }: ResolveFormProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onResolve(note.trim() || null);
    } catch {
      setBusy(false);
    }
  };

  return (
    <form className="hub-inline-form" onSubmit={submit} data-testid="resolve-form">
      <label htmlFor={`${id}-note`}>Resolution note (optional)</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      <p className="hub-hint">The customer is asked how it went, then the bot takes over again.</p>
      <div className="hub-form-actions">
        <button type="submit" className="hub-button hub-button--primary" disabled={busy}>
          {busy ? 'Resolving…' : 'Resolve conversation'}
        </button>
        <button type="button" className="hub-button hub-button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
