// Helpers for the scripts that drive pages in Chromium (webchat-, hub-, dashboard- and admin-browser.mjs).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ClientError, ConfigError, sleep } from './lib.mjs';

const require = createRequire(import.meta.url);

/** Launch flags known to work with Debian's Chromium here. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Web Chat's DOM as the customer sees it (the subset of webchat-browser.mjs's selectors used here). */
export const WEBCHAT_SELECTORS = {
  sendBox: '[data-id="webchat-sendbox-input"]',
  chatError: '[data-testid="chat-error"]',
  activity: 'article.webchat__basic-transcript__activity',
  fromUser: '.webchat__stacked-layout--from-user',
  botActivity: 'article.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))',
  adaptiveCard: '.ac-adaptiveCard',
  textContent: '.webchat__text-content',
  typingIndicator: '.webchat__typing-indicator',
};

/** Launches Chromium (closed by the run's cleanup). */
export async function launchChromium(run, executablePath) {
  if (!existsSync(executablePath)) {
    throw new ConfigError(`Chromium not found at ${executablePath}. Set CHROMIUM_PATH or run: apt-get install -y chromium`);
  }
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  run.onCleanup(() => browser.close());
  return browser;
}

/**
 * A new page in its own browser context (own cookies and storage), recording uncaught errors,
 * console errors and failed requests into `diagnostics`.
 */
export async function openContext(browser, { label, waitMs, viewport = { width: 1280, height: 860 } }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  const diagnostics = { pageErrors: [], consoleErrors: [], failedRequests: [] };
  page.on('pageerror', (error) => diagnostics.pageErrors.push(`${label}: ${error.name}: ${error.message}`.slice(0, 1000)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && diagnostics.consoleErrors.length < 20) diagnostics.consoleErrors.push(msg.text().slice(0, 300));
  });
  page.on('requestfailed', (request) => {
    diagnostics.failedRequests.push(`${request.method()} ${request.url().replace(/([?&](t|access_token|id)=)[^&]+/g, '$1…')}: ${request.failure()?.errorText}`);
  });
  return { context, page, diagnostics };
}

/** Saves `name` from `page` into `dir` and records its path under results.screenshots. */
export function screenshotter(dir, results, { fullPage = false } = {}) {
  mkdirSync(dir, { recursive: true });
  results.screenshots ??= {};
  return async (page, name) => {
    const file = join(dir, name);
    await page.screenshot({ path: file, fullPage });
    results.screenshots[name.replace(/\.png$/, '')] = file;
  };
}

/** Polls an async condition until it returns a truthy value; fails with `message()` after timeoutMs. */
export async function waitFor(condition, timeoutMs, message, intervalMs = 150) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new ClientError(await message());
    await sleep(intervalMs);
  }
}

/** The customer's Web Chat transcript as short lines (for failure details). */
export async function webChatTranscript(page) {
  const texts = await page.locator(WEBCHAT_SELECTORS.activity).allInnerTexts().catch(() => []);
  return texts.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 300));
}
