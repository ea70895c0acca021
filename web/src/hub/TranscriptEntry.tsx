import { useState } from 'react';
import { speakerLabel } from './labels';
import { TeachForm } from './TeachForm';
import { isTeachable } from './transcript';
import type { CorrectionApplied, TeachResult, TranscriptItem } from './types';
import { formatClock } from './waitingTime';

export interface TranscriptEntryProps {
  item: TranscriptItem;
  customer: string;
  corrections: CorrectionApplied[];
  onTeach: (question: string, answer: string, route: string, activityId: string | null) => Promise<TeachResult>;
}

/** One message. Text is a React text node: whatever a customer typed shows literally. */
export function TranscriptEntry({ item, customer, corrections, onTeach }: TranscriptEntryProps) {
  const [teaching, setTeaching] = useState(false);
  const who = speakerLabel(item.from, item.name, customer);
  const teachable = isTeachable(item);

  return (
    <li className={`hub-message hub-message--${item.from}`} data-testid="transcript-item" data-from={item.from} data-id={item.id}>
      <div className="hub-message__meta">
        <span className="hub-message__who">{who}</span>
        <time dateTime={item.timestamp}>{formatClock(item.timestamp)}</time>
      </div>
      <p className="hub-message__text" data-testid="message-text">
        {item.text}
      </p>
      {teachable && !teaching ? (
        <button type="button" className="hub-link" onClick={() => setTeaching(true)} aria-expanded={false}>
          Teach the bot
        </button>
      ) : null}
      {teachable && teaching && item.answer ? (
        <TeachForm
          activityId={item.id}
          question={item.answer.question}
          botAnswer={item.text}
          route={item.answer.route ?? 'general'}
          corrections={corrections}
          onTeach={onTeach}
          onClose={() => setTeaching(false)}
        />
      ) : null}
    </li>
  );
}
