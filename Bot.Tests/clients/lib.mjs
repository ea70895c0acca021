// Shared helpers for the real-client scripts (Direct Line conversation and conformance, Web Chat in
// Chromium, and later: agent hub).
//
// Every script: reads its configuration from the environment, prints exactly one JSON line of
// results on stdout, writes human-readable progress/failure text on stderr, and exits
//   0  all checks passed
//   1  a check failed (the host answered, but not as a real Direct Line service would)
//   2  configuration problem or host unreachable (nothing was tested)
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);

export const DEFAULT_WAIT_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Errors and the run harness

/** A failed check. `exitCode` 1 = behaviour wrong, 2 = nothing tested (config, unreachable). */
export class ClientError extends Error {
  constructor(message, { exitCode = 1, details } = {}) {
    super(message);
    this.name = 'ClientError';
    this.exitCode = exitCode;
    this.details = details;
  }
}

export class ConfigError extends ClientError {
  constructor(message, details) {
    super(message, { exitCode: 2, details });
    this.name = 'ConfigError';
  }
}

/**
 * Runs a script body. `results` is the object printed as the JSON line (also on failure, with
 * whatever was gathered so far). Use `run.stage(name)` to say what is happening, `run.check()`
 * for assertions and `run.warn()` for things worth seeing that do not fail the run.
 */
export class Run {
  constructor(name) {
    this.name = name;
    this.startedAt = Date.now();
    this.currentStage = 'start';
    this.stageStartedAt = this.startedAt;
    this.results = { ok: false, script: name, stage: 'start', warnings: [], timings: {} };
    this.cleanups = [];
  }

  stage(name) {
    this.results.timings[this.currentStage] = Date.now() - this.stageStartedAt;
    this.currentStage = name;
    this.stageStartedAt = Date.now();
    this.results.stage = name;
    log(`[${this.name}] ${name}`);
  }

  check(condition, message, details) {
    if (!condition) throw new ClientError(message, { details });
  }

  warn(message) {
    this.results.warnings.push(message);
    log(`[${this.name}] warning: ${message}`);
  }

  /** Registers a cleanup (closing clients, browsers) run before exit, last registered first. */
  onCleanup(fn) {
    this.cleanups.push(fn);
  }

  async main(body) {
    let exitCode = 0;
    try {
      await body(this.results, this);
      this.results.timings[this.currentStage] = Date.now() - this.stageStartedAt;
      this.results.ok = true;
      this.results.stage = 'done';
    } catch (error) {
      this.results.timings[this.currentStage] = Date.now() - this.stageStartedAt;
      this.results.ok = false;
      this.results.error = error instanceof Error ? error.message : String(error);
      if (error?.details !== undefined) this.results.errorDetails = error.details;
      exitCode = error instanceof ClientError ? error.exitCode : 1;
      log(`[${this.name}] FAILED during "${this.currentStage}": ${this.results.error}`);
      if (!(error instanceof ClientError) && error?.stack) log(error.stack);
    }
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await withTimeout(Promise.resolve().then(cleanup), 10_000, 'cleanup');
      } catch (error) {
        log(`[${this.name}] cleanup failed: ${error?.message ?? error}`);
      }
    }
    this.results.durationMs = Date.now() - this.startedAt;
    process.stdout.write(`${JSON.stringify(this.results)}\n`, () => process.exit(exitCode));
  }
}

export function log(message) {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Configuration

export function env(name, fallback = undefined) {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function requireEnv(name, hint = '') {
  const value = env(name);
  if (value === undefined) throw new ConfigError(`Environment variable ${name} is not set.${hint ? ` ${hint}` : ''}`);
  return value;
}

export function envInt(name, fallback) {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}".`);
  return value;
}

/** BOT_URL without a trailing slash, e.g. http://127.0.0.1:5123. */
export function botUrlFromEnv() {
  const raw = requireEnv('BOT_URL', 'Example: BOT_URL=http://127.0.0.1:3978');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`BOT_URL "${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`BOT_URL must be http:// or https://, got "${raw}".`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function directLineDomain(botUrl) {
  return `${botUrl}/v3/directline`;
}

// ---------------------------------------------------------------------------------------------
// HTTP

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/**
 * fetch with a timeout and errors that say what to do. Returns { status, headers, json, text }
 * for any HTTP status; throws ConfigError (exit 2) when the host cannot be reached at all.
 */
export async function http(url, { method = 'GET', headers = {}, body, timeoutMs = DEFAULT_WAIT_MS } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(timeoutMs) };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] ??= 'application/json';
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    const code = error?.cause?.code ?? error?.code;
    if (error?.name === 'TimeoutError') {
      throw new ClientError(`${method} ${url} did not answer within ${timeoutMs / 1000}s.`);
    }
    if (NETWORK_CODES.has(code) || error instanceof TypeError) {
      throw new ConfigError(
        `Cannot reach the host at ${new URL(url).origin} (${code ?? error.message}). Is it running, and is BOT_URL right?`,
      );
    }
    throw error;
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Short description of an error body: Direct Line ErrorResponse or RFC 7807 problem details. */
export function describeErrorBody(res) {
  const e = res.json?.error;
  if (e && (e.code || e.message)) return `${e.code ?? ''}${e.code && e.message ? ': ' : ''}${e.message ?? ''}`;
  if (res.json?.title) return `${res.json.title}${res.json.detail ? ` (${res.json.detail})` : ''}`;
  return res.text ? res.text.slice(0, 200) : '(empty body)';
}

export function expectStatus(res, expected, what) {
  const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
  if (!ok) {
    throw new ClientError(`${what}: expected HTTP ${expected}, got ${res.status}: ${describeErrorBody(res)}`, {
      details: { status: res.status, body: res.json ?? res.text?.slice(0, 500) },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** Decodes (does not verify) a JWT payload; undefined for opaque tokens. */
export function decodeJwt(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

export function userIdFromToken(token) {
  const user = decodeJwt(token)?.user;
  return typeof user === 'string' && user ? user : undefined;
}

function checkTokenResponse(res, what) {
  const body = res.json;
  if (!body || typeof body.token !== 'string' || !body.token || typeof body.conversationId !== 'string' || !body.conversationId) {
    throw new ClientError(`${what}: response lacks "token" or "conversationId".`, { details: { body: res.json ?? res.text } });
  }
  return { token: body.token, conversationId: body.conversationId, expiresIn: body.expires_in, raw: body };
}

/** POST /v3/directline/tokens/generate with the secret. Optional TokenParameters user. */
export async function generateToken(botUrl, secret, { userId, userName, timeoutMs } = {}) {
  const user = userId ? { id: userId, ...(userName ? { name: userName } : {}) } : undefined;
  const res = await http(`${directLineDomain(botUrl)}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}` },
    ...(user ? { body: { user } } : {}),
    timeoutMs,
  });
  if (res.status === 401 || res.status === 403) {
    throw new ConfigError(`tokens/generate refused the secret (HTTP ${res.status}: ${describeErrorBody(res)}). Is DL_SECRET the host's DirectLine:Secret?`);
  }
  expectStatus(res, 200, 'POST tokens/generate');
  return checkTokenResponse(res, 'POST tokens/generate');
}

/** POST /v3/directline/tokens/refresh with the current token. */
export async function refreshToken(botUrl, token, { timeoutMs } = {}) {
  const res = await http(`${directLineDomain(botUrl)}/tokens/refresh`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    timeoutMs,
  });
  expectStatus(res, 200, 'POST tokens/refresh');
  return checkTokenResponse(res, 'POST tokens/refresh');
}

/** POST /api/chat/token (the web page's anonymous token endpoint). */
export async function chatToken(botUrl, { userId, userName, timeoutMs } = {}) {
  const body = {};
  if (userId) body.userId = userId;
  if (userName) body.userName = userName;
  const res = await http(`${botUrl}/api/chat/token`, { method: 'POST', body, timeoutMs });
  expectStatus(res, 200, 'POST /api/chat/token');
  const parsed = checkTokenResponse(res, 'POST /api/chat/token');
  return { ...parsed, userId: res.json.userId };
}

// ---------------------------------------------------------------------------------------------
// DirectLineJS in Node

let directLineModule;

/**
 * xhr2 cannot send a FormData body, which DirectLineJS uses for uploads (postMessageWithAttachments).
 * This subclass serializes FormData the way a browser does (Node's own multipart encoder, via
 * Response) and sends the bytes with the multipart Content-Type and boundary; other bodies pass through.
 */
function withFormDataUploads(XhrClass) {
  return class XMLHttpRequestWithFormData extends XhrClass {
    send(body) {
      if (typeof FormData === 'undefined' || !(body instanceof FormData)) return super.send(body);
      const encoded = new Response(body);
      encoded.arrayBuffer().then(
        (buffer) => {
          super.setRequestHeader('Content-Type', encoded.headers.get('content-type'));
          super.send(Buffer.from(buffer));
        },
        (error) => log(`FormData could not be encoded: ${error?.message ?? error}`),
      );
      return undefined;
    }
  };
}

/** botframework-directlinejs needs XMLHttpRequest and WebSocket globals before it is loaded. */
export function loadDirectLine() {
  if (!directLineModule) {
    globalThis.XMLHttpRequest = withFormDataUploads(require('xhr2'));
    globalThis.WebSocket = require('ws');
    directLineModule = require('botframework-directlinejs');
  }
  return directLineModule;
}

export function connectionStatusName(status) {
  const { ConnectionStatus } = loadDirectLine();
  return ConnectionStatus[status] ?? String(status);
}

/**
 * new DirectLine({...}) against the host. Options: token | secret, conversationId, watermark,
 * webSocket (default true), pollingInterval, timeout.
 */
export function createDirectLine(botUrl, options) {
  const { DirectLine } = loadDirectLine();
  const { webSocket = true, ...rest } = options;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return new DirectLine({ domain: directLineDomain(botUrl), webSocket, ...clean });
}

/** Waits until connectionStatus$ reaches `wanted`; fails early on FailedToConnect / Ended. */
export function waitForStatus(directLine, wanted, timeoutMs, description = 'connection') {
  const { ConnectionStatus } = loadDirectLine();
  return new Promise((resolve, reject) => {
    let subscription;
    let last;
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      reject(new ClientError(`${description}: still ${connectionStatusName(last)} after ${timeoutMs / 1000}s (wanted ${connectionStatusName(wanted)}).`));
    }, timeoutMs);
    subscription = directLine.connectionStatus$.subscribe((status) => {
      last = status;
      if (status === wanted) {
        clearTimeout(timer);
        queueMicrotask(() => subscription?.unsubscribe());
        resolve(status);
      } else if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.Ended) {
        clearTimeout(timer);
        queueMicrotask(() => subscription?.unsubscribe());
        reject(new ClientError(`${description}: DirectLineJS reports ${connectionStatusName(status)} (start/reconnect was answered with an error, see the host log).`));
      }
    });
  });
}

/** directLine.postActivity as a promise of the id; "retry" (5xx / expired token) is a failure. */
export function postActivity(directLine, activity, timeoutMs = DEFAULT_WAIT_MS) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      reject(new ClientError(`postActivity got no answer within ${timeoutMs / 1000}s.`));
    }, timeoutMs);
    subscription = directLine.postActivity(activity).subscribe(
      (id) => {
        clearTimeout(timer);
        if (id === 'retry') {
          reject(new ClientError('postActivity returned "retry": the host answered the POST with 5xx or 403 (bot error or expired token).'));
        } else {
          resolve(id);
        }
      },
      (error) => {
        clearTimeout(timer);
        const status = error?.status;
        const body = error?.response ?? error?.xhr?.responseText;
        reject(
          new ClientError(`postActivity failed${status ? ` with HTTP ${status}` : ''}: ${error?.message ?? error}`, {
            details: { status, body },
          }),
        );
      },
    );
  });
}

/**
 * Records everything a client receives on activity$ and lets a script wait for activities.
 * Creating it subscribes, which is what makes DirectLineJS start (or resume) the conversation.
 */
export class ActivityLog {
  constructor(directLine, label = 'client') {
    this.label = label;
    this.entries = [];
    this.idCounts = new Map();
    this.waiters = new Set();
    this.streamError = undefined;
    this.subscription = directLine.activity$.subscribe(
      (activity) => this.#receive(activity),
      (error) => {
        this.streamError = error;
        for (const w of this.waiters) w.reject(new ClientError(`${label}: activity$ errored: ${error?.message ?? error}`));
      },
    );
  }

  #receive(activity) {
    const entry = { activity, receivedAt: Date.now() };
    this.entries.push(entry);
    if (activity?.id) this.idCounts.set(activity.id, (this.idCounts.get(activity.id) ?? 0) + 1);
    for (const w of [...this.waiters]) {
      if (w.predicate(activity)) w.resolve(activity);
    }
  }

  get activities() {
    return this.entries.map((e) => e.activity);
  }

  /** Distinct ids in arrival order. */
  get ids() {
    return [...new Set(this.activities.map((a) => a?.id).filter(Boolean))];
  }

  /** Ids this client received more than once. */
  get redelivered() {
    return [...this.idCounts].filter(([, n]) => n > 1).map(([id, n]) => ({ id, count: n }));
  }

  find(predicate) {
    return this.activities.find(predicate);
  }

  /** Resolves with the first activity (already received or future) matching `predicate`. */
  waitFor(predicate, { timeoutMs = DEFAULT_WAIT_MS, description = 'activity' } = {}) {
    const existing = this.find(predicate);
    if (existing) return Promise.resolve(existing);
    if (this.streamError) return Promise.reject(new ClientError(`${this.label}: activity$ already errored.`));
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (a) => {
          cleanup();
          resolve(a);
        },
        reject: (e) => {
          cleanup();
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new ClientError(`${this.label}: no ${description} within ${timeoutMs / 1000}s.`, {
            details: { received: this.activities.map(summarizeActivity) },
          }),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  stop() {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}

/** Ends a DirectLineJS client: unsubscribing closes its WebSocket, end() stops token refresh. */
export function endClient(directLine, activityLog) {
  activityLog?.stop();
  try {
    directLine.end();
  } catch {
    // Already ended.
  }
}

// ---------------------------------------------------------------------------------------------
// Direct Line REST calls and raw WebSockets (for what the client library does not expose)

/** A Direct Line REST call with a token or secret; returns { status, headers, json, text } for any status. */
export function directLineCall(botUrl, credential, method, path, { body, headers = {}, timeoutMs } = {}) {
  return http(`${directLineDomain(botUrl)}${path}`, {
    method,
    headers: { Authorization: `Bearer ${credential}`, ...headers },
    body,
    timeoutMs,
  });
}

/** GET conversations/{id}?watermark= (what DirectLineJS calls to reconnect): a fresh streamUrl and token. */
export async function reconnectConversation(botUrl, token, conversationId, watermark = '') {
  const res = await directLineCall(botUrl, token, 'GET', `/conversations/${encodeURIComponent(conversationId)}?watermark=${encodeURIComponent(watermark)}`);
  expectStatus(res, 200, `GET conversations/${conversationId}`);
  if (typeof res.json?.streamUrl !== 'string') throw new ClientError('Reconnect returned no streamUrl.', { details: res.json });
  return res.json;
}

/**
 * Opens a WebSocket with the `ws` package. Resolves { socket, frames, closed } once open, where
 * `closed` resolves with { code, reason }; rejects with the HTTP status when the upgrade is refused.
 */
export function openSocket(url, timeoutMs = DEFAULT_WAIT_MS) {
  const WebSocketClass = require('ws');
  return new Promise((resolve, reject) => {
    const socket = new WebSocketClass(url);
    const frames = [];
    let closedResolve;
    const closed = new Promise((r) => (closedResolve = r));
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new ClientError(`WebSocket ${url.replace(/t=[^&]+/, 't=…')} did not open within ${timeoutMs / 1000}s.`));
    }, timeoutMs);
    socket.on('message', (data) => frames.push(data.toString()));
    socket.on('close', (code, reason) => closedResolve({ code, reason: reason.toString() }));
    socket.on('open', () => {
      clearTimeout(timer);
      resolve({ socket, frames, closed });
    });
    socket.on('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      reject(Object.assign(new ClientError(`WebSocket upgrade refused with HTTP ${response.statusCode}.`), { status: response.statusCode }));
      response.resume();
      socket.terminate();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * A throwaway HTTP server on 127.0.0.1 serving `files` ({ name: { type, bytes } }): what a page's
 * blob: URLs are to Web Chat, DirectLineJS downloads each attachment's contentUrl before uploading.
 */
export async function serveFiles(files) {
  const server = createServer((request, response) => {
    const file = files[decodeURIComponent(new URL(request.url, 'http://localhost').pathname.slice(1))];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length }).end(file.bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** An observable-returning DirectLineJS method as a promise of its first value. */
export function firstValue(observable, timeoutMs, description) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      reject(new ClientError(`${description}: no answer within ${timeoutMs / 1000}s.`));
    }, timeoutMs);
    subscription = observable.subscribe(
      (value) => {
        clearTimeout(timer);
        queueMicrotask(() => subscription?.unsubscribe());
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(new ClientError(`${description} failed${error?.status ? ` with HTTP ${error.status}` : ''}: ${error?.message ?? error}`));
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Activities

export function randomId(prefix = '') {
  return `${prefix}${randomBytes(9).toString('base64url')}`;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Direct Line activity ids: `<conversationId>|<7-digit sequence>`. */
export function activityIdPattern(conversationId) {
  return new RegExp(`^${escapeRegExp(conversationId)}\\|(\\d{7})$`);
}

export function sequenceOf(id, conversationId) {
  const m = typeof id === 'string' ? activityIdPattern(conversationId).exec(id) : null;
  return m ? Number(m[1]) : undefined;
}

export function isFromBot(activity, userId) {
  const from = activity?.from;
  if (!from) return false;
  return from.role === 'bot' || (from.role !== 'user' && from.id !== userId);
}

export function hasContent(activity) {
  return Boolean((typeof activity?.text === 'string' && activity.text.trim()) || activity?.attachments?.length);
}

export function isBotMessage(activity, userId) {
  return activity?.type === 'message' && isFromBot(activity, userId) && hasContent(activity);
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function summarizeActivity(a) {
  if (!a || typeof a !== 'object') return a;
  return {
    id: a.id,
    type: a.type,
    from: a.from ? { id: a.from.id, role: a.from.role } : undefined,
    ...(a.text ? { text: a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text } : {}),
    ...(a.attachments?.length ? { attachments: a.attachments.map((x) => x?.contentType) } : {}),
    ...(a.replyToId ? { replyToId: a.replyToId } : {}),
    ...(a.timestamp ? { timestamp: a.timestamp } : {}),
  };
}

export function deepEqual(a, b) {
  return isDeepStrictEqual(a, b);
}

// ---------------------------------------------------------------------------------------------
// Adaptive Cards

let adaptiveCards;

function loadAdaptiveCards() {
  // The package's lib/ is extension-less ESM that Node cannot load; dist/ is a UMD bundle.
  adaptiveCards ??= require('adaptivecards/dist/adaptivecards.js');
  return adaptiveCards;
}

function collectActions(card, out = []) {
  const count = typeof card.getActionCount === 'function' ? card.getActionCount() : 0;
  for (let i = 0; i < count; i++) {
    const action = card.getActionAt(i);
    out.push({ type: action.getJsonTypeName(), title: action.title, ...(action.data !== undefined ? { data: action.data } : {}) });
  }
  return out;
}

/**
 * Parses an Adaptive Card the way Web Chat's renderer does. Returns
 * { version, problems: [...], actions: [{ type, title, data }] }.
 * Problems include parse warnings and things Web Chat cannot do (Action.Execute).
 */
export function inspectAdaptiveCard(content) {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    return { problems: ['attachment content is not a JSON object (Web Chat needs the card object, not a string)'], actions: [] };
  }
  const AC = loadAdaptiveCards();
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  const problems = [];
  if (content.type !== 'AdaptiveCard') problems.push(`"type" is ${JSON.stringify(content.type)}, expected "AdaptiveCard"`);
  try {
    card.parse(content, context);
  } catch (error) {
    problems.push(`parse threw: ${error?.message ?? error}`);
  }
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const actions = collectActions(card);
  for (const a of actions) {
    if (a.type === 'Action.Execute') problems.push(`"${a.title}" is Action.Execute, which Web Chat does not support (use Action.Submit)`);
  }
  return { version: card.version?.toString(), problems, actions };
}

export function adaptiveCardsOf(activity) {
  return (activity?.attachments ?? []).filter((a) => a?.contentType === ADAPTIVE_CARD);
}

// ---------------------------------------------------------------------------------------------
// Time

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout(promise, ms, description) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new ClientError(`${description}: timed out after ${ms / 1000}s.`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
