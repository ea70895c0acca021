import type { SeriesPoint } from './types';

/** Rows for recharts from the series: one per bucket with a short label; route counts flattened to `route:<name>`. */
export interface ChartRow {
  label: string;
  at: string;
  automated: number;
  assisted: number;
  unresolved: number;
  pending: number;
  p50?: number;
  p95?: number;
  thumbsUp: number;
  thumbsDown: number;
  corrections: number;
  learned: number;
  [route: `route:${string}`]: number;
}

export function bucketLabel(at: string, interval: 'hour' | 'day'): string {
  const date = new Date(at);
  const day = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
  return interval === 'hour' ? `${day.slice(5)} ${String(date.getUTCHours()).padStart(2, '0')}:00` : day;
}

/** The routes present anywhere in the series, busiest first. */
export function routesOf(points: SeriesPoint[]): string[] {
  const totals = new Map<string, number>();
  for (const point of points) {
    for (const [route, count] of Object.entries(point.routes)) totals.set(route, (totals.get(route) ?? 0) + count);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([route]) => route);
}

export function chartRows(points: SeriesPoint[], interval: 'hour' | 'day'): ChartRow[] {
  const routes = routesOf(points);
  return points.map((p) => {
    const row: ChartRow = {
      label: bucketLabel(p.at, interval),
      at: p.at,
      automated: p.automated,
      assisted: p.assisted,
      unresolved: p.unresolved,
      pending: p.pending,
      p50: p.latencyP50Ms,
      p95: p.latencyP95Ms,
      thumbsUp: p.thumbsUp,
      thumbsDown: p.thumbsDown,
      corrections: p.corrections,
      learned: p.learnedAnswersUsed,
    };
    for (const route of routes) row[`route:${route}`] = p.routes[route] ?? 0;
    return row;
  });
}
