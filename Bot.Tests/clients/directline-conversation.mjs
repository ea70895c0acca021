#!/usr/bin/env node
// A real botframework-directlinejs client against the host's Direct Line channel.
//
//   BOT_URL=http://127.0.0.1:3978 DL_SECRET=... node directline-conversation.mjs
//
// Env: BOT_URL, DL_SECRET (required); DL_WEBSOCKET=false for HTTP polling; QUESTION, QUESTION2;
// WAIT_MS (per wait, default 20000); WELCOME_WAIT_MS (default 10000); DL_USER_ID (a dl_ id to put
// in tokens/generate; by default the host picks one).
//
// 1. tokens/generate with the secret; the user id is the token's `user` claim.
// 2. Client 1: start, post a question with nested channelData; check the id format
//    (<conversationId>|0000NNN), the echo (same id, channelData deep-equal) and a bot answer.
// 3. End client 1; tokens/refresh; client 2 resumes the same conversation from the last watermark,
//    asks a second question; check nothing client 1 saw is delivered again and the answer arrives.
// Prints one JSON line ({ ok, conversationId, ids, answers, duplicates, ... }); exit 0/1/2.
import {
  ActivityLog,
  Run,
  activityIdPattern,
  adaptiveCardsOf,
  botUrlFromEnv,
  createDirectLine,
  deepEqual,
  endClient,
  env,
  envInt,
  generateToken,
  inspectAdaptiveCard,
  isBotMessage,
  loadDirectLine,
  postActivity,
  randomId,
  refreshToken,
  requireEnv,
  sequenceOf,
  sleep,
  summarizeActivity,
  userIdFromToken,
  waitForStatus,
} from './lib.mjs';

const run = new Run('directline-conversation');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const secret = requireEnv('DL_SECRET', "Use the host's DirectLine:Secret (printed at start-up in Development).");
  const webSocket = env('DL_WEBSOCKET') !== 'false';
  const waitMs = envInt('WAIT_MS', 20_000);
  const welcomeWaitMs = envInt('WELCOME_WAIT_MS', 10_000);
  const questions = [env('QUESTION', 'How do I reset my password?'), env('QUESTION2', 'What payment methods do you accept?')];
  const { ConnectionStatus } = loadDirectLine();

  Object.assign(results, {
    botUrl,
    mode: webSocket ? 'websocket' : 'polling',
    conversationId: undefined,
    userId: undefined,
    posted: [],
    ids: { first: [], second: [] },
    answers: [],
    welcome: null,
    watermark: undefined,
    duplicates: [],
  });

  // 1. Token -------------------------------------------------------------------------------
  run.stage('generate-token');
  const generated = await generateToken(botUrl, secret, { userId: env('DL_USER_ID'), timeoutMs: waitMs });
  const userId = userIdFromToken(generated.token);
  run.check(userId, 'The token from tokens/generate is not a JWT with a "user" claim; Web Chat and DirectLineJS read the user id from it.');
  if (!userId.startsWith('dl_')) run.warn(`token user claim "${userId}" does not start with "dl_"`);
  run.check(typeof generated.expiresIn === 'number' && generated.expiresIn > 15 * 60, `tokens/generate: expires_in must be a number > 900 (DirectLineJS refreshes every 15 min), got ${generated.expiresIn}.`);
  const conversationId = generated.conversationId;
  Object.assign(results, { conversationId, userId, expiresIn: generated.expiresIn });
  const idPattern = activityIdPattern(conversationId);

  const message = (text) => ({
    type: 'message',
    from: { id: userId },
    text,
    channelData: { clientActivityID: randomId('cid-'), custom: { nested: [1, { a: 'b' }] } },
  });

  /** The bot's answer to `postedId`: a bot message after it, replying to it (or to nothing). */
  const answerTo = (postedId, excludeIds) => (a) =>
    isBotMessage(a, userId) &&
    !excludeIds.has(a.id) &&
    (sequenceOf(a.id, conversationId) ?? -1) > sequenceOf(postedId, conversationId) &&
    (!a.replyToId || a.replyToId === postedId);

  const describeAnswer = (a, postedId) => {
    const cards = adaptiveCardsOf(a).map((att) => inspectAdaptiveCard(att.content));
    for (const card of cards) for (const p of card.problems) run.warn(`answer ${a.id}: card: ${p}`);
    if (a.replyToId !== postedId) run.warn(`answer ${a.id} has replyToId ${JSON.stringify(a.replyToId)}, expected ${postedId} (Web Chat orders replies by it)`);
    if (typeof a.timestamp !== 'string') run.warn(`answer ${a.id} has no string timestamp (Web Chat sorts by it)`);
    return { ...summarizeActivity(a), cards: cards.map((c) => ({ version: c.version, actions: c.actions.map((x) => x.title), problems: c.problems })) };
  };

  /** Post, then check the id format, the echo and the answer. */
  const ask = async (label, directLine, activityLog, text, excludeIds) => {
    run.stage(`${label}:post`);
    const sent = message(text);
    const postedId = await postActivity(directLine, structuredClone(sent), waitMs);
    run.check(typeof postedId === 'string' && idPattern.test(postedId), `postActivity returned id ${JSON.stringify(postedId)}; expected "${conversationId}|0000NNN".`);
    results.posted.push(postedId);

    run.stage(`${label}:echo`);
    const echo = await activityLog.waitFor((a) => a?.id === postedId, { timeoutMs: waitMs, description: `echo of ${postedId}` });
    run.check(deepEqual(echo.channelData, sent.channelData), 'The echo does not carry the channelData that was sent (Web Chat matches echoes by channelData.clientActivityID).', {
      sent: sent.channelData,
      echoed: echo.channelData,
    });
    run.check(echo.text === text, `The echo's text is ${JSON.stringify(echo.text)}, expected ${JSON.stringify(text)}.`);
    run.check(echo.from?.id === userId, `The echo's from.id is ${JSON.stringify(echo.from?.id)}, expected the token's user ${userId}.`);
    if (echo.from?.role && echo.from.role !== 'user') run.warn(`echo from.role is "${echo.from.role}"`);
    if (typeof echo.timestamp !== 'string') run.warn(`echo ${postedId} has no string timestamp`);

    run.stage(`${label}:answer`);
    const answer = await activityLog.waitFor(answerTo(postedId, excludeIds), { timeoutMs: waitMs, description: `bot answer to ${postedId}` });
    results.answers.push(describeAnswer(answer, postedId));
    return { postedId, answer };
  };

  // 2. First client ------------------------------------------------------------------------
  run.stage('first:connect');
  const first = createDirectLine(botUrl, { token: generated.token, webSocket });
  const firstLog = new ActivityLog(first, 'first client');
  run.onCleanup(() => endClient(first, firstLog));
  await waitForStatus(first, ConnectionStatus.Online, waitMs, 'first client start');
  run.check(first.conversationId === conversationId, `POST /conversations with the generated token started conversation ${first.conversationId}, not the token's ${conversationId}.`);
  if (webSocket) run.check(/^wss?:\/\//.test(first.streamUrl ?? ''), `streamUrl must be an absolute ws:// or wss:// URL, got ${JSON.stringify(first.streamUrl)}.`);

  run.stage('first:welcome');
  const welcome = await firstLog
    .waitFor((a) => isBotMessage(a, userId), { timeoutMs: welcomeWaitMs, description: 'welcome message' })
    .catch(() => undefined);
  if (welcome) results.welcome = summarizeActivity(welcome);
  else run.warn(`no welcome message within ${welcomeWaitMs / 1000}s of starting the conversation`);
  const notAnswers = new Set(welcome ? [welcome.id] : []);

  await ask('first', first, firstLog, questions[0], notAnswers);
  await sleep(500); // let trailing activities of the turn (typing, extra messages) arrive

  // 3. Resume with a second client ---------------------------------------------------------
  run.stage('first:end');
  const firstIds = firstLog.ids;
  const maxSeq = Math.max(...firstIds.map((id) => sequenceOf(id, conversationId) ?? -1));
  let watermark = first.watermark;
  if (watermark) {
    results.watermarkSource = 'server';
  } else {
    watermark = String(maxSeq);
    results.watermarkSource = 'derived';
    run.warn(`the host sent no watermark on ${webSocket ? 'WebSocket frames' : 'GET activities'}; resuming from the last sequence number ${watermark}`);
  }
  results.watermark = watermark;
  results.ids.first = firstIds;
  const lastToken = first.token; // the token DirectLineJS ended with (start returns a token too)
  endClient(first, firstLog);

  run.stage('refresh-token');
  const refreshed = await refreshToken(botUrl, lastToken, { timeoutMs: waitMs });
  run.check(refreshed.conversationId === conversationId, `tokens/refresh returned conversationId ${refreshed.conversationId}, expected ${conversationId}.`);
  run.check(userIdFromToken(refreshed.token) === userId, `The refreshed token's user claim is ${JSON.stringify(userIdFromToken(refreshed.token))}, expected ${userId}.`);

  run.stage('second:connect');
  const second = createDirectLine(botUrl, { token: refreshed.token, conversationId, watermark, webSocket });
  const secondLog = new ActivityLog(second, 'second client');
  run.onCleanup(() => endClient(second, secondLog));
  await waitForStatus(second, ConnectionStatus.Online, waitMs, 'second client resume (GET /conversations/{id}?watermark=)');
  run.check(second.conversationId === conversationId, `The resumed client is in conversation ${second.conversationId}, expected ${conversationId}.`);
  await sleep(1000); // anything replayed from before the watermark would arrive now

  const excludeSecond = new Set([...notAnswers, ...firstIds]);
  const { postedId: secondId } = await ask('second', second, secondLog, questions[1], excludeSecond);
  run.check(sequenceOf(secondId, conversationId) > maxSeq, `The second post got id ${secondId}, not after the first client's last activity (sequence ${maxSeq}).`);
  await sleep(500);

  run.stage('second:duplicates');
  const firstIdSet = new Set(firstIds);
  results.ids.second = secondLog.ids;
  results.duplicates = secondLog.ids.filter((id) => firstIdSet.has(id));
  const redelivered = [...firstLog.redelivered, ...secondLog.redelivered];
  if (redelivered.length) {
    results.redeliveredWithinClient = redelivered;
    run.warn(`some activities reached the same client more than once: ${redelivered.map((r) => r.id).join(', ')}`);
  }
  run.check(results.duplicates.length === 0, `The resumed client (watermark ${watermark}) was sent ${results.duplicates.length} activities the first client had already seen: ${results.duplicates.join(', ')}.`);
  endClient(second, secondLog);
});
