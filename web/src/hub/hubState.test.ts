import { describe, expect, it } from 'vitest';
import { hubReducer, initialHubState, type HubState } from './hubState';
import { dana, handoff, item } from './testData';
import type { HandoffDetail } from './types';

function detail(overrides: Partial<HandoffDetail> = {}): HandoffDetail {
  return { ...handoff({ state: 'assigned', assignedTo: 'dana', assignedToName: 'Dana Agent' }), transcript: [], notes: null, ...overrides };
}

function opened(d: HandoffDetail = detail()): HubState {
  return hubReducer(initialHubState(dana), { type: 'conversationOpened', detail: d, now: 0 });
}

describe('hubReducer', () => {
  it('opens a conversation with its transcript and notes, and clears its unread count', () => {
    let state = hubReducer(initialHubState(dana), {
      type: 'transcriptItem', handoffId: 1, item: item('m1', '2026-11-24T03:00:00Z'), fromCustomer: true,
    });
    expect(state.unread[1]).toBe(1);
    state = hubReducer(state, { type: 'conversationOpened', detail: detail({ transcript: [item('m1', '2026-11-24T03:00:00Z')], notes: 'vip' }), now: 0 });
    expect(state.conversation?.transcript.map((i) => i.id)).toEqual(['m1']);
    expect(state.conversation?.notes).toBe('vip');
    expect(state.unread[1]).toBeUndefined();
    expect(state.queue.map((e) => e.view.id)).toEqual([1]);
  });

  it('keeps live items when the same conversation is loaded again (reconnect)', () => {
    let state = opened(detail({ transcript: [item('m1', '2026-11-24T03:00:00Z')] }));
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 1, item: item('m2', '2026-11-24T03:00:09Z'), fromCustomer: true });
    state = hubReducer(state, { type: 'conversationOpened', detail: detail({ transcript: [item('m1', '2026-11-24T03:00:00Z')] }), now: 0 });
    expect(state.conversation?.transcript.map((i) => i.id)).toEqual(['m1', 'm2']);
  });

  it('adds live items to the open conversation once, and a customer message ends the typing indicator', () => {
    let state = opened();
    state = hubReducer(state, { type: 'customerTyping', handoffId: 1, until: 5_000 });
    expect(state.conversation?.customerTypingUntil).toBe(5_000);
    const message = item('m1', '2026-11-24T03:00:00Z');
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 1, item: message, fromCustomer: true });
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 1, item: message, fromCustomer: false });
    expect(state.conversation?.transcript).toEqual([message]);
    expect(state.conversation?.customerTypingUntil).toBe(0);
  });

  it('does not let the local copy of a reply replace the server copy', () => {
    let state = opened();
    const server = item('r1', '2026-11-24T03:00:00Z', { from: 'agent', name: 'Dana Agent', text: 'hello' });
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 1, item: server, fromCustomer: false });
    const local = { ...server, name: null, timestamp: '2026-11-24T03:00:02Z' };
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 1, item: local, fromCustomer: false, provisional: true });
    expect(state.conversation?.transcript).toEqual([server]);
  });

  it('ignores typing for conversations that are not open and counts only customer messages as unread', () => {
    let state = opened();
    const before = state;
    state = hubReducer(state, { type: 'customerTyping', handoffId: 9, until: 5_000 });
    expect(state).toBe(before);
    state = hubReducer(state, { type: 'transcriptItem', handoffId: 9, item: item('b', '2026-11-24T03:00:00Z', { from: 'bot' }), fromCustomer: false });
    expect(state.unread[9]).toBeUndefined();
  });

  it('tells the agent when a colleague took the open conversation', () => {
    let state = opened();
    state = hubReducer(state, {
      type: 'handoffChanged', view: handoff({ state: 'assigned', assignedTo: 'eve', assignedToName: 'Eve' }), now: 0,
    });
    expect(state.notice).toBe('Eve took over this conversation.');
    expect(state.conversation?.view.assignedTo).toBe('eve');
    expect(state.queue).toEqual([]);
  });

  it('says nothing when the agent resolved the conversation themselves', () => {
    let state = opened();
    state = hubReducer(state, {
      type: 'handoffChanged', view: handoff({ state: 'resolved', outcome: 'resolved', assignedTo: 'dana' }), now: 0,
    });
    expect(state.notice).toBeNull();
    expect(state.conversation?.view.state).toBe('resolved');
  });

  it('keeps the last twenty corrections', () => {
    let state = initialHubState(dana);
    for (let i = 0; i < 25; i++) {
      state = hubReducer(state, { type: 'correctionApplied', correction: { learnedAnswerId: i, question: `q${i}` } });
    }
    expect(state.corrections).toHaveLength(20);
    expect(state.corrections.at(-1)?.learnedAnswerId).toBe(24);
  });
});
