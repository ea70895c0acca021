import { HandoffActions } from './HandoffActions';
import type { OpenConversation } from './hubState';
import { customerName, reasonLabel, routeLabel, stateLabel } from './labels';
import { NoteField } from './NoteField';
import { ReplyBox } from './ReplyBox';
import { TranscriptList } from './TranscriptList';
import type { Agent, CorrectionApplied, HandoffView } from './types';
import type { HubActions } from './useAgentHub';
import { useNow } from './useNow';

export interface ConversationViewProps {
  me: Agent;
  conversation: OpenConversation;
  corrections: CorrectionApplied[];
  actions: HubActions;
}

/** The open handoff: transcript, live typing, the reply box, notes and what to do with the handoff. */
export function ConversationView({ me, conversation, corrections, actions }: ConversationViewProps) {
  const { view, transcript, notes, customerTypingUntil } = conversation;
  const now = useNow(1_000);
  const name = customerName(view);
  const active = view.state === 'assigned' && view.assignedTo === me.username;
  const typing = active && customerTypingUntil > now;

  return (
    <section className="hub-conversation" aria-labelledby="conversation-title" data-testid="conversation" data-handoff-id={view.id}>
      <header className="hub-conversation__header">
        <div>
          <h2 id="conversation-title">{name}</h2>
          <p className="hub-conversation__meta">
            <span className="hub-chip">{routeLabel(view.route)}</span>
            {view.reasons.map((r) => (
              <span key={r} className="hub-chip hub-chip--reason">
                {reasonLabel(r)}
              </span>
            ))}
            <span className="hub-conversation__state" data-testid="conversation-state">
              {stateLabel(view, me.username)}
            </span>
          </p>
        </div>
        <button type="button" className="hub-button hub-button--quiet" onClick={actions.close} aria-label="Close conversation view">
          Close
        </button>
      </header>
      {view.summary ? <p className="hub-conversation__summary">{view.summary}</p> : null}
      {view.customerMessage ? (
        <p className="hub-conversation__summary">
          Message left while nobody was free: <q>{view.customerMessage}</q>
        </p>
      ) : null}

      <div className="hub-conversation__body">
        <div className="hub-conversation__chat">
          <TranscriptList customer={name} items={transcript} corrections={corrections} onTeach={actions.teach} />
          <p className="hub-typing" role="status" aria-live="polite" data-testid="customer-typing">
            {typing ? `${name} is typing…` : ''}
          </p>
          {active ? (
            <ReplyBox key={view.id} agentName={me.displayName} onSend={actions.reply} onTyping={actions.typing} />
          ) : (
            <div className="hub-conversation__closed">
              <p>{readOnlyReason(view, me.username)}</p>
              {view.state === 'queued' ? (
                <button type="button" className="hub-button hub-button--primary" onClick={() => actions.take(view.id).catch(() => undefined)}>
                  Take over
                </button>
              ) : null}
            </div>
          )}
        </div>
        <aside className="hub-conversation__side" aria-label="Handoff details">
          <NoteField key={view.id} initial={notes} disabled={!active} onSave={actions.saveNote} />
          {active ? <HandoffActions key={view.id} onResolve={actions.resolve} onRelease={actions.release} onTransfer={actions.transfer} /> : null}
        </aside>
      </div>
    </section>
  );
}

function readOnlyReason(view: HandoffView, me: string): string {
  if (view.state === 'queued') return 'Take this conversation over to reply.';
  if (view.state === 'assigned' && view.assignedTo !== me) return `${view.assignedToName ?? view.assignedTo ?? 'A colleague'} has this conversation.`;
  return 'This conversation is closed.';
}
