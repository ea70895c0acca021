import { describe, expect, it } from 'vitest';
import { ApiError, parseAgent, problemMessage } from './api';

describe('parseAgent', () => {
  it('reads the contract shape', () => {
    expect(parseAgent({ username: 'dana', displayName: 'Dana Agent', role: 'agent', groups: ['billing', 3] })).toEqual({
      username: 'dana', displayName: 'Dana Agent', role: 'agent', groups: ['billing'],
    });
  });

  it('falls back to the user name and the agent role', () => {
    expect(parseAgent({ username: 'admin', role: 'superuser' })).toEqual({ username: 'admin', displayName: 'admin', role: 'agent', groups: [] });
  });

  it('rejects a response without a user name', () => {
    expect(() => parseAgent({ displayName: 'x' })).toThrow(ApiError);
    expect(() => parseAgent('ok')).toThrow(ApiError);
  });
});

describe('problemMessage', () => {
  it('prefers the detail, then the title of problem details', () => {
    expect(problemMessage(409, { title: 'Conflict', detail: 'Dana took it.' })).toBe('Dana took it.');
    expect(problemMessage(401, { title: 'Wrong user name or password.' })).toBe('Wrong user name or password.');
  });

  it('has a sentence for bodies without problem details', () => {
    expect(problemMessage(401, undefined)).toMatch(/user name or password/);
    expect(problemMessage(503, 'oops')).toMatch(/trouble/);
    expect(problemMessage(418, null)).toBe('The hub answered with HTTP 418.');
  });
});
