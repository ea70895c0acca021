import { useLayoutEffect, useRef } from 'react';
import { TranscriptEntry } from './TranscriptEntry';
import type { CorrectionApplied, TeachResult, TranscriptItem } from './types';

export interface TranscriptListProps {
  customer: string;
  items: TranscriptItem[];
  corrections: CorrectionApplied[];
  onTeach: (question: string, answer: string, route: string, activityId: string | null) => Promise<TeachResult>;
}

/** The whole conversation, oldest first; follows new messages while the agent is at the bottom. */
export function TranscriptList({ customer, items, corrections, onTeach }: TranscriptListProps) {
  const scroller = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [items]);

  return (
    <ol
      ref={scroller}
      className="hub-transcript"
      role="log"
      aria-live="polite"
      aria-label="Conversation transcript"
      data-testid="transcript"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {items.length === 0 ? <li className="hub-empty">No messages yet.</li> : null}
      {items.map((item) => (
        <TranscriptEntry key={item.id} item={item} customer={customer} corrections={corrections} onTeach={onTeach} />
      ))}
    </ol>
  );
}
