import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFromSearch, intervalFor, presetFilters, toSearch } from './query';

const now = new Date('2026-11-24T03:20:00Z');

describe('presetFilters', () => {
  it('ends at the next whole hour and goes back the preset number of days', () => {
    const f = presetFilters('7d', now);
    expect(f.to.toISOString()).toBe('2026-11-24T04:00:00.000Z');
    expect(f.from.toISOString()).toBe('2026-11-17T04:00:00.000Z');
    expect(f.route).toBe('');
  });
});

describe('filtersFromSearch', () => {
  it('reads from, to and route, accepting plain dates as UTC midnight', () => {
    const f = filtersFromSearch('?from=2026-01-10&to=2026-01-11T00:00:00Z&route=Billing', now);
    expect(f.from.toISOString()).toBe('2026-01-10T00:00:00.000Z');
    expect(f.to.toISOString()).toBe('2026-01-11T00:00:00.000Z');
    expect(f.route).toBe('billing');
  });

  it('falls back to the last 7 days on a missing, invalid or reversed period', () => {
    for (const search of ['', '?from=nonsense&to=2026-01-11', '?from=2026-01-11&to=2026-01-10']) {
      expect(filtersFromSearch(search, now).from.toISOString()).toBe('2026-11-17T04:00:00.000Z');
    }
  });

  it('round-trips through toSearch', () => {
    const f = { from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-01-11T00:00:00Z'), route: 'technical' };
    expect(filtersFromSearch(`?${toSearch(f)}`, now)).toEqual(f);
  });
});

describe('apiQuery', () => {
  it('adds extra parameters and leaves empty ones out', () => {
    const f = { from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-01-11T00:00:00Z'), route: '' };
    expect(apiQuery(f, { page: 2, outcome: '' })).toBe('from=2026-01-10T00%3A00%3A00.000Z&to=2026-01-11T00%3A00%3A00.000Z&page=2');
  });
});

describe('intervalFor', () => {
  it('is hourly up to two days and daily beyond', () => {
    expect(intervalFor(presetFilters('24h', now))).toBe('hour');
    expect(intervalFor(presetFilters('7d', now))).toBe('day');
  });
});
