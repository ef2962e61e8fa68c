import assert from 'node:assert/strict';
import { dbRows, highlightTexts, waitForHighlights } from '../../scripts/lib/chromium';
import { test } from './harness';
import { NOTE, notesUiText, PASSAGE, servedStory, takeNote, waitForNotesUi } from './notes-helpers';

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
