import { describe, expect, it } from 'vitest';
import { formatClock, formatWaiting, waitingSecondsAt } from './waitingTime';

describe('formatWaiting', () => {
  it.each([
    [0, 'just now'],
    [4.9, 'just now'],
    [-3, 'just now'],
    [5, '5 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h 00 min'],
    [3600 + 5 * 60 + 59, '1 h 05 min'],
    [26 * 3600, '26 h 00 min'],
  ])('%s seconds reads "%s"', (seconds, expected) => {
    expect(formatWaiting(seconds)).toBe(expected);
  });
});

describe('waitingSecondsAt', () => {
  it('adds the whole seconds elapsed since the view arrived', () => {
    expect(waitingSecondsAt(42, 1_000, 1_000)).toBe(42);
    expect(waitingSecondsAt(42, 1_000, 3_999)).toBe(44);
  });

  it('never goes back when the clock does', () => {
    expect(waitingSecondsAt(42, 5_000, 1_000)).toBe(42);
  });
});

describe('formatClock', () => {
  it('is empty for a timestamp it cannot read', () => {
    expect(formatClock('not a date')).toBe('');
  });

  it('shows hours and minutes', () => {
    expect(formatClock('2026-11-24T03:07:00Z', 'en-GB')).toMatch(/^\d{2}:07$/);
  });
});
