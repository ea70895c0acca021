/**
 * The handoff card without the facts the hub shows live itself: the card's "Waiting" is a snapshot
 * taken when the view was built, next to the ticking waiting time it would contradict.
 */
export function withoutSnapshotFacts(card: Record<string, unknown>, titles: readonly string[] = ['Waiting']): Record<string, unknown> {
  const drop = new Set(titles.map((t) => t.toLowerCase()));
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value === null || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(o)) copy[key] = clean(v);
    if (o['type'] === 'FactSet' && Array.isArray(o['facts'])) {
      copy['facts'] = o['facts'].filter(
        (f) => !(f !== null && typeof f === 'object' && typeof (f as Record<string, unknown>)['title'] === 'string' &&
          drop.has(((f as Record<string, unknown>)['title'] as string).toLowerCase())),
      );
    }
    return copy;
  };
  return clean(card) as Record<string, unknown>;
}

/** The card without a first TextBlock that only repeats `heading` (the queue card's own title). */
export function withoutRepeatedHeading(card: Record<string, unknown>, heading: string): Record<string, unknown> {
  const body = card['body'];
  if (!Array.isArray(body) || body.length === 0) return card;
  const first = body[0] as Record<string, unknown> | null;
  const repeats = first !== null && typeof first === 'object' && first['type'] === 'TextBlock' &&
    typeof first['text'] === 'string' && first['text'].trim() === heading.trim();
  return repeats ? { ...card, body: body.slice(1) } : card;
}
