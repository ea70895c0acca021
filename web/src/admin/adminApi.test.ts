import { describe, expect, it } from 'vitest';
import { searchPath } from './adminApi';

describe('searchPath', () => {
  it('encodes the question and the number of results', () => {
    expect(searchPath('reset my password & 2FA?', 10)).toBe('/api/kb/search?q=reset+my+password+%26+2FA%3F&k=10');
  });
});
