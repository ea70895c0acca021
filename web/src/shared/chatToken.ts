import { isValidUserId } from './userIdStore';
import { userIdFromToken } from './jwt';

/** Response of the host's `POST /api/chat/token`. */
export interface ChatToken {
  token: string;
  conversationId: string;
  expiresIn: number;
  userId: string;
}

export interface ChatTokenRequest {
  userId?: string | undefined;
  userName?: string | undefined;
}

/** RFC 7807 problem details (subset) as returned by the host on errors. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export type ChatTokenErrorKind = 'network' | 'rate-limited' | 'server' | 'rejected' | 'invalid-response';

export class ChatTokenError extends Error {
  readonly kind: ChatTokenErrorKind;
  readonly status: number | undefined;
  readonly problem: ProblemDetails | undefined;
  /** Seconds to wait before retrying, from Retry-After, if the host sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ChatTokenErrorKind,
    message: string,
    options: { status?: number; problem?: ProblemDetails; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChatTokenError';
    this.kind = kind;
    this.status = options.status;
    this.problem = options.problem;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const CHAT_TOKEN_PATH = '/api/chat/token';

/** Request body: only the fields that are set; a malformed stored user id is not sent. */
export function buildTokenRequestBody(request: ChatTokenRequest): Record<string, string> {
  const body: Record<string, string> = {};
  if (request.userId && isValidUserId(request.userId)) body['userId'] = request.userId;
  const userName = request.userName?.trim();
  if (userName) body['userName'] = userName.slice(0, 100);
  return body;
}

/** Validates the JSON of a 200 response; `userId` falls back to the token's `user` claim. */
export function parseChatTokenResponse(json: unknown): ChatToken {
  if (json === null || typeof json !== 'object') {
    throw new ChatTokenError('invalid-response', 'The chat service sent an unexpected response.');
  }
  const o = json as Record<string, unknown>;
  const token = o['token'];
  const conversationId = o['conversationId'];
  if (typeof token !== 'string' || token.length === 0 || typeof conversationId !== 'string' || conversationId.length === 0) {
    throw new ChatTokenError('invalid-response', 'The chat service sent a response without a token.');
  }
  const userId = typeof o['userId'] === 'string' && o['userId'] ? o['userId'] : userIdFromToken(token);
  if (!userId) {
    throw new ChatTokenError('invalid-response', 'The chat service sent a token without a user id.');
  }
  const expiresIn = typeof o['expires_in'] === 'number' ? o['expires_in'] : 0;
  return { token, conversationId, expiresIn, userId };
}

export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  try {
    const json: unknown = await response.json();
    return json !== null && typeof json === 'object' ? (json as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx response into a ChatTokenError with a message fit to show a visitor. */
export async function errorFromResponse(response: Response): Promise<ChatTokenError> {
  const problem = await readProblem(response);
  const status = response.status;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const base = { status, ...(problem ? { problem } : {}), ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
  if (status === 429) {
    return new ChatTokenError('rate-limited', 'Our assistant is getting a lot of questions right now. Please try again in a moment.', base);
  }
  if (status >= 500) {
    return new ChatTokenError('server', 'Our chat service is having trouble right now.', base);
  }
  // problem.title is for developers (kept on the error); visitors get plain words.
  return new ChatTokenError('rejected', 'The chat service could not start a conversation.', base);
}

export interface FetchChatTokenOptions extends ChatTokenRequest {
  endpoint?: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

/** POST /api/chat/token (same origin). Throws ChatTokenError. */
export async function fetchChatToken(options: FetchChatTokenOptions = {}): Promise<ChatToken> {
  const { endpoint = CHAT_TOKEN_PATH, fetchImpl = fetch, signal } = options;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(buildTokenRequestBody(options)),
      credentials: 'same-origin',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ChatTokenError('network', 'We could not reach our chat service. Please check your connection.', { cause });
  }
  if (!response.ok) throw await errorFromResponse(response);
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ChatTokenError('invalid-response', 'The chat service sent an unexpected response.', { status: response.status, cause });
  }
  return parseChatTokenResponse(json);
}
