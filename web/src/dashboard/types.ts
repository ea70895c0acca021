/** Shapes of the analytics API (camelCase JSON; see docs/analytics.md). */

export interface Timing {
  count: number;
  average?: number;
  p50?: number;
  p95?: number;
}

export interface Summary {
  from: string;
  to: string;
  route?: string;
  assumedResolutionWindowHours: number;
  conversations: {
    total: number;
    automated: number;
    automatedConfirmed: number;
    automatedAssumed: number;
    assisted: number;
    unresolved: number;
    pending: number;
    escalated: number;
    automationRate: number;
    escalationRate: number;
  };
  bot: {
    turns: number;
    answers: number;
    declines: number;
    lowConfidenceTurns: number;
    thumbsUp: number;
    thumbsDown: number;
    thumbsUpRatio?: number;
    firstResponseMs: Timing;
    latencyMs: Record<string, Timing>;
  };
  human: {
    handoffs: number;
    queued: number;
    assigned: number;
    resolved: number;
    released: number;
    waitSeconds: Timing;
    handlingSeconds: Timing;
    satisfactionScore?: number;
    satisfactionResponses: number;
  };
  learning: { corrections: number; learnedAnswersUsed: number; learnedThumbsUp: number; learnedThumbsDown: number };
  previous?: Summary;
}

export interface SeriesPoint {
  at: string;
  conversations: number;
  automated: number;
  assisted: number;
  unresolved: number;
  pending: number;
  turns: number;
  latencyP50Ms?: number;
  latencyP95Ms?: number;
  handoffs: number;
  thumbsUp: number;
  thumbsDown: number;
  corrections: number;
  learnedAnswersUsed: number;
  routes: Record<string, number>;
}

export interface Series {
  interval: 'hour' | 'day';
  points: SeriesPoint[];
}

export interface CountItem {
  key: string;
  count: number;
}

export interface RouteItem {
  route: string;
  conversations: number;
  automated: number;
  assisted: number;
  unresolved: number;
  escalated: number;
  turns: number;
}

export interface AgentItem {
  agent: string;
  handoffs: number;
  resolved: number;
  waitSeconds: Timing;
  handlingSeconds: Timing;
  satisfactionScore?: number;
}

export interface Breakdowns {
  escalationReasons: CountItem[];
  routes: RouteItem[];
  outcomes: CountItem[];
  answerSources: CountItem[];
  intents: CountItem[];
  agents: AgentItem[];
}

export interface KnowledgeGap {
  label: string;
  count: number;
  reasons: Record<string, number>;
  routes: string[];
  examples: string[];
  conversationIds: string[];
  lastAt: string;
  adminUrl: string;
}

export interface Gaps {
  questions: number;
  groups: KnowledgeGap[];
}

export interface ConversationSummary {
  conversationId: string;
  channelId?: string;
  startedAt: string;
  lastAt: string;
  route?: string;
  outcome: string;
  turns: number;
  handoffs: number;
  thumbsUp: number;
  thumbsDown: number;
  satisfaction?: number;
  firstQuestion?: string;
}

export interface ConversationPage {
  total: number;
  page: number;
  pageSize: number;
  items: ConversationSummary[];
}

export interface TurnTrace {
  replyActivityId?: string;
  createdAt: string;
  question?: string;
  route?: string;
  confidence: number;
  intent?: string;
  escalated: boolean;
  reasons: string[];
  answerSource: string;
  learnedAnswerId?: number;
  latencyMs: number;
  routerMs?: number;
  searchMs?: number;
  escalationMs?: number;
  responseMs?: number;
}

export interface ConversationDetail {
  summary: ConversationSummary;
  transcript: { id: string; from: 'customer' | 'bot'; text?: string; timestamp: string; hasAttachments: boolean }[];
  turns: TurnTrace[];
  handoffs: { id: number; state: string; outcome?: string; reasons: string[]; assignedTo?: string; createdAt: string }[];
  feedback: { answerActivityId?: string; rating?: number; comment?: string; createdAt: string }[];
}
