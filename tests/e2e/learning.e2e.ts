import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import {
  dbRows,
  eventually,
  highlightPoint,
  highlightTexts,
  sidePanelOpen,
  waitForHighlights,
} from '../../scripts/lib/chromium';
import { type E2E, test } from './harness';
import { learnedSources } from './helpers/learned';

const ACTOR = 'backstory-actor';
const TRUMP = 'starter/actor/donald-trump';
/** A statement only the Harbour Ledger page makes (the starter pack does not have it). */
const LEARNED_WORDS = 'already talking to Cuba’s leadership';

interface SourceRow {
  id: string;
  url?: string;
  outlet?: string;
}
interface StatementRow {
  id: string;
  speakerId?: string;
  words: string;
  citations: { sourceId: string }[];
}

/** Rows of a table read from an extension page (the service worker may have restarted). */
async function pageRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Opens an article and waits until the background has learned from it. */
async function learn(t: E2E, path: string): Promise<{ page: Page; source: SourceRow }> {
  const page = await t.open(path);
  await waitForHighlights(page, ACTOR);
  const source = await eventually(async () => {
    const rows = await dbRows<SourceRow>(t.browser, 'sources');
    return rows.find((s) => s.url === page.url());
  }, `a Source learned from ${path}`);
  return { page, source };
}

/** Clicks a highlighted name and returns the panel (opened as a tab to read it). */
async function openPanelOn(t: E2E, page: Page, name: string): Promise<Page> {
  const point = await highlightPoint(page, ACTOR, name);
  assert.ok(point, `no highlight for "${name}"`);
  await page.mouse.click(point.x, point.y);
  await eventually(() => sidePanelOpen(t.browser), 'the side panel to open');
  return t.openExtensionPage('sidepanel.html');
}

/** Runs axe-core on an extension page (evaluated through the debugger, so CSP does not apply). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (sel) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(c: unknown): Promise<{ violations: { id: string; help: string }[] }> };
      }
    ).axe;
    const result = await axe.run({ include: [sel] });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, selector);
}

test('learns from one article: the next one shows its statement with its outlet; forgetting removes it', async (t) => {
  const first = await learn(t, 'articles/harbour-ledger-talks.html');
  assert.equal(first.source.outlet, 'Harbour Ledger');
  const learned = (await dbRows<StatementRow>(t.browser, 'statements')).filter((s) =>
    s.citations.some((c) => c.sourceId === first.source.id),
  );
  assert.ok(
    learned.length >= 8,
    `expected statements learned from the page, got ${learned.length}`,
  );
  assert.ok(
    learned.some((s) => s.speakerId === TRUMP && s.words.includes(LEARNED_WORDS)),
    'Trump’s reported words from the first page were learned',
  );

  // The second article: its panel on Trump shows the statement read on the first, with its outlet.
  const second = await t.open('articles/meridian-post-denial.html');
  await waitForHighlights(second, ACTOR);
  const panel = await openPanelOn(t, second, 'Trump');
  await panel.getByRole('heading', { level: 1, name: 'Donald Trump' }).waitFor();
  const item = panel.locator('article.statement', { hasText: LEARNED_WORDS });
  await item.waitFor();
  assert.match(await item.innerText(), /Read in\s+Harbour Ledger/);
  await panel.screenshot({ path: 'test-results/learning-panel-statement.png' });

  // "Forget this page", in the panel's On-this-page view for the first article's tab.
  await first.page.bringToFront();
  await panel.getByRole('tab', { name: 'On this page' }).click();
  const forget = panel.getByRole('button', { name: 'Forget this page' });
  await forget.waitFor();
  await panel
    .locator('section.learning', { hasText: /Learned from this page: \d+ statements/ })
    .waitFor();
  assert.match(
    await panel.locator('section.learning').innerText(),
    /Learned from this page: \d+ statements/,
  );
  await panel.screenshot({ path: 'test-results/learning-panel-controls.png' });
  assert.deepEqual(await axeViolations(panel, 'section.learning'), []);
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: 'test-results/learning-panel-controls-dark.png' });
  assert.deepEqual(await axeViolations(panel, 'section.learning'), []);
  await panel.emulateMedia({ colorScheme: 'light' });
  await forget.click();
  await panel.getByRole('button', { name: 'Forget', exact: true }).click();
  await panel
    .getByRole('status')
    .filter({ hasText: /^Forgot/ })
    .waitFor();

  const sources = await dbRows<SourceRow>(t.browser, 'sources');
  assert.ok(!sources.some((s) => s.id === first.source.id), 'the Source is gone');
  const statements = await dbRows<StatementRow>(t.browser, 'statements');
  assert.ok(
    !statements.some((s) => s.words.includes(LEARNED_WORDS)),
    'the learned statement is gone',
  );
  assert.ok(
    !statements.some((s) => s.citations.some((c) => c.sourceId === first.source.id)),
    'no citation of the page is left, on pack statements either',
  );
  assert.ok(statements.length > 0, 'the starter pack’s statements stay');
  const pages = await dbRows<{ url: string }>(t.browser, 'pages');
  assert.ok(!pages.some((p) => p.url === first.page.url()), 'the cached copy is gone');

  // The panel on Trump no longer shows it.
  await panel.reload();
  await panel.getByRole('heading', { level: 1, name: 'Donald Trump' }).waitFor();
  const text = await panel.locator('main').innerText();
  assert.ok(!text.includes(LEARNED_WORDS), 'the panel still shows the forgotten statement');
  assert.deepEqual(t.pageErrors, []);
});

test('four articles opened together are all highlighted, and every one is learned from', async (t) => {
  const paths = [
    'articles/harbour-ledger-talks.html',
    'articles/meridian-post-denial.html',
    'articles/civic-wire-rubio.html',
    'articles/atlas-review-timeline.html',
  ];
  // Opened at once: each page's highlighting and the others' learning overlap.
  const pages = await Promise.all(paths.map((path) => t.open(path)));
  for (const page of pages) await waitForHighlights(page, ACTOR);
  const urls = pages.map((p) => p.url());
  const sources = await eventually(
    async () => {
      const rows = learnedSources(
        await dbRows<SourceRow & Record<string, unknown>>(t.browser, 'sources'),
      );
      const found = urls.map((url) => rows.find((s) => s.url === url));
      return found.every(Boolean) ? found : undefined;
    },
    'a Source learned from each of the four articles',
    30_000,
  );
  assert.equal(sources.length, 4);
  // Every article's statements were stored: none of the four learnings was lost or cut short.
  const statements = await dbRows<StatementRow>(t.browser, 'statements');
  for (const source of sources) {
    assert.ok(
      statements.some((s) => s.citations.some((c) => c.sourceId === source?.id)),
      `statements learned from ${source?.url}`,
    );
  }
  assert.deepEqual(t.pageErrors, []);
});

test('nothing is learned in a private window', async (t) => {
  // Allow Backstory in private windows, as a user would in chrome://extensions (developer mode
  // keeps the unpacked build enabled when Chromium reloads it for the change).
  const settings = await t.browser.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(async (id) => {
    type DeveloperPrivate = {
      updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void>;
      updateExtensionConfiguration(c: {
        extensionId: string;
        incognitoAccess: boolean;
      }): Promise<void>;
    };
    const dp = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome
      .developerPrivate;
    await dp.updateProfileConfiguration({ inDeveloperMode: true });
    await dp.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
  }, t.browser.extensionId);
  const review = await eventually(
    () => t.openExtensionPage('review.html').catch(() => null),
    'the extension to come back after the change',
  );
  const url = t.server.url('articles/harbour-ledger-talks.html');
  const tabId = await review.evaluate(async (u) => {
    type Chrome = {
      extension: { isAllowedIncognitoAccess(): Promise<boolean> };
      windows: {
        create(o: { incognito: boolean; url: string }): Promise<{ tabs?: { id?: number }[] }>;
      };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    if (!(await chrome.extension.isAllowedIncognitoAccess()))
      throw new Error('not allowed in incognito');
    const w = await chrome.windows.create({ incognito: true, url: u });
    return w.tabs?.[0]?.id;
  }, url);
  assert.ok(tabId !== undefined);

  // The content script ran in the private window (it reported its highlights)…
  const readSession = () =>
    review.evaluate(async () => {
      type Chrome = { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
      return Object.keys(
        await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(null),
      );
    });
  await eventually(
    async () => (await readSession()).includes(`tab:${tabId}`),
    'the private tab to report',
  );
  // … past the idle capture (5 s at most), and nothing was cached or learned.
  await review.waitForTimeout(6500);
  assert.equal((await pageRows(review, 'pages')).length, 0);
  assert.equal(learnedSources(await pageRows(review, 'sources')).length, 0);
  assert.ok(!(await readSession()).includes(`learn:tab:${tabId}`));

  // The same page in a normal window is learned: the check above could see it.
  await t.open('articles/harbour-ledger-talks.html');
  await eventually(
    async () => learnedSources(await pageRows(review, 'sources')).length === 1,
    'learning in a normal window',
  );
});

test('learning can be switched off for a site; a learned page can be forgotten from the review page', async (t) => {
  const first = await learn(t, 'articles/harbour-ledger-talks.html');
  const panel = await t.openExtensionPage('sidepanel.html');
  await first.page.bringToFront();
  const site = panel.getByRole('checkbox', { name: /Learn on 127\.0\.0\.1/ });
  await site.waitFor();
  assert.equal(await site.isChecked(), true);
  await site.uncheck();
  await panel.getByRole('status').filter({ hasText: 'Learning on 127.0.0.1 is off.' }).waitFor();

  const second = await t.open('articles/meridian-post-denial.html');
  await waitForHighlights(second, ACTOR);
  await second.waitForTimeout(6500);
  assert.equal(
    learnedSources(await dbRows(t.browser, 'sources')).length,
    1,
    'nothing learned with the site off',
  );

  const review = await t.openExtensionPage('review.html#/learned');
  await review.getByRole('heading', { level: 1, name: 'Learned from pages' }).waitFor();
  const forget = review.getByRole('button', { name: /^Forget Cuban official confirms/ });
  await forget.click();
  await review
    .getByRole('status')
    .filter({ hasText: /^Forgot/ })
    .waitFor();
  assert.equal(learnedSources(await dbRows(t.browser, 'sources')).length, 0);
  assert.deepEqual(t.pageErrors, []);
});

const NEW_NAME_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Port talks stall as Havana weighs fuel deal</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Test Wire">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port talks stall as Havana weighs fuel deal","datePublished":"2026-02-04","publisher":{"@type":"Organization","name":"Test Wire"}}</script>
</head><body><article><h1>Port talks stall as Havana weighs fuel deal</h1>
<p>Cuba is looking for new fuel suppliers after shipments from Venezuela stopped, officials in Havana said on Tuesday.</p>
<p>Harbor manager Elsa Brandvold said the port had received no tanker since the middle of January. “We are running the cranes on what is left in the tanks,” Brandvold told reporters at the docks.</p>
<p>She added that two cargoes had been promised for the end of the month, but that neither had left port yet.</p>
<p>The shortage has already cut power in several provinces, and the government has asked state companies to reduce their working hours.</p>
</article></body></html>`;

test('a new name is proposed for review; confirming it makes it a known, highlighted actor', async (t) => {
  t.server.route('/new-name.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEW_NAME_ARTICLE);
  });
  const { page } = await learn(t, 'new-name.html');
  const actors = await dbRows<{ id: string; name: string; status?: string }>(t.browser, 'actors');
  const candidate = actors.find((a) => a.name === 'Elsa Brandvold');
  assert.equal(candidate?.status, 'candidate');
  assert.ok(
    !(await highlightTexts(page, ACTOR)).includes('Elsa Brandvold'),
    'candidates are not highlighted',
  );

  const review = await t.openExtensionPage('review.html#/learned');
  const item = review.locator('.learned-list > li', { hasText: 'Elsa Brandvold' });
  await item.waitFor();
  assert.match(await item.innerText(), /3 statements/);
  assert.match(await item.innerText(), /seen in Test Wire/);
  await review.screenshot({ path: 'test-results/learning-review.png', fullPage: true });
  assert.deepEqual(await axeViolations(review, 'main'), []);
  await review.emulateMedia({ colorScheme: 'dark' });
  await review.screenshot({ path: 'test-results/learning-review-dark.png', fullPage: true });
  assert.deepEqual(await axeViolations(review, 'main'), []);
  await item.getByRole('button', { name: 'Confirm' }).click();
  await review
    .getByRole('status')
    .filter({ hasText: 'Elsa Brandvold is now a known actor.' })
    .waitFor();

  const confirmed = (
    await dbRows<{ id: string; status?: string; provenance: string[] }>(t.browser, 'actors')
  ).find((a) => a.id === candidate?.id);
  assert.equal(confirmed?.status, undefined);
  assert.ok(confirmed?.provenance.includes('user'));
  await page.reload();
  await waitForHighlights(page, ACTOR);
  await eventually(
    async () => (await highlightTexts(page, ACTOR)).includes('Elsa Brandvold'),
    'the confirmed name highlighted',
  );
});

/** An article far longer than learning reads: its last paragraph says something new. */
function longArticle(): string {
  const head = NEW_NAME_ARTICLE.slice(0, NEW_NAME_ARTICLE.indexOf('<article>'))
    .replace(/Port talks stall as Havana weighs fuel deal/g, 'A very long report on the port')
    .replace('2026-02-04', '2026-02-05');
  const filler = Array.from(
    { length: 1600 },
    (_, i) =>
      `<p>Section ${i} of the report lists the cargo handled at the harbour, crane by crane, and the hours each shift worked.</p>`,
  ).join('\n');
  return `${head}<article><h1>A very long report on the port</h1>
<p>Cuba and the United States are not holding negotiations, a senior Cuban official said on Thursday.</p>
${filler}
<p>Harbour master Ines Valdora said the pier would reopen in May.</p>
</article></body></html>`;
}

test('a very long article: only its first 100,000 characters are learned, and the panel says so', async (t) => {
  t.server.route('/long-report.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(longArticle());
  });
  const { page, source } = await learn(t, 'long-report.html');
  const learned = (await dbRows<StatementRow>(t.browser, 'statements')).filter((s) =>
    s.citations.some((c) => c.sourceId === source.id),
  );
  assert.ok(
    learned.some((s) => s.words.includes('not holding negotiations')),
    'the start of the article is learned',
  );
  assert.ok(
    !learned.some((s) => s.words.includes('the pier would reopen')),
    'its end, past the limit, is not',
  );
  const panel = await t.openExtensionPage('sidepanel.html');
  await page.bringToFront();
  await panel.getByRole('tab', { name: 'On this page' }).click();
  await panel
    .locator('section.learning', { hasText: 'learned only from its first 100,000 characters' })
    .waitFor();
  await panel.locator('section.learning').screenshot({ path: 'test-results/learning-long.png' });
  assert.deepEqual(t.pageErrors, []);
});
