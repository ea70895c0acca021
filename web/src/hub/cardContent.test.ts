import { describe, expect, it } from 'vitest';
import { withoutSnapshotFacts } from './cardContent';

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
