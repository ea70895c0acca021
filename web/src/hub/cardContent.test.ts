import { describe, expect, it } from 'vitest';
import { withoutRepeatedHeading, withoutSnapshotFacts } from './cardContent';

describe('withoutSnapshotFacts', () => {
  const card = {
    type: 'AdaptiveCard',
    body: [
      { type: 'TextBlock', text: 'Ann' },
      { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'Route', value: 'billing' }, { title: 'Waiting', value: '0 s' }] }] },
    ],
  };

  it('drops the Waiting fact wherever its FactSet is, and keeps the rest', () => {
    expect(withoutSnapshotFacts(card)).toEqual({
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Ann' },
        { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'Route', value: 'billing' }] }] },
      ],
    });
  });

  it('leaves the original card alone', () => {
    withoutSnapshotFacts(card);
    expect(JSON.stringify(card)).toContain('Waiting');
  });
});

describe('withoutRepeatedHeading', () => {
  const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Ann' }, { type: 'TextBlock', text: 'Summary' }] };

  it('drops a first TextBlock that says the heading again', () => {
    expect(withoutRepeatedHeading(card, 'Ann')).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Summary' }] });
  });

  it('keeps the card when the first block says something else, or there is no body', () => {
    expect(withoutRepeatedHeading(card, 'Bo')).toBe(card);
    const empty = { type: 'AdaptiveCard' };
    expect(withoutRepeatedHeading(empty, 'Ann')).toBe(empty);
  });
});
