import { useEffect, useId, useMemo, useState } from 'react';
import { debounce } from './throttle';

const SAVE_DELAY_MS = 800;

export interface NoteFieldProps {
  initial: string;
  disabled: boolean;
  onSave: (note: string) => Promise<void>;
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved: will retry on the next change',
};

/** Internal notes on the handoff (never shown to the customer), saved as the agent pauses typing. */
export function NoteField({ initial, disabled, onSave }: NoteFieldProps) {
  const [note, setNote] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const id = useId();

  const save = useMemo(
    () =>
      debounce((text: string) => {
        setSaveState('saving');
        onSave(text).then(
          () => setSaveState('saved'),
          () => setSaveState('failed'),
        );
      }, SAVE_DELAY_MS),
    [onSave],
  );
  useEffect(() => () => save.flush(), [save]);

  return (
    <div className="hub-note">
      <label htmlFor={`${id}-note`}>Internal note</label>
      <textarea
        id={`${id}-note`}
        rows={4}
        value={note}
        disabled={disabled}
        placeholder="Only agents see this."
        aria-describedby={`${id}-state`}
        onChange={(e) => {
          setNote(e.target.value);
          setSaveState('pending');
          save(e.target.value);
        }}
        data-testid="note-input"
      />
      <span id={`${id}-state`} className="hub-note__state" aria-live="polite">
        {SAVE_TEXT[saveState]}
      </span>
    </div>
  );
}
