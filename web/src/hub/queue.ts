import { isOpen, type Agent, type HandoffView } from './types';

/** A handoff in the queue with the moment its view arrived (for the ticking waiting time). */
export interface QueueEntry {
  view: HandoffView;
  receivedAt: number;
}

/**
 * Whether `me` should see the handoff in the queue: admins see every open one; agents see queued
 * handoffs of their groups or requested for them, and the ones assigned to them.
 */
export function isVisibleTo(view: HandoffView, me: Agent): boolean {
  if (!isOpen(view)) return false;
  if (me.role === 'admin') return true;
  if (view.assignedTo === me.username) return true;
  if (view.state !== 'queued') return false;
  if (view.requestedAgent) return view.requestedAgent === me.username;
  return view.group !== null && me.groups.includes(view.group);
}

/** Mine first (oldest take first), then the waiting ones (longest wait first), then colleagues'. */
function rank(view: HandoffView, me: Agent): number {
  if (view.state === 'assigned' && view.assignedTo === me.username) return 0;
  if (view.state === 'queued') return 1;
  return 2;
}

function sortQueue(entries: QueueEntry[], me: Agent): QueueEntry[] {
  return entries.sort(
    (a, b) =>
      rank(a.view, me) - rank(b.view, me) ||
      Date.parse(a.view.createdAt) - Date.parse(b.view.createdAt) ||
      a.view.id - b.view.id,
  );
}

/** The queue as GetQueue returned it (replaces everything: used on connect and reconnect). */
export function queueFrom(views: readonly HandoffView[], me: Agent, now: number): QueueEntry[] {
  return sortQueue(
    views.filter((v) => isVisibleTo(v, me)).map((view) => ({ view, receivedAt: now })),
    me,
  );
}

/** The queue after one handoff changed: added, replaced or dropped (closed, or taken by a colleague). */
export function applyHandoff(queue: readonly QueueEntry[], view: HandoffView, me: Agent, now: number): QueueEntry[] {
  const rest = queue.filter((e) => e.view.id !== view.id);
  return isVisibleTo(view, me) ? sortQueue([...rest, { view, receivedAt: now }], me) : rest;
}
