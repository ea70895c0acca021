import type { Agent, AgentRole } from './types';

/** A failed REST call: HTTP status and the problem details' title/detail when the host sent them. */
export class ApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** The signed-in agent from /api/auth/login or /api/auth/me; throws on anything else. */
export function parseAgent(json: unknown): Agent {
  if (json === null || typeof json !== 'object') throw new ApiError(200, 'The hub sent an unexpected response.');
  const o = json as Record<string, unknown>;
  const username = o['username'];
  if (typeof username !== 'string' || !username) throw new ApiError(200, 'The hub sent a sign-in response without a user name.');
  const displayName = typeof o['displayName'] === 'string' && o['displayName'] ? o['displayName'] : username;
  const role: AgentRole = o['role'] === 'admin' ? 'admin' : 'agent';
  const groups = Array.isArray(o['groups']) ? o['groups'].filter((g): g is string => typeof g === 'string') : [];
  return { username, displayName, role, groups };
}

/** Words for the agent: the problem's detail or title, else a sentence for the status. */
export function problemMessage(status: number, json: unknown): string {
  if (json !== null && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (typeof o['detail'] === 'string' && o['detail']) return o['detail'];
    if (typeof o['title'] === 'string' && o['title']) return o['title'];
  }
  if (status === 401) return 'The user name or password is not right.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'The hub is having trouble. Try again in a moment.';
  return `The hub answered with HTTP ${status}.`;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, 'The hub cannot be reached. Check your connection.');
  }
  if (!response.ok) {
    const json: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, problemMessage(response.status, json));
  }
  return response;
}

export async function login(username: string, password: string): Promise<Agent> {
  const response = await call('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  return parseAgent(await response.json());
}

/** The agent of the current cookie, or null when not signed in. */
export async function currentAgent(): Promise<Agent | null> {
  try {
    const response = await call('/api/auth/me');
    return parseAgent(await response.json());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await call('/api/auth/logout', { method: 'POST' });
}
