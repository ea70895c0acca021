/** The dashboard's filters: period presets, URL round trip and the API query string. Pure functions. */

export type Preset = '24h' | '7d' | '30d' | '90d';

export interface Filters {
  from: Date;
  to: Date;
  route: string;
}

export const PRESETS: Record<Preset, number> = { '24h': 1, '7d': 7, '30d': 30, '90d': 90 };
const DAY_MS = 24 * 3600 * 1000;

/** The last N days up to the next whole hour after `now` (so a period stays stable while polling within the hour). */
export function presetFilters(preset: Preset, now: Date, route = ''): Filters {
  const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return { from: new Date(to.getTime() - PRESETS[preset] * DAY_MS), to, route };
}

/** Filters from the page's query string (`?from=&to=&route=`), else the 7-day preset. */
export function filtersFromSearch(search: string, now: Date): Filters {
  const params = new URLSearchParams(search);
  const from = parseDate(params.get('from'));
  const to = parseDate(params.get('to'));
  const route = (params.get('route') ?? '').trim().toLowerCase();
  if (from && to && from < to) return { from, to, route };
  return presetFilters('7d', now, route);
}

export function toSearch(filters: Filters): string {
  const params = new URLSearchParams({ from: filters.from.toISOString(), to: filters.to.toISOString() });
  if (filters.route) params.set('route', filters.route);
  return params.toString();
}

/** The API query string for the filters plus extra parameters (empty ones left out). */
export function apiQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams(toSearch(filters));
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** Hourly buckets up to two days, daily beyond (the API's own default). */
export function intervalFor(filters: Filters): 'hour' | 'day' {
  return filters.to.getTime() - filters.from.getTime() <= 2 * DAY_MS ? 'hour' : 'day';
}

function parseDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
