#!/usr/bin/env node
// The agent hub and Web Chat in two Chromium contexts against the host at BOT_URL.
//
//   BOT_URL=http://127.0.0.1:3978 HUB_USER=admin HUB_PASSWORD=... node hub-browser.mjs
//
// Env: BOT_URL (required); HUB_USER (default admin); HUB_PASSWORD (required); CHROMIUM_PATH (default
// /usr/bin/chromium); SCREENSHOT_DIR (default <tmp>/hub-browser); WAIT_MS (per wait, default 20000);
// QUESTION (answered by the bot before the customer asks for a person); SATISFACTION_PATTERN (regular
// expression the satisfaction card's text must match).
//
// 1. Signed out: GET /api/handoffs and /api/auth/me answer 401; /hub shows only the sign-in form.
// 2. The agent signs in (context B) and the queue goes live; the cookie is HttpOnly and SameSite=Strict.
// 3. The customer (context A) asks QUESTION in Web Chat, then asks for a person; the handoff card appears
//    in the agent's queue without a reload, its waiting time ticking. Screenshot hub-queue.png.
// 4. The agent clicks "Take over"; the customer sends a message with HTML and a script; the hub shows it
//    as literal text and nothing in it runs (window.__xss stays undefined).
// 5. The agent teaches the bot a better answer for the bot's earlier answer and sees the confirmation.
// 6. The agent replies; the customer sees the reply. Screenshot hub-conversation.png.
// 7. The agent resolves; the customer sees the satisfaction card. Screenshot hub-customer.png.
// Fails on uncaught errors in either page. One JSON line; exit 0/1/2.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, openContext, screenshotter, waitFor, webChatTranscript, WEBCHAT_SELECTORS } from './browser.mjs';
import { ClientError, ConfigError, Run, botUrlFromEnv, env, envInt, http, requireEnv, sleep } from './lib.mjs';

/** Everything this script relies on in the hub's DOM, in one place. `{ role, name }` = accessible role and exact name. */
export const HUB_SELECTORS = {
  loginForm: '[data-testid="login-form"]',
  username: '[data-testid="login-form"] input[name="username"]',
  password: '[data-testid="login-form"] input[name="password"]',
  signIn: { role: 'button', name: 'Sign in' },
  hubPage: '.hub-page',
  queue: '[data-testid="queue"]',
  status: '[data-testid="connection-status"]',
  handoffCard: '[data-testid="handoff-card"]',
  renderedCard: '.ac-adaptiveCard',
  waitingTime: '[data-testid="waiting-time"] time',
  takeOver: { role: 'button', name: 'Take over' },
  conversation: '[data-testid="conversation"]',
  conversationState: '[data-testid="conversation-state"]',
  transcriptItem: '[data-testid="transcript-item"]',
  messageText: '[data-testid="message-text"]',
  replyInput: '[data-testid="reply-input"]',
  teach: { role: 'button', name: 'Teach the bot' },
  teachForm: '[data-testid="teach-form"]',
  teachAnswer: { role: 'textbox', name: 'Better answer' },
  teachRoute: { role: 'combobox', name: 'Route' },
  teachSave: { role: 'button', name: 'Save correction' },
  teachConfirmation: '[data-testid="teach-confirmation"]',
  resolve: { role: 'button', name: 'Resolve' },
  resolveConfirm: { role: 'button', name: 'Resolve conversation' },
};

const HUMAN_REQUEST = 'I want to talk to a human';
const XSS_PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const TAUGHT_ANSWER = 'Open Settings, choose Security, then Reset password. The reset link is valid for one hour.';
const TEACH_CONFIRMATION = 'The bot will now answer this with your text.';

const run = new Run('hub-browser');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const user = env('HUB_USER', 'admin');
  const password = requireEnv('HUB_PASSWORD', 'The hub password of HUB_USER (Hub:Admin:Password for the admin).');
  const executablePath = env('CHROMIUM_PATH', '/usr/bin/chromium');
  const waitMs = envInt('WAIT_MS', 20_000);
  const question = env('QUESTION', 'How do I reset my password?');
  let satisfactionPattern;
  try {
    satisfactionPattern = new RegExp(env('SATISFACTION_PATTERN', 'satisf|how did (we|I) do|rate'), 'i');
  } catch (error) {
    throw new ConfigError(`SATISFACTION_PATTERN is not a valid regular expression: ${error.message}`);
  }
  const marker = `invoice-${Date.now().toString(36)}`;
  const customerText = `${XSS_PAYLOAD} Where is my ${marker}?`;
  const replyText = `Hello, this is the support team: your ${marker} is on its way.`;

  Object.assign(results, {
    botUrl,
    user,
    signedOut: {},
    cookie: undefined,
    handoff: {},
    xss: {},
    teach: {},
    reply: {},
    resolve: {},
    diagnostics: {},
    selectors: HUB_SELECTORS,
  });
  const screenshot = screenshotter(resolve(env('SCREENSHOT_DIR', join(tmpdir(), 'hub-browser'))), results);

  // Signed out ------------------------------------------------------------------------------------
  run.stage('preflight');
  const hubHtml = await http(`${botUrl}/hub`, { headers: { Accept: 'text/html' }, timeoutMs: waitMs });
  if (hubHtml.status !== 200 || !/<div id="root">/.test(hubHtml.text)) {
    throw new ClientError(`GET ${botUrl}/hub returned HTTP ${hubHtml.status}${hubHtml.status === 200 ? ' without the hub page (is web/dist built?)' : ''}.`);
  }
  results.signedOut.handoffsStatus = (await http(`${botUrl}/api/handoffs`, { timeoutMs: waitMs })).status;
  results.signedOut.meStatus = (await http(`${botUrl}/api/auth/me`, { timeoutMs: waitMs })).status;
  run.check(results.signedOut.handoffsStatus === 401, `GET /api/handoffs without the cookie answered ${results.signedOut.handoffsStatus}, expected 401.`);
  run.check(results.signedOut.meStatus === 401, `GET /api/auth/me without the cookie answered ${results.signedOut.meStatus}, expected 401.`);

  run.stage('launch');
  const browser = await launchChromium(run, executablePath);
  results.browserVersion = browser.version();
  const agent = await openContext(browser, { label: 'hub', waitMs, viewport: { width: 1366, height: 860 } });
  const customer = await openContext(browser, { label: 'customer', waitMs });
  results.diagnostics = { hub: agent.diagnostics, customer: customer.diagnostics };
  const hub = agent.page;
  const chat = customer.page;
  const byRole = (page, spec) => page.getByRole(spec.role, { name: spec.name, exact: true });

  try {
    run.stage('signed-out-page');
    await hub.goto(`${botUrl}/hub`, { waitUntil: 'domcontentloaded' });
    await hub.locator(HUB_SELECTORS.loginForm).waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError('/hub did not show the sign-in form to a signed-out browser.');
    });
    await sleep(500);
    results.signedOut.hubElements = await hub.locator(`${HUB_SELECTORS.hubPage}, ${HUB_SELECTORS.queue}, ${HUB_SELECTORS.handoffCard}`).count();
    run.check(results.signedOut.hubElements === 0, 'The signed-out /hub page shows hub content besides the sign-in form.');
    await screenshot(hub, 'hub-signin.png');

    run.stage('sign-in');
    await hub.locator(HUB_SELECTORS.username).fill(user);
    await hub.locator(HUB_SELECTORS.password).fill(password);
    await byRole(hub, HUB_SELECTORS.signIn).click();
    await hub.locator(HUB_SELECTORS.queue).waitFor({ state: 'visible' }).catch(async () => {
      const alert = await hub.getByRole('alert').allInnerTexts().catch(() => []);
      throw new ClientError(`Signing in as "${user}" did not show the queue. Page says: ${alert.join(' ') || '(nothing)'}`);
    });
    await waitFor(
      async () => /live/i.test((await hub.locator(HUB_SELECTORS.status).innerText().catch(() => '')) ?? ''),
      waitMs,
      async () => `The hub did not connect live: status "${await hub.locator(HUB_SELECTORS.status).innerText().catch(() => '?')}".`,
    );
    const cookies = await agent.context.cookies(botUrl);
    const session = cookies.find((c) => c.httpOnly) ?? cookies[0];
    results.cookie = session ? { name: session.name, httpOnly: session.httpOnly, sameSite: session.sameSite } : undefined;
    run.check(session?.httpOnly === true, `The sign-in cookie is not HttpOnly: ${JSON.stringify(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly })))}`);
    run.check(session?.sameSite === 'Strict', `The sign-in cookie is SameSite=${session?.sameSite}, expected Strict.`);

    // Customer asks, then asks for a person ---------------------------------------------------------
    run.stage('customer-opens-chat');
    let conversationStarted = false;
    chat.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().method() === 'POST' && url.pathname === '/v3/directline/conversations' && response.status() < 300) conversationStarted = true;
    });
    await chat.goto(`${botUrl}/`, { waitUntil: 'domcontentloaded' });
    await chat.locator(WEBCHAT_SELECTORS.sendBox).waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError('The help-centre page did not show Web Chat\'s send box.');
    });
    await waitFor(() => conversationStarted, waitMs, () => 'Web Chat did not start a Direct Line conversation.');
    // The greeting: once it shows, the conversation is live and the next bot message answers the question.
    await chat.locator(WEBCHAT_SELECTORS.botActivity).first().waitFor({ state: 'visible' }).catch(() => run.warn('no greeting from the bot'));
    const cardsBefore = await hub.locator(HUB_SELECTORS.handoffCard).count();

    run.stage('customer-asks');
    await customerSays(chat, question, waitMs);

    run.stage('customer-asks-for-person');
    await customerSays(chat, HUMAN_REQUEST, waitMs);

    run.stage('handoff-appears');
    const card = hub.locator(HUB_SELECTORS.handoffCard, { has: byRole(hub, HUB_SELECTORS.takeOver) }).first();
    await card.waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError(`No handoff card with "Take over" appeared in the hub within ${waitMs / 1000}s of the customer asking for a person (without reloading).`);
    });
    results.handoff.cardsBefore = cardsBefore;
    results.handoff.id = await card.getAttribute('data-handoff-id');
    results.handoff.renderedAdaptiveCard = (await card.locator(HUB_SELECTORS.renderedCard).count()) > 0;
    results.handoff.cardText = (await card.innerText()).replace(/\s+/g, ' ').trim().slice(0, 500);
    run.check(results.handoff.renderedAdaptiveCard, 'The handoff card was not rendered with the Adaptive Cards renderer.');
    const waited = async () => Number(/PT(\d+)S/.exec((await card.locator(HUB_SELECTORS.waitingTime).getAttribute('datetime')) ?? '')?.[1]);
    const firstWait = await waited();
    await sleep(2_200);
    results.handoff.waitingSeconds = [firstWait, await waited()];
    run.check(results.handoff.waitingSeconds[1] > firstWait, `The waiting time does not tick: ${JSON.stringify(results.handoff.waitingSeconds)}.`);
    await screenshot(hub, 'hub-queue.png');

    // Take over; the customer's HTML stays text -----------------------------------------------------
    run.stage('take-over');
    await byRole(card, HUB_SELECTORS.takeOver).click();
    const conversation = hub.locator(HUB_SELECTORS.conversation);
    await conversation.waitFor({ state: 'visible' });
    await waitFor(
      async () => /with you/i.test(await conversation.locator(HUB_SELECTORS.conversationState).innerText().catch(() => '')),
      waitMs,
      async () => `After "Take over" the conversation says "${await conversation.locator(HUB_SELECTORS.conversationState).innerText().catch(() => '?')}", not "With you".`,
    );
    results.handoff.transcriptItems = await conversation.locator(HUB_SELECTORS.transcriptItem).count();
    run.check(results.handoff.transcriptItems >= 3, `The taken conversation shows ${results.handoff.transcriptItems} transcript items; expected the question, the answer and the request for a person.`);

    run.stage('customer-sends-html');
    await customerSays(chat, customerText, waitMs, { waitForBot: false });
    const customerItem = conversation.locator(`${HUB_SELECTORS.transcriptItem}[data-from="customer"]`, { hasText: marker });
    await customerItem.waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError(`The customer's message did not reach the hub within ${waitMs / 1000}s.`);
    });
    const shown = await customerItem.locator(HUB_SELECTORS.messageText).innerText();
    await sleep(500);
    results.xss = {
      shown,
      literal: shown.includes(XSS_PAYLOAD),
      injectedImages: await hub.locator(`${HUB_SELECTORS.conversation} img[src="x"], ${HUB_SELECTORS.queue} img[src="x"]`).count(),
      hubValue: await hub.evaluate(() => window.__xss),
      customerValue: await chat.evaluate(() => window.__xss),
    };
    run.check(results.xss.literal, `The hub did not show the customer's HTML as literal text: ${JSON.stringify(shown)}.`);
    run.check(results.xss.injectedImages === 0, 'The customer\'s <img> tag was turned into an element in the hub.');
    run.check(results.xss.hubValue === undefined, `Script from the customer's message ran in the hub: window.__xss = ${results.xss.hubValue}.`);
    if (results.xss.customerValue !== undefined) run.warn(`window.__xss = ${results.xss.customerValue} in the customer's Web Chat page`);

    // Teach the bot ----------------------------------------------------------------------------------
    run.stage('teach');
    const teachable = conversation.locator(`${HUB_SELECTORS.transcriptItem}[data-from="bot"]`, { has: byRole(hub, HUB_SELECTORS.teach) }).first();
    await teachable.waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError('No bot message in the transcript offers "Teach the bot" (the answer to QUESTION should carry `answer`).');
    });
    results.teach.activityId = await teachable.getAttribute('data-id');
    // Pinned by id: once the form opens, the message no longer has the button the first locator looks for.
    const answered = conversation.locator(`${HUB_SELECTORS.transcriptItem}[data-id="${results.teach.activityId}"]`);
    await byRole(answered, HUB_SELECTORS.teach).click();
    const teachForm = answered.locator(HUB_SELECTORS.teachForm);
    const prefilled = await byRole(teachForm, HUB_SELECTORS.teachAnswer).inputValue();
    results.teach.prefilled = prefilled.slice(0, 200);
    run.check(prefilled.trim().length > 0, 'The teach form is not prefilled with the bot\'s answer.');
    await byRole(teachForm, HUB_SELECTORS.teachAnswer).fill(TAUGHT_ANSWER);
    await byRole(teachForm, HUB_SELECTORS.teachRoute).selectOption('technical');
    await byRole(teachForm, HUB_SELECTORS.teachSave).click();
    const confirmation = answered.locator(HUB_SELECTORS.teachConfirmation);
    await waitFor(
      async () => (await confirmation.innerText().catch(() => '')).includes(TEACH_CONFIRMATION),
      waitMs,
      async () => `No "${TEACH_CONFIRMATION}" after saving the correction; the hub shows: ${JSON.stringify(await answered.innerText().catch(() => ''))}.`,
    );
    results.teach.confirmed = true;

    // Reply ------------------------------------------------------------------------------------------
    run.stage('agent-replies');
    const replyBox = hub.locator(HUB_SELECTORS.replyInput);
    await replyBox.click();
    await replyBox.pressSequentially(replyText.slice(0, 20), { delay: 40 });
    // The hub sends Typing while the agent types; Web Chat shows the bot typing.
    results.reply.customerSawTyping = await chat.locator(WEBCHAT_SELECTORS.typingIndicator).first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!results.reply.customerSawTyping) run.warn('the customer did not see a typing indicator while the agent typed');
    await replyBox.fill(replyText);
    await replyBox.press('Enter');
    await conversation.locator(`${HUB_SELECTORS.transcriptItem}[data-from="agent"]`, { hasText: replyText }).waitFor({ state: 'visible' }).catch(() => {
      throw new ClientError('The agent\'s reply did not show in the hub transcript.');
    });
    await chat.locator(WEBCHAT_SELECTORS.botActivity, { hasText: replyText }).first().waitFor({ state: 'visible' }).catch(async () => {
      throw new ClientError(`The customer did not see the agent's reply within ${waitMs / 1000}s.`, { details: { transcript: await webChatTranscript(chat) } });
    });
    Object.assign(results.reply, { text: replyText, seenByCustomer: true, clearedBox: (await replyBox.inputValue()) === '' });
    await screenshot(hub, 'hub-conversation.png');

    // Resolve ----------------------------------------------------------------------------------------
    run.stage('resolve');
    await byRole(conversation, HUB_SELECTORS.resolve).click();
    await byRole(conversation, HUB_SELECTORS.resolveConfirm).click();
    await waitFor(
      async () => /resolved/i.test(await conversation.locator(HUB_SELECTORS.conversationState).innerText().catch(() => '')),
      waitMs,
      async () => `After resolving, the conversation says "${await conversation.locator(HUB_SELECTORS.conversationState).innerText().catch(() => '?')}".`,
    );
    results.resolve.queueStillShowsIt = await hub.locator(`${HUB_SELECTORS.handoffCard}[data-handoff-id="${results.handoff.id}"]`).count();
    run.check(results.resolve.queueStillShowsIt === 0, 'The resolved handoff is still in the queue.');

    run.stage('customer-satisfaction-card');
    const satisfaction = chat.locator(WEBCHAT_SELECTORS.adaptiveCard, { hasText: satisfactionPattern }).first();
    await satisfaction.waitFor({ state: 'visible' }).catch(async () => {
      throw new ClientError(`The customer got no satisfaction card (an Adaptive Card matching ${satisfactionPattern}) within ${waitMs / 1000}s of resolving.`, {
        details: { transcript: await webChatTranscript(chat) },
      });
    });
    results.resolve.satisfactionCard = (await satisfaction.innerText()).replace(/\s+/g, ' ').trim().slice(0, 300);
    await satisfaction.scrollIntoViewIfNeeded();
    await screenshot(chat, 'hub-customer.png');
    await screenshot(hub, 'hub-resolved.png');

    run.stage('page-errors');
    const errors = [...agent.diagnostics.pageErrors, ...customer.diagnostics.pageErrors];
    run.check(errors.length === 0, `Uncaught errors in the pages: ${errors.join(' | ')}`);
  } catch (error) {
    await screenshot(hub, 'hub-failure.png').catch(() => undefined);
    await screenshot(chat, 'hub-customer-failure.png').catch(() => undefined);
    throw error;
  }
});

/**
 * Types `text` into Web Chat and sends it; unless waitForBot is false, waits for the next bot
 * message (anything the bot shows after this one).
 */
async function customerSays(page, text, waitMs, { waitForBot = true } = {}) {
  const botBefore = await page.locator(WEBCHAT_SELECTORS.botActivity).count();
  const sendBox = page.locator(WEBCHAT_SELECTORS.sendBox);
  await sendBox.click();
  await sendBox.fill(text);
  await sendBox.press('Enter');
  if (!waitForBot) return;
  await page.locator(WEBCHAT_SELECTORS.botActivity).nth(botBefore).waitFor({ state: 'visible' }).catch(async () => {
    throw new ClientError(`The bot did not answer "${text}" within ${waitMs / 1000}s.`, { details: { transcript: await webChatTranscript(page) } });
  });
}
