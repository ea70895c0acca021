import type { TranscriptItem } from './types';

function time(item: TranscriptItem): number {
  const t = Date.parse(item.timestamp);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The transcript with `incoming` merged in: one entry per id (a later copy replaces an earlier one,
 * so the server's echo of an agent reply replaces the local copy), ordered by timestamp, arrival
 * order kept for equal timestamps.
 */
export function mergeTranscript(existing: readonly TranscriptItem[], incoming: readonly TranscriptItem[]): TranscriptItem[] {
  if (incoming.length === 0) return existing as TranscriptItem[];
  const byId = new Map<string, { item: TranscriptItem; order: number }>();
  let order = 0;
  for (const item of [...existing, ...incoming]) {
    const previous = byId.get(item.id);
    byId.set(item.id, { item, order: previous?.order ?? order++ });
  }
  return [...byId.values()]
    .sort((a, b) => time(a.item) - time(b.item) || a.order - b.order)
    .map((entry) => entry.item);
}

/** Bot messages that answered a question: the ones an agent can correct ("Teach the bot"). */
export function isTeachable(item: TranscriptItem): boolean {
  return item.from === 'bot' && Boolean(item.answer?.question);
}
