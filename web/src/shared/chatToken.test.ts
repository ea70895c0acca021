import { describe, expect, it, vi } from 'vitest';
import { buildTokenRequestBody, ChatTokenError, fetchChatToken, parseChatTokenResponse, parseRetryAfter } from './chatToken';

const ok = { token: 'a.b.c', conversationId: 'conv1', expires_in: 3600, userId: 'dl_user1' };

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('buildTokenRequestBody', () => {
  it('sends only what is set and valid', () => {
    expect(buildTokenRequestBody({})).toEqual({});
    expect(buildTokenRequestBody({ userId: 'dl_a', userName: '  Ann  ' })).toEqual({ userId: 'dl_a', userName: 'Ann' });
    expect(buildTokenRequestBody({ userId: 'evil', userName: '   ' })).toEqual({});
    expect(buildTokenRequestBody({ userName: 'x'.repeat(300) })['userName']).toHaveLength(100);
  });
});

describe('parseChatTokenResponse', () => {
  it('maps the host contract', () => {
    expect(parseChatTokenResponse(ok)).toEqual({ token: 'a.b.c', conversationId: 'conv1', expiresIn: 3600, userId: 'dl_user1' });
  });

  it('falls back to the token user claim', () => {
    const payload = Buffer.from(JSON.stringify({ user: 'dl_fromclaim' })).toString('base64url');
    const parsed = parseChatTokenResponse({ token: `h.${payload}.s`, conversationId: 'c' });
    expect(parsed.userId).toBe('dl_fromclaim');
  });

  it('rejects responses without token, conversation or user', () => {
    expect(() => parseChatTokenResponse(null)).toThrow(ChatTokenError);
    expect(() => parseChatTokenResponse({ conversationId: 'c', userId: 'dl_a' })).toThrow(/without a token/);
    expect(() => parseChatTokenResponse({ token: 'opaque', conversationId: 'c' })).toThrow(/user id/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
  });
});

describe('fetchChatToken', () => {
  it('posts JSON to /api/chat/token with the stored user id', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse(200, ok));
    const result = await fetchChatToken({ userId: 'dl_user1', fetchImpl });
    expect(result.userId).toBe('dl_user1');
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/chat/token');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ userId: 'dl_user1' });
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('classifies failures for the error state', async () => {
    const network = fetchChatToken({ fetchImpl: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(network).rejects.toMatchObject({ kind: 'network' });

    const limited = fetchChatToken({ fetchImpl: async () => jsonResponse(429, { title: 'Too many' }, { 'Retry-After': '7' }) });
    await expect(limited).rejects.toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 7 });

    const server = fetchChatToken({ fetchImpl: async () => jsonResponse(503, { title: 'Unavailable', status: 503 }) });
    await expect(server).rejects.toMatchObject({ kind: 'server', status: 503, problem: { title: 'Unavailable' } });

    const rejected = fetchChatToken({ fetchImpl: async () => jsonResponse(400, { title: 'Unknown user id' }) });
    await expect(rejected).rejects.toMatchObject({ kind: 'rejected', status: 400, problem: { title: 'Unknown user id' } });

    const html = fetchChatToken({ fetchImpl: async () => new Response('<html>', { status: 200 }) });
    await expect(html).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
