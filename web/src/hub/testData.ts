import type { Agent, HandoffView, TranscriptItem } from './types';

/** Builders for the hub's unit tests. */
export function handoff(overrides: Partial<HandoffView> = {}): HandoffView {
  return {
    id: 1,
    conversationId: 'conv-1',
    userId: 'dl_user',
    userName: 'Ann',
    channelId: 'directline',
    route: 'billing',
    group: 'billing',
    reasons: ['asks_for_human'],
    summary: 'Wants a refund',
    state: 'queued',
    outcome: null,
    assignedTo: null,
    assignedToName: null,
    createdAt: '2026-11-24T03:00:00Z',
    assignedAt: null,
    closedAt: null,
    waitingSeconds: 10,
    ...overrides,
  };
}

export function item(id: string, timestamp: string, overrides: Partial<TranscriptItem> = {}): TranscriptItem {
  return { id, from: 'customer', name: null, text: `text ${id}`, timestamp, answer: null, ...overrides };
}

export const dana: Agent = { username: 'dana', displayName: 'Dana Agent', role: 'agent', groups: ['billing'] };

export const admin: Agent = { username: 'admin', displayName: 'Admin', role: 'admin', groups: [] };
