/**
 * How the dashboard signs in, in one place. First GET /api/auth/me with cookies (the hub's sign-in); when that is not
 * there (or answers 401), the admin API key typed once and kept in sessionStorage, sent as `Authorization: Bearer`.
 * Agents sign in with their hub account (a cookie); scripts and first set-up can use the admin API key.
 */
export const API_KEY_STORAGE_KEY = 'northwind.dashboard.apiKey';

export type Session = { kind: 'cookie'; name: string } | { kind: 'apiKey'; key: string };

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): KeyStorage | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
}

/** The session to use: the cookie when /api/auth/me answers 200, else a stored API key, else none. */
export async function detectSession(fetcher: typeof fetch = fetch, store: KeyStorage | undefined = storage()): Promise<Session | undefined> {
  try {
    const me = await fetcher('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (me.ok) {
      const body = (await me.json()) as { displayName?: string; username?: string };
      return { kind: 'cookie', name: body.displayName ?? body.username ?? 'signed in' };
    }
  } catch {
    // No hub sign-in on this host: fall back to the API key.
  }
  const key = store?.getItem(API_KEY_STORAGE_KEY);
  return key ? { kind: 'apiKey', key } : undefined;
}

export function rememberApiKey(key: string, store: KeyStorage | undefined = storage()): Session {
  store?.setItem(API_KEY_STORAGE_KEY, key);
  return { kind: 'apiKey', key };
}

export function forgetApiKey(store: KeyStorage | undefined = storage()): void {
  store?.removeItem(API_KEY_STORAGE_KEY);
}

/** Signs in with the hub's accounts (POST /api/auth/login, an HttpOnly cookie); undefined when refused. */
export async function signInWithPassword(username: string, password: string, fetcher: typeof fetch = fetch): Promise<Session | undefined> {
  const response = await fetcher('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { displayName?: string; username?: string };
  return { kind: 'cookie', name: body.displayName ?? body.username ?? username };
}

/** Ends a cookie session (POST /api/auth/logout); an API key is only forgotten. */
export async function signOut(session: Session, fetcher: typeof fetch = fetch, store: KeyStorage | undefined = storage()): Promise<void> {
  if (session.kind === 'cookie') {
    await fetcher('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  }
  forgetApiKey(store);
}

/** Request options that carry the session. */
export function authorize(session: Session, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (session.kind === 'apiKey') headers.set('Authorization', `Bearer ${session.key}`);
  return { ...init, headers, credentials: 'same-origin' };
}
