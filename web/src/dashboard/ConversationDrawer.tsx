import { useEffect, useState } from 'react';
import { loadConversation } from './api';
import type { Session } from './auth';
import { formatMs, outcomeLabel } from './figures';
import type { ConversationDetail } from './types';

/** One conversation: the (redacted) transcript, and what the agents decided for each bot reply. */
export function ConversationDrawer({ session, id, onClose }: { session: Session; id: string; onClose: () => void }) {
  const [detail, setDetail] = useState<ConversationDetail>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDetail(undefined);
    loadConversation(session, id).then(setDetail, (e: Error) => setError(e.message));
  }, [session, id]);
  return (
    <aside className="drawer" data-testid="conversation-drawer" aria-label="Conversation">
      <button type="button" className="close" onClick={onClose} aria-label="Close">×</button>
      <h3>Conversation {id}</h3>
      {error && <p className="error">{error}</p>}
      {detail && (
        <>
          <p>
            <span className={`outcome ${detail.summary.outcome}`}>{outcomeLabel(detail.summary.outcome)}</span> · route {detail.summary.route ?? '–'}
            {detail.handoffs.map((h) => <span key={h.id}> · handoff {h.state}{h.assignedTo ? ` (${h.assignedTo})` : ''}: {h.reasons.join(', ')}</span>)}
          </p>
          <h4>Transcript</h4>
          <ol className="transcript" data-testid="transcript">
            {detail.transcript.length === 0 && <li className="empty">No transcript stored for this channel.</li>}
            {detail.transcript.map((line) => (
              <li key={line.id} className={line.from}>
                <span className="who">{line.from}</span> {line.text ?? (line.hasAttachments ? '[card]' : '')}
              </li>
            ))}
          </ol>
          <h4>Trace</h4>
          <table className="trace" data-testid="trace">
            <thead>
              <tr><th>Question</th><th>Route</th><th>Intent</th><th>Conf.</th><th>Source</th><th>Escalated</th><th>Router</th><th>Search</th><th>Escal.</th><th>Response</th><th>Total</th></tr>
            </thead>
            <tbody>
              {detail.turns.map((t, i) => (
                <tr key={t.replyActivityId ?? i}>
                  <td>{t.question ?? ''}</td><td>{t.route ?? '–'}</td><td>{t.intent ?? '–'}</td><td>{t.confidence.toFixed(2)}</td>
                  <td>{t.answerSource}{t.learnedAnswerId ? ` #${t.learnedAnswerId}` : ''}</td>
                  <td>{t.escalated ? t.reasons.join(', ') || 'yes' : ''}</td>
                  <td>{formatMs(t.routerMs)}</td><td>{formatMs(t.searchMs)}</td><td>{formatMs(t.escalationMs)}</td><td>{formatMs(t.responseMs)}</td><td>{formatMs(t.latencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.feedback.length > 0 && (
            <>
              <h4>Feedback</h4>
              <ul>
                {detail.feedback.map((f, i) => <li key={i}>{f.rating === 1 ? '👍' : f.rating === -1 ? '👎' : ''} {f.comment ?? ''}</li>)}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  );
}
