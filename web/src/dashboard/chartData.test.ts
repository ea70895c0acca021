import { describe, expect, it } from 'vitest';
import { bucketLabel, chartRows, routesOf } from './chartData';
import type { SeriesPoint } from './types';

const point = (at: string, routes: Record<string, number>): SeriesPoint => ({
  at, conversations: 2, automated: 1, assisted: 0, unresolved: 1, pending: 0, turns: 3, latencyP50Ms: 80, latencyP95Ms: 200,
  handoffs: 0, thumbsUp: 1, thumbsDown: 0, corrections: 0, learnedAnswersUsed: 0, routes,
});

describe('chartRows', () => {
  it('flattens the route mix so every row has every route', () => {
    const points = [point('2026-01-10T00:00:00Z', { billing: 2 }), point('2026-01-11T00:00:00Z', { technical: 5, billing: 1 })];
    expect(routesOf(points)).toEqual(['technical', 'billing']);
    const rows = chartRows(points, 'day');
    expect(rows.map((r) => r.label)).toEqual(['2026-01-10', '2026-01-11']);
    expect(rows[0]!['route:technical']).toBe(0);
    expect(rows[0]!['route:billing']).toBe(2);
    expect(rows[1]!.p95).toBe(200);
  });

  it('labels hourly buckets with the UTC hour', () => {
    expect(bucketLabel('2026-01-10T07:00:00Z', 'hour')).toBe('01-10 07:00');
  });
});
