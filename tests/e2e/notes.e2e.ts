import assert from 'node:assert/strict';
import { dbRows, eventually, highlightTexts, waitForHighlights } from '../../scripts/lib/chromium';
import { test } from './harness';
import { waitForScan } from './helpers/highlights';
import {
  clickNotesUiButton,
  dragSelect,
  NOTE,
  notesUiText,
  PASSAGE,
  type StoredNote,
  servedStory,
  takeNote,
  waitForNotesUi,
} from './notes-helpers';

test('takes a note on a selection and finds it again after a reload, an edit and a removal', async (t) => {
  const story = servedStory(t);
  const { page, note } = await takeNote(t, story.url);
  assert.equal(note.body, 'De Cossío draws the line at "table of dialogue".');
  assert.deepEqual(note.tags, ['talks', 'Cuba']);
  assert.equal(note.target.kind, 'selection');
  assert.equal(note.target.url, story.url);
  assert.equal(note.target.quote.exact, PASSAGE);
  assert.match(note.target.quote.prefix ?? '', /communications, but $/);
  assert.match(note.target.quote.suffix ?? '', /^,” de Cossio said/);
  assert.ok(
    note.target.position &&
      note.target.position.end - note.target.position.start === PASSAGE.length,
  );
  assert.match(note.target.title ?? '', /table of dialogue/);
  assert.deepEqual(await highlightTexts(page, NOTE), [PASSAGE]);

  // Taking the note kept the page's reading copy.
  const pages = await dbRows<{ url: string; text: string }>(t.browser, 'pages');
  assert.ok(pages.some((p) => p.url === story.url && p.text.includes(PASSAGE)));

  // Reload: the note is anchored again (by position) and highlighted.
  await page.reload();
  await waitForHighlights(page, NOTE);
  assert.deepEqual(await highlightTexts(page, NOTE), [PASSAGE]);
  assert.equal(await notesUiText(page), '', 'no notes UI when every note is found');

  // The page was edited around and inside the passage: still found.
  story.use('story-edited.html');
  await page.reload();
  await waitForHighlights(page, NOTE);
  assert.deepEqual(await highlightTexts(page, NOTE), [
    'we cannot say we have had a table of dialogue',
  ]);

  // The passage was removed: listed as not found, with its quote.
  story.use('story-removed.html');
  await page.reload();
  const text = await waitForNotesUi(page, /not found on this page/);
  assert.match(text, /1 Backstory note not found on this page/);
  assert.ok(text.includes(PASSAGE), `the orphan's quote is listed: ${text}`);
  assert.ok(text.includes('draws the line'), 'with its note');
  assert.deepEqual(await highlightTexts(page, NOTE), []);
  assert.deepEqual(t.pageErrors, []);
});

test("after a single-page-app navigation the notes are the new address's", async (t) => {
  const story = servedStory(t);
  const { page, note } = await takeNote(t, story.url);
  assert.equal(note.target.url, story.url);
  // The app shows another story at another address, in the same document.
  const next = new URL('/live/next-story.html', story.url).href;
  await page.evaluate((href) => {
    history.pushState({}, '', href);
    (document.querySelector('article') as HTMLElement).innerHTML =
      '<h1>Another story</h1><p>Marco Rubio spoke to reporters about the next round of talks.</p>';
  }, next);
  // The first note is not this page's: neither highlighted nor listed as not found (past the
  // re-anchoring that the page's change starts, 800 ms and an idle callback).
  await eventually(async () => (await highlightTexts(page, NOTE)).length === 0, 'no note shown');
  await page.waitForTimeout(1500);
  assert.deepEqual(await highlightTexts(page, NOTE), []);
  assert.doesNotMatch(await notesUiText(page), /not found/);
  // A note taken now is kept for the new address.
  await dragSelect(page, 'the next round of talks');
  await waitForNotesUi(page, /Add note/);
  await clickNotesUiButton(page, 'Add note');
  await waitForNotesUi(page, /New note/);
  await page.keyboard.type('The next round.');
  await page.keyboard.press('Control+Enter');
  await waitForHighlights(page, NOTE);
  const rows = await eventually(async () => {
    const all = await dbRows<StoredNote>(t.browser, 'notes');
    return all.length === 2 ? all : null;
  }, 'the second note');
  assert.equal(rows.find((n) => n.id !== note.id)?.target.url, next);
  assert.deepEqual(await highlightTexts(page, NOTE), ['the next round of talks']);
  // Back at the first address, its note is the page's again; its passage is no longer in the
  // document, so it is listed as not found.
  await page.evaluate(() => history.back());
  const text = await waitForNotesUi(page, /1 Backstory note not found on this page/);
  assert.ok(text.includes(PASSAGE), text);
  assert.deepEqual(await highlightTexts(page, NOTE), []);
  assert.deepEqual(t.pageErrors, []);
});

test('the keyboard shortcut and the context-menu request open the editor on the selection', async (t) => {
  const story = servedStory(t);
  const page = await t.browser.context.newPage();
  await page.goto(story.url);
  // The whole first scan: the notes start once the page's text has been sent.
  await waitForScan(t.browser, page);
  const selectText = (text: string) =>
    page.evaluate((wanted) => {
      const walker = document.createTreeWalker(
        document.querySelector('article') as Node,
        NodeFilter.SHOW_TEXT,
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return true;
      }
      return false;
    }, text);

  // Alt+Shift+N, with the focus on the page.
  assert.ok(await selectText('the highest people in Cuba'));
  await page.keyboard.press('Alt+Shift+N');
  await waitForNotesUi(page, /New note/);
  await page.keyboard.type('Shortcut note');
  await page.keyboard.press('Control+Enter');
  await waitForNotesUi(page, /Note saved/);

  // What the "Add a Backstory note" menu item does: the background asks the tab to compose.
  assert.ok(await selectText('an unusual and extraordinary threat'));
  const opened = await t.browser.serviceWorker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: {
          query(q: object): Promise<{ id: number; url: string }[]>;
          sendMessage(id: number, m: unknown): Promise<unknown>;
        };
      };
    };
    // Without the "tabs" permission tab URLs are hidden: the story is the active tab.
    void url;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab?.id ?? -1, {
      channel: 'backstory',
      type: 'notes/compose',
      payload: {},
    });
  }, story.url);
  assert.deepEqual(opened, { ok: true, value: { opened: true } });
  await waitForNotesUi(page, /New note/);
  assert.match(await notesUiText(page), /an unusual and extraordinary threat/);
  await page.keyboard.type('Menu note');
  await page.keyboard.press('Control+Enter');
  // The first note is highlighted already: wait for the second one's range, not for any range.
  await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) >= 2, NOTE, {
    timeout: 15_000,
  });
  const texts = await highlightTexts(page, NOTE);
  assert.deepEqual(texts, ['the highest people in Cuba', 'an unusual and extraordinary threat']);
  const notes = await dbRows<{ body: string }>(t.browser, 'notes');
  assert.deepEqual(notes.map((n) => n.body).sort(), ['Menu note', 'Shortcut note']);

  // Without a selection, the shortcut says what to do instead of opening an empty editor.
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.keyboard.press('Alt+Shift+N');
  await waitForNotesUi(page, /Select some text on the page first/);

  // A click on a note's highlight shows the note.
  const point = await page.evaluate(() => {
    const h = CSS.highlights.get('backstory-note');
    const first = h && ([...h][0] as AbstractRange);
    if (!first) return null;
    const r = document.createRange();
    r.setStart(first.startContainer, first.startOffset);
    r.setEnd(first.endContainer, first.endOffset);
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0] as DOMRect;
    return { x: rect.left + 5, y: rect.top + rect.height / 2 };
  });
  assert.ok(point);
  await page.mouse.click(point.x, point.y);
  await waitForNotesUi(page, /Your note.*Shortcut note/);
  assert.deepEqual(t.pageErrors, []);
});

test('notes on an actor from the side panel, kept and editable', async (t) => {
  const panel = await t.openExtensionPage(
    'sidepanel.html?kind=actor&id=starter%2Factor%2Fdonald-trump',
  );
  await panel.getByRole('heading', { level: 1, name: 'Donald Trump' }).waitFor();
  await panel.getByRole('button', { name: 'Add note on Donald Trump' }).click();
  await panel
    .getByRole('textbox', { name: 'Note' })
    .fill('Ask the White House about the Feb. 1 remarks.');
  await panel.getByLabel('Tags (comma-separated)').fill('follow-up');
  await panel.getByRole('button', { name: 'Save note' }).click();
  const list = panel.getByRole('list', { name: 'Your notes on Donald Trump' });
  await list.getByText('Ask the White House about the Feb. 1 remarks.').waitFor();
  const rows = await dbRows<{
    target: { kind: string; entityType: string; entityId: string };
    tags: string[];
  }>(t.browser, 'notes');
  assert.deepEqual(
    rows.map((r) => [r.target, r.tags]),
    [
      [
        { kind: 'entity', entityType: 'actor', entityId: 'starter/actor/donald-trump' },
        ['follow-up'],
      ],
    ],
  );
  await list.getByRole('button', { name: 'Edit' }).click();
  await panel.getByRole('textbox', { name: 'Note' }).fill('Asked; no answer yet.');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await list.getByText('Asked; no answer yet.').waitFor();

  // The review page lists it with the actor it is about, and the actor filter finds it.
  const review = await t.openExtensionPage(
    'review.html#/notes?actor=starter%2Factor%2Fdonald-trump',
  );
  await review.locator('.note-card').getByText('Asked; no answer yet.').waitFor();
  assert.match(await review.locator('.note-card').innerText(), /Actor: Donald Trump/);
  assert.deepEqual(t.pageErrors, []);
});
