#!/usr/bin/env node
// Web Chat in a real Chromium against the host's page at BOT_URL/.
//
//   BOT_URL=http://127.0.0.1:3978 node webchat-browser.mjs
//
// Env: BOT_URL (required); CHROMIUM_PATH (default /usr/bin/chromium); SCREENSHOT_DIR (default
// <tmp>/webchat-browser); QUESTION; WAIT_MS (per wait, default 20000); THUMBS_UP_LABEL (exact
// label of the card's thumbs-up button when the default matching does not find it); ACK_PATTERN
// (regular expression the acknowledgement text must match; default: any text).
//
// Opens the page, waits for Web Chat's send box, asks a question, waits for a bot reply with an
// Adaptive Card and for the question to show as sent (not "Send failed"), clicks thumbs-up, waits
// for the bot's acknowledgement; screenshots webchat-answer.png / webchat-feedback.png (and
// webchat-failure.png on failure). Fails on uncaught page errors. One JSON line; exit 0/1/2.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ClientError, ConfigError, Run, botUrlFromEnv, env, envInt, http, sleep } from './lib.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';

const require = createRequire(import.meta.url);


/** Everything this script relies on in the page's DOM, in one place. */
export const SELECTORS = {
  sendBox: '[data-id="webchat-sendbox-input"]',
  chatError: '[data-testid="chat-error"]',
  activity: 'article.webchat__basic-transcript__activity',
  fromUser: '.webchat__stacked-layout--from-user',
  botActivity: 'article.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))',
  sending: '.webchat__activity-status--sending',
  adaptiveCard: '.ac-adaptiveCard',
  cardButton: '.ac-pushButton',
  textContent: '.webchat__text-content',
};

const USER_ID_STORAGE_KEY = 'northwind.chat.userId';
const THUMBS_UP = /👍|\bthumbs?[\s_-]*up\b/i;
const POSITIVE = /^\s*(yes|helpful|this helped|it helped)\b/i;
const NEGATIVE = /👎|\bnot\b|\bno\b|\bdown\b/i;

const run = new Run('webchat-browser');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const executablePath = env('CHROMIUM_PATH', '/usr/bin/chromium');
  const screenshotDir = resolve(env('SCREENSHOT_DIR', join(tmpdir(), 'webchat-browser')));
  const waitMs = envInt('WAIT_MS', 20_000);
  const question = env('QUESTION', 'How do I reset my password?');
  const thumbsUpLabel = env('THUMBS_UP_LABEL');
  let ackPattern;
  try {
    ackPattern = env('ACK_PATTERN') ? new RegExp(env('ACK_PATTERN'), 'i') : undefined;
  } catch (error) {
    throw new ConfigError(`ACK_PATTERN is not a valid regular expression: ${error.message}`);
  }

  Object.assign(results, {
    botUrl,
    question,
    screenshots: {},
    tokenResponse: undefined,
    userId: undefined,
    transport: undefined,
    answer: undefined,
    feedback: undefined,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    selectors: SELECTORS,
  });

  // Preconditions ----------------------------------------------------------------------------
  run.stage('preflight');
  if (!existsSync(executablePath)) {
    throw new ConfigError(`Chromium not found at ${executablePath}. Set CHROMIUM_PATH or run: apt-get install -y chromium`);
  }
  const home = await http(`${botUrl}/`, { headers: { Accept: 'text/html' }, timeoutMs: waitMs });
  if (home.status !== 200 || !/<div id="root">/.test(home.text)) {
    throw new ClientError(`GET ${botUrl}/ returned HTTP ${home.status}${home.status === 200 ? ' without the web page (is web/dist built and served at /?)' : ''}.`);
  }
  mkdirSync(screenshotDir, { recursive: true });

  run.stage('launch');
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  run.onCleanup(() => browser.close());
  results.browserVersion = browser.version();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);

  // What the page does on the network and in the console.
  const directLineCalls = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && results.consoleErrors.length < 20) results.consoleErrors.push(msg.text().slice(0, 300));
  });
  page.on('pageerror', (error) => {
    results.pageErrors.push(`${error.name}: ${error.message}`.slice(0, 1000));
    run.warn(`uncaught page error: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    results.failedRequests.push(`${request.method()} ${stripToken(request.url())}: ${request.failure()?.errorText}`);
  });
  page.on('response', async (response) => {
    const url = new URL(response.url());
    const entry = { method: response.request().method(), path: url.pathname, status: response.status() };
    if (url.pathname === '/api/chat/token') {
      results.tokenResponse = { status: entry.status, contentType: response.headers()['content-type'] };
    } else if (url.pathname.startsWith('/v3/directline/')) {
      directLineCalls.push(entry);
      if (entry.status >= 400) results.failedRequests.push(`${entry.method} ${entry.path}: HTTP ${entry.status}`);
    }
  });
  const sockets = [];
  page.on('websocket', (ws) => {
    const entry = { url: stripToken(ws.url()), framesReceived: 0, closed: false };
    sockets.push(entry);
    ws.on('framereceived', () => entry.framesReceived++);
    ws.on('close', () => (entry.closed = true));
  });

  const screenshot = async (name) => {
    const file = join(screenshotDir, name);
    await page.screenshot({ path: file, fullPage: false });
    results.screenshots[name.replace(/\.png$/, '')] = file;
  };

  try {
    // Page and Web Chat ----------------------------------------------------------------------
    run.stage('open-page');
    const nav = await page.goto(`${botUrl}/`, { waitUntil: 'domcontentloaded', timeout: waitMs }).catch((error) => {
      throw new ConfigError(`Chromium could not open ${botUrl}/: ${error.message.split('\n')[0]}`);
    });
    run.check(nav?.ok(), `GET ${botUrl}/ in Chromium returned HTTP ${nav?.status()}.`);

    run.stage('wait-send-box');
    const first = await page.waitForSelector(`${SELECTORS.sendBox}, ${SELECTORS.chatError}`, { state: 'visible' }).catch(() => null);
    if (!first || (await page.$(SELECTORS.chatError))) {
      const text = (await page.textContent(SELECTORS.chatError).catch(() => null)) ?? '(neither the send box nor the error state appeared)';
      throw new ClientError(`The page did not show Web Chat. Token call: ${JSON.stringify(results.tokenResponse ?? 'not made')}. Page says: ${text.replace(/\s+/g, ' ').trim()}`);
    }
    results.userId = await page.evaluate((key) => window.localStorage.getItem(key), USER_ID_STORAGE_KEY);
    run.check(results.tokenResponse?.status === 200, `POST /api/chat/token returned ${JSON.stringify(results.tokenResponse)}.`);
    run.check(/^dl_/.test(results.userId ?? ''), `The page did not store a dl_ user id from /api/chat/token (localStorage ${USER_ID_STORAGE_KEY} = ${JSON.stringify(results.userId)}).`);

    run.stage('wait-conversation');
    await waitUntil(
      () => directLineCalls.some((c) => c.method === 'POST' && c.path === '/v3/directline/conversations' && c.status < 300),
      waitMs,
      () => `Web Chat did not start a conversation: Direct Line calls so far ${JSON.stringify(directLineCalls)}.`,
    );

    // Question and answer --------------------------------------------------------------------
    run.stage('ask');
    const cardsBefore = await page.locator(SELECTORS.adaptiveCard).count();
    const sendBox = page.locator(SELECTORS.sendBox);
    await sendBox.click();
    await sendBox.fill(question);
    await sendBox.press('Enter');

    run.stage('wait-answer-card');
    const card = page.locator(SELECTORS.adaptiveCard).nth(cardsBefore);
    await card.waitFor({ state: 'visible' }).catch(async () => {
      throw new ClientError(`No bot reply with an Adaptive Card (${SELECTORS.adaptiveCard}) within ${waitMs / 1000}s of sending.`, {
        details: { transcript: await transcript(page) },
      });
    });
    const answerArticle = page.locator(SELECTORS.activity, { has: card });
    results.answer = {
      text: (await answerArticle.locator(SELECTORS.textContent).allInnerTexts().catch(() => [])).join('\n').trim() || undefined,
      buttons: await buttonLabels(card),
    };

    run.stage('wait-sent');
    // Every bubble with the question text: Web Chat shows the outgoing copy ("Sending", then the
    // time or "Send failed"); an echo it could not match (clientActivityID lost) shows as a second bubble.
    const userArticles = page.locator(SELECTORS.activity, { has: page.locator(SELECTORS.fromUser), hasText: question });
    await userArticles.first().waitFor({ state: 'visible' });
    const sendState = await waitForSendState(userArticles, waitMs);
    results.sendStatus = sendState;
    run.check(sendState !== 'send failed', 'The question shows "Send failed": Web Chat did not get both the POST answer and the echo (same channelData.clientActivityID, with an id) in time.');
    run.check(sendState === 'sent', `The question still shows "Sending" after ${waitMs / 1000}s.`);
    const bubbles = await userArticles.count();
    run.check(bubbles === 1, `The question shows ${bubbles} times in the transcript: the echo did not replace the outgoing copy (the echo must carry the same channelData.clientActivityID).`);
    await screenshot('webchat-answer.png');

    // Feedback ---------------------------------------------------------------------------------
    run.stage('feedback');
    const labels = results.answer.buttons;
    const thumbsUp = pickThumbsUp(labels, thumbsUpLabel);
    if (thumbsUp === undefined) {
      throw new ClientError(`No thumbs-up button in the answer card. Buttons: ${JSON.stringify(labels)}. Set THUMBS_UP_LABEL to the right one.`);
    }
    const botCountBefore = await page.locator(SELECTORS.botActivity).count();
    const userCountBefore = await page.locator(SELECTORS.activity, { has: page.locator(SELECTORS.fromUser) }).count();
    await card.locator(SELECTORS.cardButton).nth(thumbsUp.index).click();
    results.feedback = { clicked: thumbsUp.label };

    run.stage('wait-acknowledgement');
    const ack = page.locator(SELECTORS.botActivity).nth(botCountBefore);
    await ack.waitFor({ state: 'visible' }).catch(async () => {
      throw new ClientError(`No bot message after clicking "${thumbsUp.label}" within ${waitMs / 1000}s.`, {
        details: { transcript: await transcript(page) },
      });
    });
    const ackText = (await ack.locator(SELECTORS.textContent).allInnerTexts()).join('\n').trim();
    results.feedback.acknowledgement = ackText;
    run.check(ackText.length > 0, 'The bot answered the feedback click without text.');
    if (ackPattern) run.check(ackPattern.test(ackText), `The acknowledgement "${ackText}" does not match ACK_PATTERN ${ackPattern}.`);
    const userCountAfter = await page.locator(SELECTORS.activity, { has: page.locator(SELECTORS.fromUser) }).count();
    if (userCountAfter !== userCountBefore) run.warn('the thumbs-up click showed a user message in the transcript (Action.Submit data should be an object, so Web Chat posts a hidden postBack)');
    await sleep(300);
    await screenshot('webchat-feedback.png');

    // Wrap-up ----------------------------------------------------------------------------------
    run.stage('page-errors');
    results.transport = sockets.some((s) => s.framesReceived > 0)
      ? 'websocket'
      : directLineCalls.some((c) => c.method === 'GET' && c.path.endsWith('/activities'))
        ? 'polling'
        : 'unknown';
    results.webSockets = sockets;
    results.directLineCalls = summarizeCalls(directLineCalls);
    run.check(results.pageErrors.length === 0, `Uncaught errors in the page: ${results.pageErrors.join(' | ')}`);
  } catch (error) {
    results.webSockets ??= sockets;
    results.directLineCalls ??= summarizeCalls(directLineCalls);
    await screenshot('webchat-failure.png').catch(() => undefined);
    throw error;
  }
});

/** 'sent' once no matching user activity is "Sending" or "Send failed"; polls until waitMs. */
async function waitForSendState(articles, waitMs) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const text = (await articles.allInnerTexts().catch(() => [])).join('\n');
    if (/send failed/i.test(text)) return 'send failed';
    const sending = (await articles.locator(SELECTORS.sending).count()) > 0 || /\bsending\b/i.test(text);
    if (!sending) return 'sent';
    if (Date.now() > deadline) return 'sending';
    await sleep(250);
  }
}

/** The transcript as Web Chat's screen-reader labels ("Bot NC said: …", "You said: …"). */
async function transcript(page) {
  const texts = await page.locator(SELECTORS.activity).allInnerTexts().catch(() => []);
  return texts.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 300));
}

async function buttonLabels(card) {
  return card.locator(SELECTORS.cardButton).evaluateAll((buttons) =>
    buttons.map((b) => (b.getAttribute('aria-label') || b.getAttribute('title') || b.textContent || '').trim()),
  );
}

/** The card's thumbs-up: an exact THUMBS_UP_LABEL, else 👍 / "thumbs up", else "Yes"/"Helpful" (not "Not helpful"). */
function pickThumbsUp(labels, exact) {
  const indexed = labels.map((label, index) => ({ label, index }));
  if (exact) return indexed.find((b) => b.label === exact);
  return indexed.find((b) => THUMBS_UP.test(b.label)) ?? indexed.find((b) => POSITIVE.test(b.label) && !NEGATIVE.test(b.label));
}

async function waitUntil(condition, timeoutMs, message) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new ClientError(message());
    await sleep(100);
  }
}

function stripToken(url) {
  return url.replace(/([?&]t=)[^&]+/, '$1…');
}

function summarizeCalls(calls) {
  const counts = {};
  for (const c of calls) {
    const key = `${c.method} ${c.path.replace(/\/conversations\/[^/]+/, '/conversations/{id}')} ${c.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
