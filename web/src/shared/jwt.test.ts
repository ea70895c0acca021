import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, userIdFromToken } from './jwt';

function b64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jwt(payload: unknown): string {
  return `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.sig`;
}

describe('jwt', () => {
  it('reads the user claim', () => {
    expect(userIdFromToken(jwt({ user: 'dl_abc', conv: 'c1' }))).toBe('dl_abc');
  });

  it('decodes base64url payloads with non-ASCII text', () => {
    expect(decodeJwtPayload(jwt({ name: 'Zoë ✓', n: 1 }))).toEqual({ name: 'Zoë ✓', n: 1 });
  });

  it('tolerates opaque and malformed tokens', () => {
    expect(decodeJwtPayload('opaque-token')).toBeUndefined();
    expect(decodeJwtPayload('a.!!!.c')).toBeUndefined();
    expect(decodeJwtPayload(`x.${b64url('[1,2]')}.y`)).toBeUndefined();
    expect(userIdFromToken(jwt({ user: 42 }))).toBeUndefined();
    expect(userIdFromToken(jwt({}))).toBeUndefined();
  });
});
