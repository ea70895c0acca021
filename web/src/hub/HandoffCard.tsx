import { useMemo, useState } from 'react';
import { AdaptiveCardView } from './AdaptiveCardView';
import { withoutRepeatedHeading, withoutSnapshotFacts } from './cardContent';
import { customerName, reasonLabel, routeLabel, stateLabel } from './labels';
import type { QueueEntry } from './queue';
import type { Agent } from './types';
import { WaitingTime } from './WaitingTime';

export interface HandoffCardProps {
  me: Agent;
  entry: QueueEntry;
  unread: number;
  isOpen: boolean;
  onTake: (id: number) => Promise<void>;
  onOpen: (id: number) => Promise<void>;
}

/** One handoff in the queue: who, why, how long, the bot's card, and what the agent can do. */
export function HandoffCard({ me, entry, unread, isOpen, onTake, onOpen }: HandoffCardProps) {
  const { view, receivedAt } = entry;
  const [busy, setBusy] = useState(false);
  const name = customerName(view);
  const titleId = `handoff-${view.id}-title`;
  const mine = view.state === 'assigned' && view.assignedTo === me.username;
  const card = useMemo(() => (view.card ? withoutRepeatedHeading(withoutSnapshotFacts(view.card), name) : null), [view.card, name]);

  const act = (action: (id: number) => Promise<void>) => {
    setBusy(true);
    action(view.id)
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <article
      className={`hub-card${isOpen ? ' hub-card--open' : ''}`}
      aria-labelledby={titleId}
      data-testid="handoff-card"
      data-handoff-id={view.id}
      data-state={view.state}
    >
      <header className="hub-card__header">
        <h3 id={titleId} className="hub-card__title">
          {name}
          {unread > 0 ? <span className="hub-badge" aria-label={`${unread} new messages`}>{unread}</span> : null}
        </h3>
        {view.state === 'queued' ? (
          <WaitingTime waitingSeconds={view.waitingSeconds} receivedAt={receivedAt} />
        ) : (
          <span className="hub-card__state">{stateLabel(view, me.username)}</span>
        )}
      </header>
      <p className="hub-card__meta">
        <span className="hub-chip" title="Route">{routeLabel(view.route)}</span>
        {view.group !== view.route ? <span className="hub-chip hub-chip--muted" title="Group">{routeLabel(view.group)} team</span> : null}
        {view.reasons.map((reason) => (
          <span key={reason} className="hub-chip hub-chip--reason">
            {reasonLabel(reason)}
          </span>
        ))}
      </p>
      {view.requestedAgent === me.username && view.state === 'queued' ? <p className="hub-card__note">Transferred to you</p> : null}
      {view.customerMessage ? (
        <p className="hub-card__note">
          Message left: <q>{view.customerMessage}</q>
        </p>
      ) : null}
      {card ? (
        <AdaptiveCardView card={card} fallback={view.summary} />
      ) : (
        <p className="hub-card__summary">{view.summary}</p>
      )}
      <div className="hub-card__actions">
        {view.state === 'queued' ? (
          <button
            type="button"
            className="hub-button hub-button--primary"
            disabled={busy}
            onClick={() => act(onTake)}
            aria-describedby={titleId}
          >
            {busy ? 'Taking over…' : 'Take over'}
          </button>
        ) : null}
        {mine && !isOpen ? (
          <button type="button" className="hub-button" disabled={busy} onClick={() => act(onOpen)} aria-describedby={titleId}>
            Open conversation
          </button>
        ) : null}
        {!mine && view.state === 'assigned' ? (
          <button type="button" className="hub-button hub-button--quiet" disabled={busy} onClick={() => act(onOpen)} aria-describedby={titleId}>
            View
          </button>
        ) : null}
      </div>
    </article>
  );
}
