import { describe, expect, it } from 'vitest';
import { searchPath } from './adminApi';

describe('searchPath', () => {
  it('encodes the question and the number of results', () => {
    expect(searchPath('reset my password & 2FA?', 10)).toBe('/api/kb/search?q=reset+my+password+%26+2FA%3F&k=10');
  });
  it('adds the category only when one is chosen', () => {
    expect(searchPath('refund', 5, 'billing')).toBe('/api/kb/search?q=refund&k=5&category=billing');
    expect(searchPath('refund', 5, '')).toBe('/api/kb/search?q=refund&k=5');
  });
});
