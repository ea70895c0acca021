import { HandoffCard } from './HandoffCard';
import type { QueueEntry } from './queue';
import type { Agent } from './types';

export interface QueueListProps {
  me: Agent;
  queue: QueueEntry[];
  unread: Record<number, number>;
  openId: number | null;
  onTake: (id: number) => Promise<void>;
  onOpen: (id: number) => Promise<void>;
}

interface Section {
  key: string;
  title: string;
  entries: QueueEntry[];
}

export function QueueList({ me, queue, unread, openId, onTake, onOpen }: QueueListProps) {
  const mine = queue.filter((e) => e.view.state === 'assigned' && e.view.assignedTo === me.username);
  const waiting = queue.filter((e) => e.view.state === 'queued');
  const colleagues = queue.filter((e) => e.view.state === 'assigned' && e.view.assignedTo !== me.username);
  const sections: Section[] = [
    { key: 'mine', title: 'Your conversations', entries: mine },
    { key: 'waiting', title: 'Waiting', entries: waiting },
    { key: 'colleagues', title: 'With colleagues', entries: colleagues },
  ];

  return (
    <aside className="hub-queue" aria-label="Handoff queue" data-testid="queue">
      <h1 className="hub-queue__title">
        Queue <span className="hub-count">{waiting.length} waiting</span>
      </h1>
      {sections
        .filter((s) => s.entries.length > 0 || s.key === 'waiting')
        .map((section) => (
          <section key={section.key} aria-labelledby={`queue-${section.key}`} className="hub-queue__section">
            <h2 id={`queue-${section.key}`}>{section.title}</h2>
            {section.entries.length === 0 ? (
              <p className="hub-empty">Nobody is waiting. New handoffs appear here as they come in.</p>
            ) : (
              <ul className="hub-queue__list">
                {section.entries.map((entry) => (
                  <li key={entry.view.id}>
                    <HandoffCard
                      me={me}
                      entry={entry}
                      unread={unread[entry.view.id] ?? 0}
                      isOpen={entry.view.id === openId}
                      onTake={onTake}
                      onOpen={onOpen}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </aside>
  );
}
