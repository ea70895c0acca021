import { applyHandoff, queueFrom, type QueueEntry } from './queue';
import { mergeTranscript } from './transcript';
import type { Agent, CorrectionApplied, HandoffDetail, HandoffView, TranscriptItem } from './types';

/** The handoff the agent has open, with its live transcript. */
export interface OpenConversation {
  view: HandoffView;
  transcript: TranscriptItem[];
  notes: string;
  customerTypingUntil: number;
}

export interface HubState {
  me: Agent;
  queue: QueueEntry[];
  conversation: OpenConversation | null;
  /** New customer messages per handoff the agent does not have open. */
  unread: Record<number, number>;
  corrections: CorrectionApplied[];
  notice: string | null;
}

export type HubAction =
  | { type: 'queueLoaded'; views: HandoffView[]; now: number }
  | { type: 'handoffChanged'; view: HandoffView; now: number }
  | { type: 'conversationOpened'; detail: HandoffDetail; now: number }
  | { type: 'conversationClosed' }
  /** `provisional`: the agent's own reply before the server's copy; never replaces that copy. */
  | { type: 'transcriptItem'; handoffId: number; item: TranscriptItem; fromCustomer: boolean; provisional?: boolean }
  | { type: 'customerTyping'; handoffId: number; until: number }
  | { type: 'correctionApplied'; correction: CorrectionApplied }
  | { type: 'notice'; text: string | null };

export function initialHubState(me: Agent): HubState {
  return { me, queue: [], conversation: null, unread: {}, corrections: [], notice: null };
}

function describeLoss(view: HandoffView, me: Agent): string | null {
  if (view.state === 'assigned' && view.assignedTo !== me.username) {
    return `${view.assignedToName ?? view.assignedTo ?? 'Someone else'} took over this conversation.`;
  }
  if (view.outcome === 'timed_out') return 'Nobody took this conversation in time; the bot has it again.';
  if (view.outcome === 'customer_left') return 'The customer left the conversation.';
  return null;
}

export function hubReducer(state: HubState, action: HubAction): HubState {
  switch (action.type) {
    case 'queueLoaded':
      return { ...state, queue: queueFrom(action.views, state.me, action.now) };

    case 'handoffChanged': {
      const queue = applyHandoff(state.queue, action.view, state.me, action.now);
      const open = state.conversation;
      if (!open || open.view.id !== action.view.id) return { ...state, queue };
      const wasMine = open.view.assignedTo === state.me.username && open.view.state === 'assigned';
      const notice = wasMine ? describeLoss(action.view, state.me) : null;
      return {
        ...state,
        queue,
        conversation: { ...open, view: { ...open.view, ...action.view } },
        notice: notice ?? state.notice,
      };
    }

    case 'conversationOpened': {
      const { transcript, notes, ...view } = action.detail;
      const same = state.conversation?.view.id === view.id ? state.conversation : null;
      const { [view.id]: _read, ...unread } = state.unread;
      return {
        ...state,
        queue: applyHandoff(state.queue, view, state.me, action.now),
        unread,
        notice: same ? state.notice : null,
        conversation: {
          view,
          transcript: mergeTranscript(same?.transcript ?? [], transcript ?? []),
          notes: notes ?? '',
          customerTypingUntil: same?.customerTypingUntil ?? 0,
        },
      };
    }

    case 'conversationClosed':
      return { ...state, conversation: null, notice: null };

    case 'transcriptItem': {
      const open = state.conversation;
      if (open && open.view.id === action.handoffId) {
        if (action.provisional && open.transcript.some((i) => i.id === action.item.id)) return state;
        return {
          ...state,
          conversation: {
            ...open,
            transcript: mergeTranscript(open.transcript, [action.item]),
            customerTypingUntil: action.fromCustomer ? 0 : open.customerTypingUntil,
          },
        };
      }
      if (!action.fromCustomer) return state;
      return { ...state, unread: { ...state.unread, [action.handoffId]: (state.unread[action.handoffId] ?? 0) + 1 } };
    }

    case 'customerTyping': {
      const open = state.conversation;
      if (!open || open.view.id !== action.handoffId) return state;
      return { ...state, conversation: { ...open, customerTypingUntil: action.until } };
    }

    case 'correctionApplied':
      return { ...state, corrections: [...state.corrections.slice(-19), action.correction] };

    case 'notice':
      return { ...state, notice: action.text };
  }
}
