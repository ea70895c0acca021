import { describe, expect, it } from 'vitest';
import { applyHandoff, isVisibleTo, queueFrom } from './queue';
import { admin, dana, handoff } from './testData';

describe('isVisibleTo', () => {
  it('shows an agent the queued handoffs of their groups, not of others', () => {
    expect(isVisibleTo(handoff({ group: 'billing' }), dana)).toBe(true);
    expect(isVisibleTo(handoff({ group: 'technical' }), dana)).toBe(false);
  });

  it('shows an agent a handoff requested for them or assigned to them, in any group', () => {
    expect(isVisibleTo(handoff({ group: 'technical', requestedAgent: 'dana' }), dana)).toBe(true);
    expect(isVisibleTo(handoff({ group: 'technical', state: 'assigned', assignedTo: 'dana' }), dana)).toBe(true);
  });

  it('hides from an agent what a colleague took or was asked for', () => {
    expect(isVisibleTo(handoff({ state: 'assigned', assignedTo: 'eve' }), dana)).toBe(false);
    expect(isVisibleTo(handoff({ requestedAgent: 'eve' }), dana)).toBe(false);
  });

  it('shows admins every open handoff and nobody a closed one', () => {
    expect(isVisibleTo(handoff({ group: 'technical', state: 'assigned', assignedTo: 'eve' }), admin)).toBe(true);
    expect(isVisibleTo(handoff({ state: 'resolved', outcome: 'resolved' }), admin)).toBe(false);
    expect(isVisibleTo(handoff({ state: 'released', outcome: 'timed_out' }), dana)).toBe(false);
  });
});

describe('queue', () => {
  it('lists mine first, then the longest waiting, then colleagues', () => {
    const views = [
      handoff({ id: 1, createdAt: '2026-11-24T03:05:00Z' }),
      handoff({ id: 2, state: 'assigned', assignedTo: 'eve', createdAt: '2026-11-24T02:00:00Z' }),
      handoff({ id: 3, createdAt: '2026-11-24T03:01:00Z' }),
      handoff({ id: 4, state: 'assigned', assignedTo: 'admin', createdAt: '2026-11-24T03:09:00Z' }),
    ];
    expect(queueFrom(views, admin, 0).map((e) => e.view.id)).toEqual([4, 3, 1, 2]);
  });

  it('adds, replaces and drops one handoff', () => {
    let queue = queueFrom([handoff({ id: 1 })], dana, 0);
    queue = applyHandoff(queue, handoff({ id: 2, createdAt: '2026-11-24T02:59:00Z' }), dana, 5);
    expect(queue.map((e) => e.view.id)).toEqual([2, 1]);
    expect(queue[0]!.receivedAt).toBe(5);

    queue = applyHandoff(queue, handoff({ id: 1, state: 'assigned', assignedTo: 'dana' }), dana, 6);
    expect(queue.map((e) => `${e.view.id}:${e.view.state}`)).toEqual(['1:assigned', '2:queued']);

    queue = applyHandoff(queue, handoff({ id: 2, state: 'assigned', assignedTo: 'eve' }), dana, 7);
    expect(queue.map((e) => e.view.id)).toEqual([1]);

    queue = applyHandoff(queue, handoff({ id: 1, state: 'resolved', outcome: 'resolved', assignedTo: 'dana' }), dana, 8);
    expect(queue).toEqual([]);
  });
});
