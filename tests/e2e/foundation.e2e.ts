import assert from 'node:assert/strict';
import {
  dbRows,
  eventually,
  highlightPoint,
  highlightTexts,
  sidePanelOpen,
  waitForHighlights,
} from '../../scripts/lib/chromium';
import { test } from './harness';

const ACTOR = 'backstory-actor';

test('highlights the starter pack actors on a sample page under backstory-actor', async (t) => {
  const page = await t.open('articles/harbour-ledger-talks.html');
  await waitForHighlights(page, ACTOR);
  const texts = await highlightTexts(page, ACTOR);
  assert.ok(texts.includes('Trump'), `expected "Trump" among ${JSON.stringify(texts)}`);
  assert.ok(
    texts.some((s) => /Cossio|Cossío/.test(s)),
    `expected de Cossío among ${JSON.stringify(texts)}`,
  );
  assert.ok(texts.includes('Cuba'));
  assert.deepEqual(t.pageErrors, []);
});

/** What the DOM test's init script keeps on the page's window. */
type PageProbe = { __before?: string; __mutations?: number; __messages: unknown[] };

test('painting highlights leaves the page DOM unchanged and posts the page no message', async (t) => {
  const page = await t.browser.context.newPage();
  // Capture the DOM as the page built it, and count every mutation after that; and record every
  // message the page's own listeners receive (WXT's context posted one at each start).
  await page.addInitScript(() => {
    const w = window as unknown as PageProbe;
    w.__mutations = 0;
    w.__messages = [];
    window.addEventListener('message', (event) => w.__messages.push(event.data));
    document.addEventListener('DOMContentLoaded', () => {
      w.__before = document.documentElement.outerHTML;
      new MutationObserver((records) => {
        w.__mutations = (w.__mutations ?? 0) + records.length;
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  });
  await page.goto(t.server.url('articles/meridian-post-denial.html'));
  await waitForHighlights(page, ACTOR);
  const result = await page.evaluate(() => {
    const w = window as unknown as PageProbe;
    return {
      same: w.__before === document.documentElement.outerHTML,
      mutations: w.__mutations,
      elements: document.querySelectorAll('*').length,
      messages: w.__messages,
    };
  });
  assert.equal(result.mutations, 0, 'the content script mutated the page');
  assert.ok(result.same, 'serialised DOM differs after painting');
  assert.deepEqual(result.messages, [], 'the page received messages it did not post');
});

test('clicking a highlight opens the side panel on that actor', async (t) => {
  const page = await t.open('articles/harbour-ledger-talks.html');
  await waitForHighlights(page, ACTOR);
  assert.equal(await sidePanelOpen(t.browser), false);
  const point = await highlightPoint(page, ACTOR, 'Trump');
  assert.ok(point, 'no highlight for "Trump"');
  await page.mouse.click(point.x, point.y);
  const deadline = Date.now() + 10_000;
  while (!(await sidePanelOpen(t.browser)) && Date.now() < deadline) {
    await page.waitForTimeout(100);
  }
  assert.equal(await sidePanelOpen(t.browser), true, 'side panel did not open');

  // The panel page (opened as a tab to read it) shows the clicked actor from the cache.
  const panel = await t.openExtensionPage('sidepanel.html');
  await panel.getByRole('heading', { level: 1, name: 'Donald Trump' }).waitFor();
  // The view's lower sections are read after its first screen.
  await panel.getByRole('heading', { name: /who has denied their claims/i }).waitFor();
  const text = await panel.locator('main').innerText();
  assert.match(text, /highest people in Cuba/);
  assert.match(text, /who has denied their claims/i);
  assert.match(text, /Miguel Díaz-Canel/);
});

test('caches the reading copy of an article page, not of other pages', async (t) => {
  const page = await t.open('articles/harbour-ledger-talks.html');
  await waitForHighlights(page, ACTOR);
  const rows = await eventually(async () => {
    const pages = await dbRows<{ url: string; title: string; outlet?: string; text: string }>(
      t.browser,
      'pages',
    );
    return pages.length > 0 ? pages : null;
  }, 'a cached page');
  assert.equal(rows.length, 1);
  // The fixture's canonical URL is on another site than 127.0.0.1, so its own address is kept.
  assert.equal(rows[0]?.url, page.url());
  assert.equal(rows[0]?.outlet, 'Harbour Ledger');
  assert.match(rows[0]?.text ?? '', /table of dialogue/);

  const other = await t.open('articles/not-an-article.html');
  await waitForHighlights(other, ACTOR);
  await other.waitForTimeout(1500);
  assert.equal((await dbRows(t.browser, 'pages')).length, 1);
});
