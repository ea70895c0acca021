import { describe, expect, it } from 'vitest';
import { customerName, reasonLabel, routeLabel, speakerLabel, stateLabel } from './labels';
import { handoff } from './testData';

describe('labels', () => {
  it('reads reasons as words', () => {
    expect(reasonLabel('asks_for_human')).toBe('Asked for a person');
    expect(reasonLabel('angry_about-refunds')).toBe('Angry about refunds');
    expect(reasonLabel('')).toBe('');
  });

  it('names routes, customers and speakers', () => {
    expect(routeLabel('billing')).toBe('Billing');
    expect(customerName({ userName: '  ', userId: 'dl_abcdefghijkl' })).toBe('Customer efghijkl');
    expect(customerName({ userName: null, userId: 'u1' })).toBe('Customer u1');
    expect(customerName({ userName: null, userId: '' })).toBe('Customer');
    expect(customerName({ userName: 'Ann', userId: 'u1' })).toBe('Ann');
    expect(speakerLabel('agent', null, 'Ann')).toBe('Agent');
    expect(speakerLabel('customer', 'x', 'Ann')).toBe('Ann');
  });

  it('says where a handoff stands', () => {
    expect(stateLabel(handoff({ state: 'assigned', assignedTo: 'dana' }), 'dana')).toBe('With you');
    expect(stateLabel(handoff({ state: 'assigned', assignedTo: 'eve', assignedToName: 'Eve' }), 'dana')).toBe('With Eve');
    expect(stateLabel(handoff({ state: 'released', outcome: 'timed_out' }), 'dana')).toMatch(/nobody took it/);
  });
});
