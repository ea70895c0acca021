#!/usr/bin/env node
// The analytics dashboard in a real Chromium against the host's page at BOT_URL/dashboard.
//
//   BOT_URL=http://127.0.0.1:3978 ADMIN_API_KEY=... node dashboard-browser.mjs
//
// Env: BOT_URL (required); ADMIN_API_KEY (required); DASHBOARD_QUERY (query string for the period, e.g.
// from=2026-01-10&to=2026-01-11); CHROMIUM_PATH (default /usr/bin/chromium); SCREENSHOT_DIR (default
// <tmp>/dashboard-browser); WAIT_MS (per wait, default 20000).
//
// Opens the page, checks the API refuses a request without credentials (401), signs in with the API key,
// waits for the tiles and the charts (recharts SVGs), reads the tiles, the gap table and the conversation
// table, opens the first conversation's drill-down (transcript and trace); screenshots dashboard.png and
// dashboard-drilldown.png (dashboard-failure.png on failure). Fails on uncaught page errors. One JSON line; exit 0/1/2.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClientError, Run, botUrlFromEnv, env, envInt, http, requireEnv } from './lib.mjs';
import { launchChromium, openContext, screenshotter } from './browser.mjs';


/** Everything this script relies on in the page's DOM, in one place. */
export const SELECTORS = {
  signIn: '[data-testid="signin"]',
  keyInput: '[data-testid="signin"] input[name="apiKey"]',
  tile: '[data-testid="tile"]',
  chart: '[data-testid="chart"]',
  chartSvg: '[data-testid="chart"] svg.recharts-surface',
  gapRow: '[data-testid="gap-row"]',
  conversationRow: '[data-testid="conversation-row"]',
  drawer: '[data-testid="conversation-drawer"]',
  transcriptLine: '[data-testid="transcript"] li',
  traceRow: '[data-testid="trace"] tbody tr',
  csv: '[data-testid="csv-export"]',
};

const run = new Run('dashboard-browser');

run.main(async (results) => {
  const botUrl = botUrlFromEnv();
  const apiKey = requireEnv('ADMIN_API_KEY', 'the admin API key of the host');
  const query = env('DASHBOARD_QUERY', '');
  const executablePath = env('CHROMIUM_PATH', '/usr/bin/chromium');
  const screenshotDir = resolve(env('SCREENSHOT_DIR', join(tmpdir(), 'dashboard-browser')));
  const waitMs = envInt('WAIT_MS', 20_000);
  Object.assign(results, { botUrl, screenshots: {}, pageErrors: [], consoleErrors: [], selectors: SELECTORS });

  run.stage('preflight');
  const page0 = await http(`${botUrl}/dashboard`, { headers: { Accept: 'text/html' }, timeoutMs: waitMs });
  if (page0.status !== 200 || !/<div id="root">/.test(page0.text)) {
    throw new ClientError(`GET ${botUrl}/dashboard returned HTTP ${page0.status} without the page (is web/dist built?).`);
  }
  const anonymous = await http(`${botUrl}/api/analytics/summary`, { timeoutMs: waitMs });
  results.unauthenticatedStatus = anonymous.status;
  run.check(anonymous.status === 401, `GET /api/analytics/summary without credentials returned ${anonymous.status}, not 401.`);

  run.stage('launch');
  const browser = await launchChromium(run, executablePath);
  const { page, diagnostics } = await openContext(browser, { label: 'dashboard', waitMs, viewport: { width: 1440, height: 1600 } });
  results.pageErrors = diagnostics.pageErrors;
  results.consoleErrors = diagnostics.consoleErrors;
  const save = screenshotter(screenshotDir, results, { fullPage: true });
  const screenshot = (name) => save(page, name);

  try {
    run.stage('sign-in');
    await page.goto(`${botUrl}/dashboard${query ? `?${query}` : ''}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(SELECTORS.signIn, { state: 'visible' });
    await page.fill(SELECTORS.keyInput, apiKey);
    await page.press(SELECTORS.keyInput, 'Enter');

    run.stage('wait-data');
    await page.waitForSelector(SELECTORS.tile, { state: 'visible' });
    await page.waitForSelector(SELECTORS.chartSvg, { state: 'visible' });
    await page.waitForSelector(SELECTORS.conversationRow, { state: 'visible' });
    results.tiles = await page.$$eval(SELECTORS.tile, (tiles) =>
      tiles.map((t) => ({
        title: t.querySelector('.tile-title')?.textContent?.trim(),
        value: t.querySelector('.tile-value')?.textContent?.trim(),
      })),
    );
    results.charts = await page.$$eval(SELECTORS.chart, (charts) =>
      charts.map((c) => ({ title: c.querySelector('h3')?.textContent?.trim(), svg: c.querySelector('svg.recharts-surface') !== null })),
    );
    results.gapRows = await page.locator(SELECTORS.gapRow).count();
    results.conversationRows = await page.locator(SELECTORS.conversationRow).count();
    results.csvButton = (await page.locator(SELECTORS.csv).count()) === 1;
    results.storedKey = await page.evaluate(() => window.sessionStorage.getItem('northwind.dashboard.apiKey') !== null);
    await screenshot('dashboard.png');

    run.stage('drill-down');
    await page.locator(SELECTORS.conversationRow).first().click();
    await page.waitForSelector(SELECTORS.drawer, { state: 'visible' });
    await page.waitForSelector(`${SELECTORS.traceRow}`, { state: 'visible' });
    results.drillDown = {
      transcriptLines: await page.locator(SELECTORS.transcriptLine).count(),
      traceRows: await page.locator(SELECTORS.traceRow).count(),
    };
    await screenshot('dashboard-drilldown.png');

    run.stage('page-errors');
    run.check(results.pageErrors.length === 0, `Uncaught errors in the page: ${results.pageErrors.join(' | ')}`);
  } catch (error) {
    await screenshot('dashboard-failure.png').catch(() => undefined);
    throw error;
  }
});
