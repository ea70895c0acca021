import type { HandoffView, Speaker } from './types';

const REASONS: Record<string, string> = {
  asks_for_human: 'Asked for a person',
  low_confidence: 'Bot was unsure',
  negative_sentiment: 'Customer is upset',
  repeated_question: 'Asked again',
  negative_feedback: 'Disliked an answer',
  sensitive_topic: 'Sensitive topic',
};

/** "some_reason" → "Some reason", unless there are better words for it. */
export function reasonLabel(reason: string): string {
  const known = REASONS[reason];
  if (known) return known;
  const words = reason.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : reason;
}

export function routeLabel(route: string | null): string {
  return route ? route[0]!.toUpperCase() + route.slice(1) : 'Unrouted';
}

/** The customer's name, else "Customer" and the end of their user id (as the handoff card says). */
export function customerName(view: Pick<HandoffView, 'userName' | 'userId'>): string {
  const name = view.userName?.trim();
  if (name) return name;
  const id = view.userId?.trim() ?? '';
  return id ? `Customer ${id.length <= 8 ? id : id.slice(-8)}` : 'Customer';
}

export function speakerLabel(from: Speaker, name: string | null, customer: string): string {
  switch (from) {
    case 'customer':
      return customer;
    case 'bot':
      return 'Bot';
    case 'agent':
      return name?.trim() || 'Agent';
    case 'system':
      return 'Notice';
  }
}

/** One line on where a handoff stands, for the conversation header. */
export function stateLabel(view: Pick<HandoffView, 'state' | 'outcome' | 'assignedToName' | 'assignedTo'>, me: string): string {
  switch (view.state) {
    case 'queued':
      return 'Waiting in the queue';
    case 'assigned':
      return view.assignedTo === me ? 'With you' : `With ${view.assignedToName ?? view.assignedTo ?? 'a colleague'}`;
    case 'resolved':
      return 'Resolved';
    case 'released':
      if (view.outcome === 'timed_out') return 'Back with the bot (nobody took it in time)';
      if (view.outcome === 'customer_left') return 'The customer left';
      return 'Back with the bot';
  }
}
