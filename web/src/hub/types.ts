/** Wire shapes of the agent hub contract (REST and SignalR, camelCase JSON). */

export type HandoffState = 'queued' | 'assigned' | 'resolved' | 'released';

export type HandoffOutcome = 'resolved' | 'released' | 'timed_out' | 'customer_left';

export type Speaker = 'customer' | 'bot' | 'agent' | 'system';

export interface AnswerInfo {
  question: string;
  route: string | null;
}

export interface TranscriptItem {
  id: string;
  from: Speaker;
  name: string | null;
  text: string;
  timestamp: string;
  answer?: AnswerInfo | null;
}

export interface HandoffView {
  id: number;
  conversationId: string;
  userId: string | null;
  userName: string | null;
  channelId: string | null;
  route: string | null;
  group: string | null;
  reasons: string[];
  summary: string;
  state: HandoffState;
  outcome: HandoffOutcome | null;
  assignedTo: string | null;
  assignedToName: string | null;
  createdAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  waitingSeconds: number;
  lastMessages?: TranscriptItem[];
  card?: Record<string, unknown> | null;
  /** The colleague a transfer asked for (queued for them only). */
  requestedAgent?: string | null;
  /** What the customer left while nobody was free. */
  customerMessage?: string | null;
}

export interface HandoffDetail extends HandoffView {
  transcript: TranscriptItem[];
  notes: string | null;
}

export type AgentRole = 'admin' | 'agent';

export interface Agent {
  username: string;
  displayName: string;
  role: AgentRole;
  groups: string[];
}

export interface TeachResult {
  learnedAnswerId: number;
}

export interface CorrectionApplied {
  learnedAnswerId: number;
  question: string;
}

/** Routes the bot knows; a correction names the one the question belongs to. */
export const ROUTES = ['technical', 'billing', 'general'] as const;

export type Route = (typeof ROUTES)[number];

export function isOpen(view: Pick<HandoffView, 'state'>): boolean {
  return view.state === 'queued' || view.state === 'assigned';
}
