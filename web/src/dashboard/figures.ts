/** Formatting and period-over-period change of the headline figures. Pure functions. */

export type Trend = 'up' | 'down' | 'flat' | 'new';

export interface Change {
  trend: Trend;
  /** Relative change in percent (rounded), undefined when the previous value was 0 or missing. */
  percent?: number;
  /** Whether the change is good news for this figure (more automation: good; more escalation: bad). */
  good?: boolean;
}

/** The change from `previous` to `current`; `higherIsBetter` says which direction is good news. */
export function change(current: number | undefined, previous: number | undefined, higherIsBetter: boolean): Change {
  if (current === undefined) return { trend: 'flat' };
  if (previous === undefined || previous === 0) {
    return current === 0 || previous === undefined ? { trend: 'flat' } : { trend: 'new', good: higherIsBetter };
  }
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return { trend: 'flat', percent: 0 };
  const percent = Math.round((delta / Math.abs(previous)) * 100);
  const trend: Trend = delta > 0 ? 'up' : 'down';
  return { trend, percent, good: (delta > 0) === higherIsBetter };
}

export function formatPercent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${(rate * 100).toFixed(rate * 100 >= 10 || rate === 0 ? 0 : 1)}%`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function formatChange(c: Change): string {
  switch (c.trend) {
    case 'new':
      return 'new';
    case 'flat':
      return c.percent === 0 ? '±0%' : '';
    default:
      return `${c.percent! > 0 ? '+' : ''}${c.percent}%`;
  }
}

/** A readable outcome label. */
export function outcomeLabel(outcome: string): string {
  const labels: Record<string, string> = {
    automated_confirmed: 'Automated (confirmed)',
    automated_assumed: 'Automated (assumed)',
    assisted: 'Assisted',
    unresolved: 'Unresolved',
    pending: 'Pending',
  };
  return labels[outcome] ?? outcome;
}
