#!/usr/bin/env node
// Conformance of the host's Direct Line channel with the real botframework-directlinejs client.
//
//   BOT_URL=http://127.0.0.1:3978 DL_SECRET=... node directline-conformance.mjs
//
// Env: BOT_URL, DL_SECRET (required); DL_WEBSOCKET=false for HTTP polling; WAIT_MS (per wait,
// default 20000); RECONNECT_WAIT_MS (default 30000: DirectLineJS waits 3-15 s before reconnecting).
//
// 1. isolation: two clients in two conversations at once; each sees only its own activities.
// 2. cross-conversation: A's token on B's conversation is refused (REST 403, stream upgrade 403,
//    a DirectLineJS client pointed at B fails to connect and receives nothing).
// 3. upload: DirectLineJS posts a message with two files (multipart upload); the echo carries them
//    at URLs on the host that serve the same bytes; the bot answers the message.
// 4. token refresh: the client's own refreshToken() gets a new token that works.
// 5. typing (WebSocket): a typing activity reaches the socket; polling never sees it.
// 6. reconnect (WebSocket): a newer socket on the conversation closes the client's ("collision");
//    a message and the bot's answer arrive while the client is away; the client reconnects from
//    its watermark and gets both, once.
// Prints one JSON line; exit 0/1/2.
import {
  ActivityLog,
  Run,
  activityIdPattern,
  botUrlFromEnv,
  createDirectLine,
  decodeJwt,
  directLineCall,
  endClient,
  env,
  envInt,
  expectStatus,
  firstValue,
  generateToken,
  isBotMessage,
  loadDirectLine,
  openSocket,
  postActivity,
  randomId,
  reconnectConversation,
  requireEnv,
  sequenceOf,
  serveFiles,
  sleep,
  summarizeActivity,
  userIdFromToken,
  waitForStatus,
} from './lib.mjs';

const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const NOTES = Buffer.from('Steps to reproduce:\n1. open the app\n2. sync fails with E1042\n', 'utf8');

const run = new Run('directline-conformance');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const secret = requireEnv('DL_SECRET', "Use the host's DirectLine:Secret.");
  const webSocket = env('DL_WEBSOCKET') !== 'false';
  const waitMs = envInt('WAIT_MS', 20_000);
  const reconnectWaitMs = envInt('RECONNECT_WAIT_MS', 30_000);
  const { ConnectionStatus } = loadDirectLine();
  Object.assign(results, { botUrl, mode: webSocket ? 'websocket' : 'polling', checks: {} });

  /** A user in a conversation, driven by DirectLineJS. */
  const join = async (label) => {
    const generated = await generateToken(botUrl, secret, { timeoutMs: waitMs });
    const userId = userIdFromToken(generated.token);
    const directLine = createDirectLine(botUrl, { token: generated.token, webSocket });
    const activityLog = new ActivityLog(directLine, label);
    run.onCleanup(() => endClient(directLine, activityLog));
    await waitForStatus(directLine, ConnectionStatus.Online, waitMs, `${label} start`);
    return { label, conversationId: generated.conversationId, userId, directLine, activityLog, token: () => directLine.token };
  };

  const message = (user, text, extra = {}) => ({
    type: 'message',
    from: { id: user.userId },
    text,
    channelData: { clientActivityID: randomId('cid-') },
    ...extra,
  });

  /** Posts with DirectLineJS and waits for the echo and the bot's answer after it. */
  const ask = async (user, activity) => {
    const id = await postActivity(user.directLine, activity, waitMs);
    run.check(activityIdPattern(user.conversationId).test(id), `${user.label}: posted id ${id} is not "<conversationId>|NNNNNNN".`);
    const echo = await user.activityLog.waitFor((a) => a.id === id, { timeoutMs: waitMs, description: `${user.label}: echo of ${id}` });
    const answer = await user.activityLog.waitFor(
      (a) => isBotMessage(a, user.userId) && sequenceOf(a.id, user.conversationId) > sequenceOf(id, user.conversationId),
      { timeoutMs: waitMs, description: `${user.label}: the bot's answer to ${id}` },
    );
    return { id, echo, answer };
  };

  // 1. Two conversations at once, isolated -----------------------------------------------------
  run.stage('isolation');
  const [a, b] = await Promise.all([join('A'), join('B')]);
  run.check(a.conversationId !== b.conversationId, 'The two tokens share a conversation.');
  const [askedA, askedB] = await Promise.all([
    ask(a, message(a, 'How do I reset my password?')),
    ask(b, message(b, 'What payment methods do you accept?')),
  ]);
  for (const [user, other] of [[a, b], [b, a]]) {
    const foreign = user.activityLog.activities.filter((x) => x.conversation?.id !== user.conversationId || !x.id?.startsWith(`${user.conversationId}|`));
    run.check(foreign.length === 0, `${user.label} received activities of another conversation.`, foreign.map(summarizeActivity));
    run.check(!user.activityLog.activities.some((x) => x.from?.id === other.userId), `${user.label} saw ${other.label}'s user.`);
  }
  results.checks.isolation = { a: a.activityLog.ids.length, b: b.activityLog.ids.length, answers: [askedA.answer.id, askedB.answer.id] };

  // 2. A's token cannot touch B's conversation ---------------------------------------------------
  run.stage('cross-conversation');
  const path = `/conversations/${encodeURIComponent(b.conversationId)}`;
  const refused = {
    reconnect: (await directLineCall(botUrl, a.token(), 'GET', `${path}?watermark=`)).status,
    read: (await directLineCall(botUrl, a.token(), 'GET', `${path}/activities`)).status,
    post: (await directLineCall(botUrl, a.token(), 'POST', `${path}/activities`, { body: message(a, 'let me in') })).status,
    upload: (await directLineCall(botUrl, a.token(), 'POST', `${path}/upload?userId=${a.userId}`, { body: 'x', headers: { 'Content-Type': 'text/plain' } })).status,
  };
  for (const [what, status] of Object.entries(refused)) run.check(status === 403, `A's token on B's conversation: ${what} gave HTTP ${status}, expected 403.`, refused);
  const ownStream = await reconnectConversation(botUrl, a.token(), a.conversationId);
  const hijacked = ownStream.streamUrl.replace(`/conversations/${encodeURIComponent(a.conversationId)}/`, `${path}/`);
  const streamStatus = await openSocket(hijacked, waitMs).then(
    ({ socket }) => {
      socket.terminate();
      return 101;
    },
    (error) => error.status,
  );
  run.check(streamStatus === 403, `A's stream URL on B's conversation gave HTTP ${streamStatus}, expected 403.`);
  // ownStream opened no socket, so A's own stream is untouched.
  const intruder = createDirectLine(botUrl, { token: a.token(), conversationId: b.conversationId, webSocket });
  const intruderLog = new ActivityLog(intruder, 'intruder');
  run.onCleanup(() => endClient(intruder, intruderLog));
  await waitForStatus(intruder, ConnectionStatus.FailedToConnect, waitMs, "A's token resuming B");
  run.check(intruderLog.activities.length === 0, `A's token resuming B's conversation received ${intruderLog.activities.length} activities.`);
  endClient(intruder, intruderLog);
  results.checks.crossConversation = { ...refused, stream: streamStatus, client: 'FailedToConnect' };

  // 3. Upload --------------------------------------------------------------------------------------
  run.stage('upload');
  const files = await serveFiles({
    'screenshot.png': { type: 'image/png', bytes: PIXEL_PNG },
    'notes.txt': { type: 'text/plain', bytes: NOTES },
  });
  run.onCleanup(() => files.close());
  const withFiles = message(a, 'Here is what I see', {
    attachments: [
      { contentType: 'image/png', contentUrl: files.url('screenshot.png'), name: 'screenshot.png' },
      { contentType: 'text/plain', contentUrl: files.url('notes.txt'), name: 'notes.txt' },
    ],
  });
  const uploaded = await ask(a, withFiles);
  const attachments = uploaded.echo.attachments ?? [];
  run.check(attachments.length === 2, `The upload's echo carries ${attachments.length} attachments, expected 2.`, uploaded.echo);
  run.check(uploaded.echo.text === 'Here is what I see', 'The upload lost the message text.');
  run.check(uploaded.echo.channelData?.clientActivityID === withFiles.channelData.clientActivityID, 'The upload lost channelData.clientActivityID (Web Chat would show "Send failed").');
  const served = [];
  for (const [name, expected, type] of [['screenshot.png', PIXEL_PNG, 'image/png'], ['notes.txt', NOTES, 'text/plain']]) {
    const attachment = attachments.find((x) => x.name === name);
    run.check(attachment, `No attachment named ${name} in the echo.`, attachments);
    run.check(attachment.contentUrl.startsWith(`${botUrl}/`), `${name} is served from ${attachment.contentUrl}, not from the host.`);
    const response = await fetch(attachment.contentUrl);
    const bytes = Buffer.from(await response.arrayBuffer());
    run.check(response.status === 200, `GET ${name}: HTTP ${response.status}.`);
    run.check(bytes.equals(expected), `GET ${name} returned ${bytes.length} bytes that differ from the ${expected.length} uploaded.`);
    run.check(response.headers.get('content-type')?.startsWith(type), `GET ${name}: Content-Type ${response.headers.get('content-type')}.`);
    run.check(response.headers.get('x-content-type-options') === 'nosniff', `GET ${name}: no X-Content-Type-Options: nosniff.`);
    served.push({ name, bytes: bytes.length, type: response.headers.get('content-type') });
  }
  results.checks.upload = { id: uploaded.id, served, answer: summarizeActivity(uploaded.answer) };

  // 4. Token refresh with the client's own call --------------------------------------------------
  run.stage('token-refresh');
  const before = a.token();
  const refreshed = await firstValue(a.directLine.refreshToken(), waitMs, 'DirectLineJS refreshToken()');
  run.check(typeof refreshed === 'string' && refreshed !== before, 'refreshToken() did not give a new token.');
  run.check(decodeJwt(refreshed)?.user === a.userId, 'The refreshed token is for another user.');
  run.check(decodeJwt(refreshed)?.conv === a.conversationId, 'The refreshed token is for another conversation.');
  run.check(decodeJwt(refreshed).exp - Math.floor(Date.now() / 1000) > 15 * 60, 'The refreshed token expires before DirectLineJS would refresh it again (15 min).');
  const withRefreshed = await directLineCall(botUrl, refreshed, 'GET', `/conversations/${encodeURIComponent(a.conversationId)}/activities`);
  expectStatus(withRefreshed, 200, 'GET activities with the refreshed token');
  results.checks.tokenRefresh = { expiresInSeconds: decodeJwt(refreshed).exp - Math.floor(Date.now() / 1000) };

  // 5. Typing --------------------------------------------------------------------------------------
  run.stage('typing');
  const typingId = await postActivity(a.directLine, { type: 'typing', from: { id: a.userId } }, waitMs);
  if (webSocket) {
    const typing = await a.activityLog.waitFor((x) => x.type === 'typing' && x.from?.id === a.userId, { timeoutMs: waitMs, description: 'the typing activity over the socket' });
    results.checks.typing = { delivered: 'websocket', id: typing.id };
  } else {
    await sleep(1500);
    const polled = await directLineCall(botUrl, a.token(), 'GET', `/conversations/${encodeURIComponent(a.conversationId)}/activities`);
    run.check(!polled.json.activities.some((x) => x.type === 'typing'), 'GET activities returned a typing activity (polling clients never get typing).');
    results.checks.typing = { delivered: 'not to polling clients', id: typingId };
  }

  // 6. Reconnect mid-conversation -----------------------------------------------------------------
  if (webSocket) {
    run.stage('reconnect');
    const seenBefore = new Set(a.activityLog.ids);
    // A newer socket on the conversation closes the client's ("collision"); close ours at once, so the
    // client is left without a socket until it reconnects.
    const newer = await openSocket((await reconnectConversation(botUrl, a.token(), a.conversationId)).streamUrl, waitMs);
    newer.socket.close(1000, 'done');
    await newer.closed;
    // While the client is away: a message (from another tab, say) and the bot's answer.
    const away = await directLineCall(botUrl, a.token(), 'POST', `/conversations/${encodeURIComponent(a.conversationId)}/activities`, {
      body: message(a, 'How do I download my invoices?'),
    });
    expectStatus(away, 200, 'POST while the client is away');
    const awayId = away.json.id;
    const echo = await a.activityLog.waitFor((x) => x.id === awayId, { timeoutMs: reconnectWaitMs, description: 'the message posted while away, after the reconnect' });
    const answer = await a.activityLog.waitFor(
      (x) => isBotMessage(x, a.userId) && sequenceOf(x.id, a.conversationId) > sequenceOf(awayId, a.conversationId),
      { timeoutMs: waitMs, description: 'the answer given while away, after the reconnect' },
    );
    await sleep(1000);
    const again = a.activityLog.redelivered;
    run.check(again.length === 0, `After the reconnect the client got activities twice: ${JSON.stringify(again)}.`);
    run.check(!seenBefore.has(echo.id) && !seenBefore.has(answer.id), 'The reconnect replayed old activities as new.');
    results.checks.reconnect = { echo: echo.id, answer: answer.id, replayedTwice: again.length };
  }

  for (const user of [a, b]) endClient(user.directLine, user.activityLog);
  results.conversations = [a.conversationId, b.conversationId];
});
