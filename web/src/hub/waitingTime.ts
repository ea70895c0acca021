/** "just now", "45 s", "3 min", "1 h 05 min": short enough for a queue card, exact enough to triage. */
export function formatWaiting(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * Seconds waited now, from the server's `waitingSeconds` at the moment the view arrived plus the
 * time since: no dependence on the agent's clock agreeing with the server's.
 */
export function waitingSecondsAt(waitingSeconds: number, receivedAt: number, now: number): number {
  return Math.max(0, waitingSeconds + Math.floor(Math.max(0, now - receivedAt) / 1000));
}

/** Clock time for a transcript line, e.g. "14:05". Empty for an unreadable timestamp. */
export function formatClock(timestamp: string, locale?: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
