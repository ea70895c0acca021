import { describe, expect, it } from 'vitest';
import { API_KEY_STORAGE_KEY, authorize, detectSession, forgetApiKey, rememberApiKey, signInWithPassword } from './auth';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const answer = (status: number, body: unknown = {}) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('detectSession', () => {
  it('uses the cookie when /api/auth/me answers 200', async () => {
    const store = memoryStorage();
    rememberApiKey('k', store);
    expect(await detectSession(answer(200, { username: 'dana', displayName: 'Dana Agent' }), store)).toEqual({ kind: 'cookie', name: 'Dana Agent' });
  });

  it('falls back to the stored API key, else to no session', async () => {
    const store = memoryStorage();
    expect(await detectSession(answer(401), store)).toBeUndefined();
    rememberApiKey('secret-key', store);
    expect(store.getItem(API_KEY_STORAGE_KEY)).toBe('secret-key');
    expect(await detectSession(answer(404), store)).toEqual({ kind: 'apiKey', key: 'secret-key' });
    const failing = (async () => { throw new TypeError('network'); }) as unknown as typeof fetch;
    expect(await detectSession(failing, store)).toEqual({ kind: 'apiKey', key: 'secret-key' });
    forgetApiKey(store);
    expect(await detectSession(answer(401), store)).toBeUndefined();
  });
});

describe('authorize', () => {
  it('sends the key as a bearer token, and nothing extra with the cookie', () => {
    const withKey = new Headers(authorize({ kind: 'apiKey', key: 'abc' }).headers);
    expect(withKey.get('Authorization')).toBe('Bearer abc');
    const withCookie = new Headers(authorize({ kind: 'cookie', name: 'x' }).headers);
    expect(withCookie.get('Authorization')).toBeNull();
    expect(authorize({ kind: 'cookie', name: 'x' }).credentials).toBe('same-origin');
  });
});

describe('signInWithPassword', () => {
  it('posts the credentials as JSON and returns a cookie session with the display name', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ username: 'dana', displayName: 'Dana Agent', role: 'agent' }), { status: 200 });
    }) as unknown as typeof fetch;
    const session = await signInWithPassword('dana', 'correct horse', fetcher);
    expect(session).toEqual({ kind: 'cookie', name: 'Dana Agent' });
    const [call] = calls;
    expect(call?.url).toBe('/api/auth/login');
    expect(call?.init?.method).toBe('POST');
    expect(JSON.parse(String(call?.init?.body))).toEqual({ username: 'dana', password: 'correct horse' });
  });

  it('returns undefined when the host refuses the credentials', async () => {
    const fetcher = (async () => new Response('{}', { status: 401 })) as unknown as typeof fetch;
    expect(await signInWithPassword('dana', 'wrong', fetcher)).toBeUndefined();
  });
});
