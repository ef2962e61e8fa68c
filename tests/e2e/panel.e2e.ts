import assert from 'node:assert/strict';
import type { WxtBrowser } from 'wxt/browser';
import { comparePartialDates } from '../../lib/model/partial-date';
import { bundleForPage } from '../../scripts/lib/page-bundle';
import { test } from './harness';
import { A, clickHighlight, openPanel, stanceGroup } from './panel-helpers';

test('the talks claim shows its denials and qualification, with dates and outlets', async (t) => {
  // From a highlight click on Trump, through his claims, to the claim view.
  const article = await t.open('articles/harbour-ledger-talks.html');
  await clickHighlight(t, article, 'Trump');
  const panel = await openPanel(t);
  await panel.getByRole('heading', { level: 1, name: 'Donald Trump' }).waitFor();
  // His view's later sections, each read on its own after the first screen: who denied his
  // claims, and his most recent events in date order.
  const deniedBy = panel.locator('section', {
    has: panel.getByRole('heading', { name: 'Who has denied their claims' }),
  });
  assert.match(await deniedBy.innerText(), /Miguel Díaz-Canel/);
  const history = panel.locator('section', {
    has: panel.getByRole('heading', { name: /^Background history/ }),
  });
  await history.locator('.event-date').first().waitFor();
  const eventDates = await history
    .locator('.event-date')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  assert.ok(eventDates.length >= 2, `${eventDates.length} events`);
  assert.deepEqual([...eventDates].sort(comparePartialDates), eventDates);
  await panel
    .getByRole('button', {
      name: "The United States is in high-level talks with Cuba's government.",
    })
    .first()
    .click();
  await panel.getByRole('heading', { level: 1, name: /high-level talks/ }).waitFor();
  assert.match(await panel.locator('.entity-header').innerText(), /Put forward by Donald Trump/);

  const denied = await stanceGroup(panel, 'Denied').innerText();
  assert.match(denied, /Miguel Díaz-Canel/);
  assert.match(denied, /post on X/);
  assert.match(denied, /There are no discussions underway with the U\.S\. government/);
  // The Cuban government's side, dated by the Reuters report that carried it.
  assert.match(denied, /Cuba is not holding talks with the United States\./);
  assert.match(denied, /reported Feb 3, 2026/);
  assert.match(denied, /Read in Reuters/);

  const qualified = await stanceGroup(panel, 'Qualified').innerText();
  assert.match(qualified, /Carlos Fernández de Cossío/);
  assert.match(qualified, /Deputy Foreign Minister, Cuba/);
  assert.match(qualified, /Feb 2, 2026/);
  assert.match(qualified, /table of dialogue/);
  assert.match(qualified, /Read in Reuters/);

  // The three groups are separate, and the claim is attributed, never judged.
  const stated = await stanceGroup(panel, 'Stated').innerText();
  assert.doesNotMatch(stated, /Díaz-Canel|Cossío/);
  const text = await panel.locator('main').innerText();
  assert.doesNotMatch(text, /\b(false|true|debunked|misleading|lie)\b/i);

  // The same statements as a dated thread, oldest first.
  await panel.getByRole('button', { name: 'As a dated thread' }).click();
  const dates = await panel
    .locator('.thread .statement time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  assert.ok(dates.length >= 5);
  assert.deepEqual([...dates].sort(comparePartialDates), dates);
  assert.deepEqual(t.pageErrors, []);
});

test('clicking Díaz-Canel shows his statements and what he denied', async (t) => {
  const article = await t.open('articles/meridian-post-denial.html');
  await clickHighlight(t, article, 'Díaz-Canel');
  const panel = await openPanel(t);
  await panel.getByRole('heading', { level: 1, name: 'Miguel Díaz-Canel' }).waitFor();
  const header = await panel.locator('.entity-header').innerText();
  assert.match(header, /President of Cuba \(Oct 10, 2019 – present\)/);

  const positions = panel.locator('section', {
    has: panel.getByRole('heading', { name: 'Their positions on claims' }),
  });
  const denied = positions.locator('li', { has: panel.locator('.stance-denies') });
  assert.match(await denied.innerText(), /The United States is in high-level talks/);

  const statements = panel.locator('section', {
    has: panel.getByRole('heading', { name: /^Statements/ }),
  });
  // The starter pack's nine, and whatever was learned from the article just read.
  const count = Number(await statements.locator('.count').first().innerText());
  assert.ok(count >= 9, `${count} statements`);
  const text = await statements.innerText();
  assert.match(text, /There are no discussions underway with the U\.S\. government/);
  assert.match(text, /without pressure or preconditions/);
  // Each statement names the claim it answers.
  assert.match(text, /DENIES\s+The United States is in high-level talks/i);
});

test('the history view lists the starter pack events from 1959 to 2026 in order', async (t) => {
  const panel = await openPanel(t);
  await panel.getByRole('tab', { name: 'History' }).click();
  await panel.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  // In a fresh profile the starter pack may still be loading: the view fills in when it is.
  await panel.locator('.event').nth(25).waitFor();
  const dates = await panel
    .locator('.event time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  assert.equal(dates.length, 26);
  assert.equal(dates[0], '1959-01');
  assert.ok(dates.at(-1)?.startsWith('2026'), `last is ${dates.at(-1)}`);
  assert.deepEqual([...dates].sort(comparePartialDates), dates);
  const decades = await panel.locator('.decade').allInnerTexts();
  assert.deepEqual(decades, ['1950s', '1960s', '1970s', '1980s', '1990s', '2010s', '2020s']);
  // A partial date reads as what is known: the month, not an invented day.
  assert.match(await panel.locator('.event').first().innerText(), /^January 1959/);

  // An actor's events, then back to the full timeline.
  await panel.locator('.event').first().getByRole('button', { name: 'Fulgencio Batista' }).click();
  await panel.getByRole('heading', { level: 1, name: 'Fulgencio Batista' }).waitFor();
  // His history is read after the first screen.
  await panel.locator('.event', { hasText: 'overthrows Fulgencio Batista' }).waitFor();
  await panel.getByRole('button', { name: 'Back' }).click();
  await panel.getByRole('heading', { level: 1, name: 'History' }).waitFor();
});

test('the claim view gives the US–Cuba history and a full timeline of the pair', async (t) => {
  const panel = await openPanel(t, '?kind=claim&id=starter/claim/us-cuba-talks');
  await panel.getByRole('heading', { name: 'Background: United States and Cuba' }).waitFor();
  await panel.getByRole('button', { name: 'Full timeline of United States and Cuba' }).click();
  await panel.getByRole('heading', { level: 1, name: 'History: United States and Cuba' }).waitFor();
  const dates = await panel
    .locator('.event time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  assert.ok(dates.length > 10, `only ${dates.length} events`);
  assert.deepEqual([...dates].sort(comparePartialDates), dates);
});

test('search finds "Diaz Canel" without accents and opens him', async (t) => {
  const panel = await openPanel(t);
  await panel.getByRole('tab', { name: 'Search' }).click();
  await panel.getByLabel('Search actors, claims, statements and events').fill('Diaz Canel');
  const result = panel
    .getByRole('region', { name: 'Actors' })
    .getByRole('button', { name: 'Miguel Díaz-Canel' });
  await result.waitFor();
  await result.click();
  await panel.getByRole('heading', { level: 1, name: 'Miguel Díaz-Canel' }).waitFor();
  // Back to the results, query kept.
  await panel.getByRole('button', { name: 'Back' }).click();
  assert.equal(
    await panel.getByLabel('Search actors, claims, statements and events').inputValue(),
    'Diaz Canel',
  );
  // Statements and events by their words, in any case.
  await panel.getByLabel('Search actors, claims, statements and events').fill('TABLE OF DIALOGUE');
  await panel.locator('.result-group .statement', { hasText: 'had a table of dialogue' }).waitFor();
  await panel.getByLabel('Search actors, claims, statements and events').fill('zzqxj');
  await panel.getByText('Nothing in the cache matches “zzqxj”.').waitFor();
});

test('"/" goes to search from anywhere, and a context-menu search opens the Search tab', async (t) => {
  const panel = await openPanel(t, '?kind=actor&id=starter/actor/cuba');
  await panel.getByRole('heading', { level: 1, name: 'Cuba' }).waitFor();
  await panel.keyboard.press('/');
  await panel.keyboard.type('coubre');
  await panel
    .getByRole('region', { name: 'Events' })
    .getByText(/La Coubre/)
    .waitFor();

  // What the context menu item does once clicked: leave the selection for the panel.
  assert.equal(
    await t.browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: WxtBrowser }
      ).chrome.contextMenus.onClicked.hasListeners(),
    ),
    true,
  );
  await t.browser.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: WxtBrowser }).chrome.storage.session.set({
      'panel:search': { query: 'Fernández de Cossío', at: Date.now() },
    }),
  );
  await panel
    .getByRole('region', { name: 'Actors' })
    .getByRole('button', { name: 'Carlos Fernández de Cossío' })
    .waitFor();
  assert.equal(
    await panel.getByLabel('Search actors, claims, statements and events').inputValue(),
    'Fernández de Cossío',
  );
});

test('the keyboard shortcut is registered to open the panel', async (t) => {
  const commands = await t.browser.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: WxtBrowser }).chrome.commands.getAll(),
  );
  const open = commands.find((c) => c.name === '_execute_action');
  assert.ok(open, JSON.stringify(commands));
  assert.equal(open.shortcut, 'Alt+Shift+K');
  // The toolbar button (and so the shortcut) opens the side panel.
  const behavior = await t.browser.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: WxtBrowser }).chrome.sidePanel.getPanelBehavior(),
  );
  assert.equal(behavior.openPanelOnActionClick, true);
});

test('copy citation puts the expected text and Markdown on the clipboard', async (t) => {
  await t.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const panel = await openPanel(t, `?kind=actor&id=${A('carlos-fernandez-de-cossio')}`);
  const card = panel.locator('.statement', { hasText: 'had a table of dialogue' }).first();
  await card.getByRole('button', { name: 'Copy citation', exact: true }).click();
  await card.getByText('Citation copied.').waitFor();
  const text = await panel.evaluate(() => navigator.clipboard.readText());
  assert.equal(
    text,
    '“We have had exchange of messages, we have embassies, we have had communications, but ' +
      'we can not say we have had a table of dialogue” — Carlos Fernández de Cossío, Deputy ' +
      'Foreign Minister, Cuba, February 2, 2026 (Reuters interview at the Foreign Ministry in ' +
      'Havana). Reuters, “Cuba in communication with US, Cuban diplomat says, as Trump ' +
      'tightens screws”.',
  );
  await card.getByRole('button', { name: 'Copy citation as Markdown' }).click();
  await card.getByText('Citation copied as Markdown.').waitFor();
  const md = await panel.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^> “We have had exchange of messages/);
  assert.match(
    md,
    /\n> — \*\*Carlos Fernández de Cossío\*\*, Deputy Foreign Minister, Cuba, February 2, 2026/,
  );
});

test('switching tabs switches the page list; pausing shows at once', async (t) => {
  const harbour = await t.open('articles/harbour-ledger-talks.html');
  const atlas = await t.open('articles/atlas-review-timeline.html');
  const panel = await openPanel(t);
  const title = panel.getByRole('heading', { level: 1 });

  await harbour.bringToFront();
  await title.filter({ hasText: 'Harbour Ledger' }).waitFor();
  const harbourList = await panel.locator('.found-list').allInnerTexts();
  assert.ok(harbourList.join('\n').includes('Carlos Fernández de Cossío'));
  assert.ok(!harbourList.join('\n').includes('Fulgencio Batista'));

  await atlas.bringToFront();
  await title.filter({ hasText: 'Atlas Review' }).waitFor();
  await panel.getByRole('button', { name: 'Fulgencio Batista', exact: true }).waitFor();

  // Show on page: the first highlight, then the next.
  await panel.getByRole('button', { name: 'Show Donald Trump on the page' }).click();
  await panel
    .locator('.found-item', { hasText: 'Donald Trump' })
    .getByText(/^1\/\d+$/)
    .waitFor();
  await panel
    .getByRole('button', { name: /Show the next place Donald Trump is mentioned/ })
    .click();
  await panel
    .locator('.found-item', { hasText: 'Donald Trump' })
    .getByText(/^2\/\d+$/)
    .waitFor();

  // Settings changed elsewhere (another extension page) reach the panel without a reload.
  const other = await t.openExtensionPage('sidepanel.html');
  await other.evaluate(() =>
    (globalThis as unknown as { chrome: WxtBrowser }).chrome.runtime.sendMessage({
      channel: 'backstory',
      type: 'settings/update',
      payload: { paused: true },
    }),
  );
  await panel.getByText(/Backstory is paused: nothing is highlighted/).waitFor();
});

test('the page list follows navigations: a new article, a #fragment, a page it did not read', async (t) => {
  const article = await t.open('articles/harbour-ledger-talks.html');
  const panel = await openPanel(t);
  const title = panel.getByRole('heading', { level: 1 });
  await title.filter({ hasText: 'Harbour Ledger' }).waitFor();

  await article.goto(t.server.url('articles/meridian-post-denial.html'));
  await title.filter({ hasText: 'The Meridian Post' }).waitFor();
  await panel.getByRole('button', { name: 'Miguel Díaz-Canel', exact: true }).waitFor();

  // Same document: the list stays.
  await article.evaluate(() => {
    location.hash = 'comments';
  });
  await panel.waitForTimeout(2500);
  assert.match(await title.innerText(), /The Meridian Post/);
  assert.equal(await panel.getByText('Backstory has not read this page').count(), 0);

  // A page Backstory does not read (the content script only runs on http and https).
  await article.goto('about:blank');
  await panel.getByText(/Backstory has not read this page/).waitFor();
  assert.equal(await panel.locator('.found-list').count(), 0);
});

test('knowledge written in another extension page appears in the open panel without a reload', async (t) => {
  const panel = await openPanel(t, `?kind=actor&id=${A('miguel-diaz-canel')}`);
  await panel.getByRole('heading', { level: 1, name: 'Miguel Díaz-Canel' }).waitFor();
  const writer = await t.openExtensionPage('review.html');
  await writer.evaluate(await bundleForPage('tests/e2e/in-page/write.ts'));
  await writer.evaluate(
    `window.__backstoryWrite.addStatement(${JSON.stringify({
      id: 'test/statement/live',
      speakerId: A('miguel-diaz-canel'),
      words: 'A statement learned in another tab.',
      kind: 'reported',
      said: '2026-02-04',
      citations: [{ sourceId: 'starter/source/001-reuters-cuba-in-communication' }],
      provenance: ['user'],
    })})`,
  );
  await panel.locator('.statement', { hasText: 'A statement learned in another tab.' }).waitFor();
  // Newest first: it heads the list, and the count moved.
  assert.match(
    await panel.locator('.actor-view .statement').first().innerText(),
    /learned in another tab/,
  );
  await panel.locator('#statements-h .count', { hasText: '10' }).waitFor();
  await writer.evaluate(
    `window.__backstoryWrite.renameActor(${JSON.stringify(A('miguel-diaz-canel'))}, 'Miguel Díaz-Canel Bermúdez')`,
  );
  await panel.getByRole('heading', { level: 1, name: 'Miguel Díaz-Canel Bermúdez' }).waitFor();
});
