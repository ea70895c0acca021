import { useId, useState, type FormEvent } from 'react';
import { routeLabel } from './labels';
import { ROUTES, type CorrectionApplied, type TeachResult } from './types';

export interface TeachFormProps {
  activityId: string;
  question: string;
  botAnswer: string;
  route: string;
  corrections: CorrectionApplied[];
  onTeach: (question: string, answer: string, route: string, activityId: string | null) => Promise<TeachResult>;
  onClose: () => void;
}

type Status = { kind: 'editing' } | { kind: 'saving' } | { kind: 'saved'; learnedAnswerId: number } | { kind: 'failed' };

/** A better answer for the question a bot message answered, stored as a correction the bot uses from now on. */
export function TeachForm({ activityId, question, botAnswer, route, corrections, onTeach, onClose }: TeachFormProps) {
  const [answer, setAnswer] = useState(botAnswer);
  const [chosenRoute, setChosenRoute] = useState(ROUTES.some((r) => r === route) ? route : 'general');
  const [status, setStatus] = useState<Status>({ kind: 'editing' });
  const id = useId();

  const applied =
    status.kind === 'saved' && corrections.some((c) => c.learnedAnswerId === status.learnedAnswerId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      const result = await onTeach(question, answer.trim(), chosenRoute, activityId);
      setStatus({ kind: 'saved', learnedAnswerId: result.learnedAnswerId });
    } catch {
      setStatus({ kind: 'failed' });
    }
  };

  if (status.kind === 'saved') {
    return (
      <div className="hub-teach hub-teach--done" role="status" data-testid="teach-confirmation">
        <p>
          {applied ? 'The bot will now answer this with your text.' : 'Saved. Waiting for the bot to confirm…'}
        </p>
        <button type="button" className="hub-link" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form className="hub-teach" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="teach-form">
      <h3 id={`${id}-title`} className="hub-teach__title">
        Teach the bot
      </h3>
      <p className="hub-teach__question">
        <span className="hub-teach__label">Question</span> {question}
      </p>
      <label htmlFor={`${id}-answer`}>Better answer</label>
      <textarea id={`${id}-answer`} rows={4} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <label htmlFor={`${id}-route`}>Route</label>
      <select id={`${id}-route`} value={chosenRoute} onChange={(e) => setChosenRoute(e.target.value)}>
        {ROUTES.map((r) => (
          <option key={r} value={r}>
            {routeLabel(r)}
          </option>
        ))}
      </select>
      {status.kind === 'failed' ? (
        <p className="hub-error" role="alert">
          The correction was not saved. Try again.
        </p>
      ) : null}
      <div className="hub-form-actions">
        <button type="submit" className="hub-button hub-button--primary" disabled={status.kind === 'saving' || !answer.trim()}>
          {status.kind === 'saving' ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="hub-button hub-button--quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
