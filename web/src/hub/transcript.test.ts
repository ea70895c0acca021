import { describe, expect, it } from 'vitest';
import { item } from './testData';
import { isTeachable, mergeTranscript } from './transcript';

describe('mergeTranscript', () => {
  it('keeps one entry per id, the later copy winning', () => {
    const local = item('a', '2026-11-24T03:00:01Z', { from: 'agent', text: 'draft' });
    const echo = item('a', '2026-11-24T03:00:01Z', { from: 'agent', text: 'sent', name: 'Dana Agent' });
    const merged = mergeTranscript([local], [echo]);
    expect(merged).toEqual([echo]);
  });

  it('orders by timestamp whatever the arrival order', () => {
    const late = item('b', '2026-11-24T03:00:05Z');
    const early = item('a', '2026-11-24T03:00:01Z');
    expect(mergeTranscript([late], [early]).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('keeps arrival order for equal timestamps', () => {
    const t = '2026-11-24T03:00:01Z';
    expect(mergeTranscript([item('x', t), item('y', t)], [item('z', t)]).map((i) => i.id)).toEqual(['x', 'y', 'z']);
  });

  it('keeps a replaced entry where it first arrived among equal timestamps', () => {
    const t = '2026-11-24T03:00:01Z';
    const merged = mergeTranscript([item('x', t), item('y', t)], [item('x', t, { text: 'new' })]);
    expect(merged.map((i) => `${i.id}:${i.text}`)).toEqual(['x:new', 'y:text y']);
  });

  it('puts items with unreadable timestamps last', () => {
    expect(mergeTranscript([item('bad', 'nope')], [item('ok', '2026-11-24T03:00:00Z')]).map((i) => i.id)).toEqual(['ok', 'bad']);
  });

  it('returns the same array when nothing comes in', () => {
    const existing = [item('a', '2026-11-24T03:00:00Z')];
    expect(mergeTranscript(existing, [])).toBe(existing);
  });
});

describe('isTeachable', () => {
  it('is true only for bot messages that answered a question', () => {
    const t = '2026-11-24T03:00:00Z';
    expect(isTeachable(item('1', t, { from: 'bot', answer: { question: 'refund?', route: 'billing' } }))).toBe(true);
    expect(isTeachable(item('2', t, { from: 'bot', answer: null }))).toBe(false);
    expect(isTeachable(item('3', t, { from: 'customer', answer: { question: 'q', route: 'billing' } }))).toBe(false);
  });
});
