import { describe, expect, it } from 'vitest';
import { change, formatChange, formatMs, formatPercent, formatSeconds, outcomeLabel } from './figures';

describe('change', () => {
  it('says whether a rise is good news for the figure', () => {
    expect(change(0.6, 0.5, true)).toEqual({ trend: 'up', percent: 20, good: true });
    expect(change(0.6, 0.5, false)).toEqual({ trend: 'up', percent: 20, good: false });
    expect(change(40, 50, false)).toEqual({ trend: 'down', percent: -20, good: true });
  });

  it('has no percentage against nothing', () => {
    expect(change(5, 0, true)).toEqual({ trend: 'new', good: true });
    expect(change(0, 0, true)).toEqual({ trend: 'flat' });
    expect(change(5, undefined, true)).toEqual({ trend: 'flat' });
    expect(change(undefined, 5, true)).toEqual({ trend: 'flat' });
    expect(change(5, 5, true)).toEqual({ trend: 'flat', percent: 0 });
  });

  it('is shown with its sign', () => {
    expect(formatChange(change(12, 10, true))).toBe('+20%');
    expect(formatChange(change(8, 10, true))).toBe('-20%');
    expect(formatChange(change(10, 10, true))).toBe('±0%');
    expect(formatChange(change(3, 0, true))).toBe('new');
  });
});

describe('formatting', () => {
  it('formats rates, milliseconds and seconds', () => {
    expect(formatPercent(0.4286)).toBe('43%');
    expect(formatPercent(0.05)).toBe('5.0%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatMs(80)).toBe('80 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(1800)).toBe('30 min');
    expect(formatSeconds(7200)).toBe('2.0 h');
    expect(outcomeLabel('automated_assumed')).toBe('Automated (assumed)');
    expect(outcomeLabel('other')).toBe('other');
  });
});
