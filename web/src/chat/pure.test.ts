import { describe, expect, it } from 'vitest';
import { searchArticles } from './articles';
import { directLineDomain, readPageMode } from './chatConfig';

describe('readPageMode', () => {
  it('recognises the embed iframe and its optional user name', () => {
    expect(readPageMode('')).toEqual({ embed: false, userName: undefined });
    expect(readPageMode('?embed=1')).toEqual({ embed: true, userName: undefined });
    expect(readPageMode('?embed=true&userName=%20Ann%20')).toEqual({ embed: true, userName: 'Ann' });
  });
});

describe('directLineDomain', () => {
  it('appends /v3/directline to the origin', () => {
    expect(directLineDomain('http://127.0.0.1:5123')).toBe('http://127.0.0.1:5123/v3/directline');
    expect(directLineDomain('https://support.example.com/')).toBe('https://support.example.com/v3/directline');
  });
});

describe('searchArticles', () => {
  it('matches every word, case-insensitively', () => {
    expect(searchArticles('RESET password').map((a) => a.id)).toEqual(['reset-password']);
    expect(searchArticles('sepa').map((a) => a.id)).toEqual(['payment-methods']);
    expect(searchArticles('')).toHaveLength(searchArticles(' ').length);
    expect(searchArticles('nothing-matches-this')).toEqual([]);
  });
});
