#!/usr/bin/env node
// The knowledge-base admin page in a real Chromium against the host's page at BOT_URL/admin.
//
//   BOT_URL=http://127.0.0.1:3978 ADMIN_API_KEY=... node admin-browser.mjs
//
// Env: BOT_URL (required); ADMIN_API_KEY (required); QUERY (the ?q= the page opens with, default "how do i stop
// paying"); CHROMIUM_PATH (default /usr/bin/chromium); SCREENSHOT_DIR (default <tmp>/admin-browser); WAIT_MS (per
// wait, default 20000).
//
// Checks the API refuses a request without credentials (401); opens /admin?q=..., signs in with the API key and reads
// the search playground's results; uploads a new Markdown article (whose title is markup) and an empty file through
// the file input, reads the outcome of each; finds the article in the document list (title shown as text) and by
// searching a word only it contains; deletes it through the page (accepting the confirmation) and checks the API no
// longer lists it. Screenshots admin.png and admin-uploaded.png (admin-failure.png on failure). Fails on uncaught page
// errors. One JSON line; exit 0/1/2.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClientError, Run, botUrlFromEnv, env, envInt, http, requireEnv } from './lib.mjs';
import { launchChromium, openContext, screenshotter } from './browser.mjs';

/** Everything this script relies on in the page's DOM, in one place. */
export const SELECTORS = {
  signIn: '[data-testid="signin"]',
  keyInput: '[data-testid="signin"] input[name="apiKey"]',
  queryInput: 'input[name="q"]',
  categorySelect: 'select[name="category"]',
  resultRow: '[data-testid="search-results"] tbody tr',
  fileInput: 'input[type="file"][name="files"]',
  uploadButton: 'section[aria-labelledby="upload-title"] button[type="submit"]',
  uploadStatus: 'section[aria-labelledby="upload-title"] [role="status"]',
  documentRow: '[data-testid="documents"] tbody tr',
};

const MARKER = 'zanzibarquokka';
// Raw HTML in a Markdown heading is dropped by the parser; an escaped tag reaches the title as text ("<img ...>"),
// and the page must show it as text.
const TITLE = 'Quokka &lt;img src=x onerror="window.__xss=1"&gt; policy';

const run = new Run('admin-browser');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const apiKey = requireEnv('ADMIN_API_KEY', 'the admin API key of the host');
  const query = env('QUERY', 'how do i stop paying');
  const executablePath = env('CHROMIUM_PATH', '/usr/bin/chromium');
  const screenshotDir = resolve(env('SCREENSHOT_DIR', join(tmpdir(), 'admin-browser')));
  const waitMs = envInt('WAIT_MS', 20_000);
  Object.assign(results, { botUrl, screenshots: {}, pageErrors: [], selectors: SELECTORS });

  run.stage('preflight');
  const page0 = await http(`${botUrl}/admin`, { headers: { Accept: 'text/html' }, timeoutMs: waitMs });
  if (page0.status !== 200 || !/<div id="root">/.test(page0.text)) {
    throw new ClientError(`GET ${botUrl}/admin returned HTTP ${page0.status} without the page (is web/dist built?).`);
  }
  const anonymous = await http(`${botUrl}/api/kb/documents`, { timeoutMs: waitMs });
  results.unauthenticatedStatus = anonymous.status;
  run.check(anonymous.status === 401, `GET /api/kb/documents without credentials returned ${anonymous.status}, not 401.`);
  mkdirSync(screenshotDir, { recursive: true });
  const article = join(screenshotDir, 'quokka-policy.md');
  writeFileSync(article, `# ${TITLE}\n\nEvery ${MARKER} adopted through the workspace is covered by the quokka policy for 12 months.\n`);
  const empty = join(screenshotDir, 'empty.md');
  writeFileSync(empty, '');

  run.stage('launch');
  const browser = await launchChromium(run, executablePath);
  const { page, diagnostics } = await openContext(browser, { label: 'admin', waitMs, viewport: { width: 1440, height: 1600 } });
  results.pageErrors = diagnostics.pageErrors;
  results.consoleErrors = diagnostics.consoleErrors;
  const save = screenshotter(screenshotDir, results, { fullPage: true });
  const screenshot = (name) => save(page, name);
  page.on('dialog', (dialog) => {
    results.confirmation = dialog.message();
    void dialog.accept();
  });
  const rowTexts = (selector) => page.$$eval(selector, (rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

  try {
    run.stage('sign-in');
    await page.goto(`${botUrl}/admin?q=${encodeURIComponent(query)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(SELECTORS.signIn, { state: 'visible' });
    await page.fill(SELECTORS.keyInput, apiKey);
    await page.press(SELECTORS.keyInput, 'Enter');

    run.stage('search');
    await page.waitForSelector(SELECTORS.resultRow, { state: 'visible' });
    results.query = await page.inputValue(SELECTORS.queryInput);
    results.results = await rowTexts(SELECTORS.resultRow);
    await page.waitForSelector(SELECTORS.documentRow, { state: 'visible' });
    results.documentsBefore = await page.locator(SELECTORS.documentRow).count();
    await screenshot('admin.png');

    run.stage('search-category');
    await page.waitForSelector(`${SELECTORS.categorySelect} option[value="billing"]`, { state: 'attached' });
    results.categoryOptions = await page.$$eval(`${SELECTORS.categorySelect} option`, (options) => options.map((o) => o.textContent?.trim() ?? ''));
    await page.selectOption(SELECTORS.categorySelect, 'billing');
    const firstBefore = (await page.locator(SELECTORS.resultRow).first().textContent()) ?? '';
    await page.click('section[aria-labelledby="search-title"] button[type="submit"]');
    await page.waitForFunction(
      ([selector, before]) => (document.querySelector(selector)?.textContent ?? '') !== before,
      [SELECTORS.resultRow, firstBefore],
    );
    results.billingResults = await rowTexts(SELECTORS.resultRow);
    await page.selectOption(SELECTORS.categorySelect, '');

    run.stage('upload');
    await page.setInputFiles(SELECTORS.fileInput, [article, empty]);
    await page.click(SELECTORS.uploadButton);
    await page.waitForSelector(SELECTORS.uploadStatus, { state: 'visible' });
    results.uploadSummary = (await page.locator(`${SELECTORS.uploadStatus} p`).textContent())?.trim();
    results.uploadFiles = await rowTexts(`${SELECTORS.uploadStatus} li`);
    // The list is newest first: the new article is on its first page, with no "Show more".
    const uploadedRow = page.locator(SELECTORS.documentRow, { hasText: 'Quokka' });
    await uploadedRow.waitFor({ state: 'visible' });
    results.uploadedRow = (await uploadedRow.textContent())?.replace(/\s+/g, ' ').trim();
    results.uploadedTitleImages = await uploadedRow.locator('img').count();

    run.stage('search-uploaded');
    await page.fill(SELECTORS.queryInput, `is my ${MARKER} covered`);
    await page.press(SELECTORS.queryInput, 'Enter');
    await page.waitForFunction(
      ([selector, marker]) => document.querySelector(selector)?.textContent?.includes(marker) ?? false,
      [SELECTORS.resultRow, MARKER],
    );
    results.uploadedSearchTop = (await page.locator(SELECTORS.resultRow).first().textContent())?.replace(/\s+/g, ' ').trim();
    await screenshot('admin-uploaded.png');

    run.stage('delete');
    await uploadedRow.getByRole('button', { name: 'Delete' }).click();
    await uploadedRow.waitFor({ state: 'detached' });
    const listed = await http(`${botUrl}/api/kb/documents?limit=500`, { headers: { Authorization: `Bearer ${apiKey}` }, timeoutMs: waitMs });
    results.listedAfterDelete = listed.status === 200 ? JSON.stringify(listed.json).includes('Quokka') : null;

    run.stage('page-errors');
    results.xss = await page.evaluate(() => window.__xss ?? null);
    run.check(results.pageErrors.length === 0, `Uncaught errors in the page: ${results.pageErrors.join(' | ')}`);
  } catch (error) {
    await screenshot('admin-failure.png').catch(() => undefined);
    throw error;
  }
});
