import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { dbRows, eventually } from '../../scripts/lib/chromium';
import { FIXTURES, test } from './harness';
import { learnedSources } from './helpers/learned';
import { axeViolations, PASSAGE, servedStory, takeNote } from './notes-helpers';

const TABLES = [
  'actors',
  'claims',
  'events',
  'links',
  'notes',
  'packs',
  'pages',
  'settings',
  'sources',
  'statements',
];

/** Downloads what a click starts and returns the file's text. */
async function downloadText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/**
 * Compares an export with its expected file. What differs from run to run (the fixture server's
 * port, the note's id, today's date and times) is replaced by placeholders first. Set
 * UPDATE_EXPECTED=1 to rewrite the expected file on purpose.
 */
function matchesExpected(name: string, actual: string, values: Record<string, string>) {
  let normal = actual.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '{{TIME}}');
  for (const [placeholder, value] of Object.entries(values))
    normal = normal.split(value).join(placeholder);
  const path = join(FIXTURES, 'expected', 'e2e', name);
  if (process.env.UPDATE_EXPECTED === '1' || !existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, normal);
  }
  assert.equal(normal, readFileSync(path, 'utf8'), `${name} differs from its expected file`);
}

test('offline, the review page lists the note, opens its reading copy, finds it, and exports it', async (t) => {
  const story = servedStory(t);
  const { note } = await takeNote(t, story.url);

  await t.browser.context.setOffline(true);
  const fetched: string[] = [];
  t.browser.context.on('request', (r) => {
    if (!r.url().startsWith('chrome-extension://')) fetched.push(r.url());
  });
  const review = await t.openExtensionPage('review.html#/notes');
  await review.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  const card = review.locator('.note-card').first();
  await card.waitFor();
  assert.match(await card.innerText(), /we can not say we have had a table of dialogue/);
  assert.match(await card.innerText(), /draws the line/);
  assert.deepEqual(await axeViolations(review), [], 'accessibility of the Notes section');

  // Search ignores accents and case; a search for something else finds nothing.
  const search = review.getByRole('searchbox', { name: /Search notes, articles and statements/ });
  await search.fill('COSSIO table');
  assert.equal(await review.locator('.note-card').count(), 1);
  assert.match(await review.locator('.filter-summary').innerText(), /1 note · 1 article/);
  await search.fill('embargo');
  await review.getByText('No note matches the search and filters.').waitFor();
  await search.fill('cossío');
  await review.locator('.note-card').first().waitFor();
  // Filters: the tag and the outlet of the note's article.
  await review.getByLabel('Tag').selectOption('talks');
  await review.getByLabel('Outlet').selectOption('Harbour Ledger');
  assert.equal(await review.locator('.note-card').count(), 1);

  // Open the cached reading copy at the passage.
  await review.getByRole('link', { name: 'Open in the reading copy' }).click();
  await review
    .getByRole('heading', { level: 1, name: /Cuban official confirms messages/ })
    .waitFor();
  const mark = review.locator('mark.note-mark.focused');
  await mark.waitFor();
  assert.equal((await mark.innerText()).trim(), PASSAGE);
  assert.ok(
    (await review.locator('.actor-mark').count()) > 5,
    'known actors are marked in the copy',
  );
  assert.equal(
    await review.evaluate(() => document.activeElement?.classList.contains('note-mark')),
    true,
  );

  // Exports of the one note match the expected files.
  await review.goto(review.url().replace(/#.*$/, '#/export'));
  await review.getByRole('heading', { level: 1, name: /Export, import and backup/ }).waitFor();
  assert.deepEqual(await axeViolations(review), [], 'accessibility of the Export section');
  const today = new Date().toISOString().slice(0, 10);
  const values = { '{{ORIGIN}}': t.server.origin, '{{NOTE_ID}}': note.id, '{{TODAY}}': today };
  const md = await downloadText(review, () =>
    review.getByRole('button', { name: 'Markdown (one file)' }).click(),
  );
  assert.equal(md.name, `backstory-notes-${today}.md`);
  matchesExpected('notes.md', md.text, values);
  const w3c = await downloadText(review, () =>
    review.getByRole('button', { name: 'W3C Web Annotations (JSON-LD)' }).click(),
  );
  matchesExpected('notes.w3c.jsonld', w3c.text, values);

  assert.deepEqual(fetched, [], 'the review page fetched nothing');
  assert.deepEqual(t.pageErrors, []);
});

test('backup, wipe and restore round-trip the database exactly', async (t) => {
  const story = servedStory(t);
  const { page } = await takeNote(t, story.url);
  const dump = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = await dbRows(t.browser, table);
    return out;
  };
  // What the note's page sets off runs in its own time: learning from the article (its one
  // transaction writes the Source), then the dictionary compiled again for the knowledge it
  // added. Wait for the first, close the page, and wait until the database stops changing, so
  // that nothing writes between this dump and the backup.
  await eventually(
    async () => learnedSources(await dbRows(t.browser, 'sources')).length > 0,
    'what the article taught',
  );
  await page.close();
  let before = await dump();
  await eventually(async () => {
    await new Promise((r) => setTimeout(r, 500));
    const again = await dump();
    const quiet = isDeepStrictEqual(again, before);
    before = again;
    return quiet;
  }, 'a database that stopped changing');
  assert.ok((before.notes?.length ?? 0) === 1 && (before.actors?.length ?? 0) > 30);

  const review = await t.openExtensionPage('review.html#/export');
  await review.getByRole('heading', { level: 1, name: /Export, import and backup/ }).waitFor();
  const backup = await downloadText(review, () =>
    review.getByRole('button', { name: 'Download a backup' }).click(),
  );
  const progress = review.locator('progress').first();
  assert.equal(await progress.getAttribute('value'), await progress.getAttribute('max'));
  assert.deepEqual(await dump(), before, 'the database changed while the backup was taken');
  const backupPath = join(await mkTemp(), backup.name);
  writeFileSync(backupPath, backup.text);

  // Wipe every table.
  await t.browser.serviceWorker.evaluate(
    (names) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => {
          const tx = open.result.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    TABLES,
  );
  assert.equal((await dbRows(t.browser, 'notes')).length, 0);

  // A file that is not a backup is refused and changes nothing.
  const bogus = join(await mkTemp(), 'not-a-backup.json');
  writeFileSync(bogus, '{"format":"backstory-pack"}');
  await review.getByLabel('Restore from a backup file').setInputFiles(bogus);
  await review
    .getByRole('alert')
    .filter({ hasText: /not a Backstory backup/ })
    .waitFor();

  await review.getByLabel('Restore from a backup file').setInputFiles(backupPath);
  await review.getByRole('alertdialog').waitFor();
  assert.match(await review.getByRole('alertdialog').innerText(), /1 notes, 1 reading copies/);
  await review.getByRole('button', { name: 'Restore', exact: true }).click();
  await review.getByText('The backup was restored.').waitFor();

  const after = await eventually(async () => {
    const d = await dump();
    return (d.notes?.length ?? 0) > 0 ? d : null;
  }, 'restored rows');
  const counter = (rows: unknown[] = []) =>
    (rows as { key: string }[]).filter((r) => r.key !== 'knowledgeVersion');
  const version = (rows: unknown[] = []) =>
    (rows as { key: string; value: number }[]).find((r) => r.key === 'knowledgeVersion')?.value ??
    0;
  assert.deepEqual(
    { ...after, settings: counter(after.settings) },
    { ...before, settings: counter(before.settings) },
  );
  // The knowledge counter moves forward, so every compiled dictionary is rebuilt.
  assert.ok(version(after.settings) > version(before.settings));
  assert.deepEqual(t.pageErrors, []);
});

async function mkTemp(): Promise<string> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  return mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
}

test(
  'the review sections pass axe in dark mode too',
  async (t) => {
    const review = await t.openExtensionPage('review.html#/statements');
    await review.locator('.ledger-item').first().waitFor();
    for (const section of ['statements', 'notes', 'articles', 'export']) {
      await review.goto(review.url().replace(/#.*$/, `#/${section}`));
      await review.locator('.review-main h1').waitFor();
      assert.deepEqual(await axeViolations(review), [], `${section} (dark)`);
    }
  },
  { launch: { colorScheme: 'dark' } },
);
