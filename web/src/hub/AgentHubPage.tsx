import { ConversationView } from './ConversationView';
import { HubHeader } from './HubHeader';
import { NoticeBar } from './NoticeBar';
import { QueueList } from './QueueList';
import type { Agent } from './types';
import { useAgentHub } from './useAgentHub';

export interface AgentHubPageProps {
  me: Agent;
  onSignOut: () => void;
  onSignedOut: () => void;
}

/** The signed-in hub: queue on the left, the open conversation on the right. */
export function AgentHubPage({ me, onSignOut, onSignedOut }: AgentHubPageProps) {
  const { state, status, actions } = useAgentHub(me, onSignedOut);
  const openId = state.conversation?.view.id ?? null;

  return (
    <div className="hub-page">
      <HubHeader me={me} status={status} onSignOut={onSignOut} onReconnect={actions.reconnect} />
      <NoticeBar notice={state.notice} onDismiss={actions.dismissNotice} />
      <main className="hub-main">
        <QueueList
          me={me}
          queue={state.queue}
          unread={state.unread}
          openId={openId}
          onTake={actions.take}
          onOpen={actions.open}
        />
        {state.conversation ? (
          <ConversationView me={me} conversation={state.conversation} corrections={state.corrections} actions={actions} />
        ) : (
          <section className="hub-conversation hub-conversation--empty" aria-label="Conversation">
            <p>Take over a conversation from the queue to talk with the customer.</p>
          </section>
        )}
      </main>
    </div>
  );
}
