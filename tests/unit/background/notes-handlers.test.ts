import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { noteHandlers } from '@/entrypoints/background/notes';
import { forgetPageSettings, watchSettings } from '@/entrypoints/background/page-settings';
import { noteRow } from '@/lib/db';
import { updateSettings } from '@/lib/settings/settings';
import { NOTES } from '../notes/sample-notes';
import { freshDb } from '../packs/helpers';

const URL_A =
  'https://harbourledger.example/world/americas/cuba-us-messages-no-dialogue-2026-02-03/';
const sender = (url: string, incognito = false) => ({ url, tab: { id: 3, incognito } }) as never;
const target = {
  kind: 'selection' as const,
  url: URL_A,
  quote: { type: 'TextQuoteSelector' as const, exact: 'table of dialogue' },
};
const copy = {
  url: URL_A,
  title: 'Cuban official confirms messages',
  text: 'The reading copy.',
  detectedBy: 'og-type' as const,
};

/** The background's reader, faked: the copy of whatever HTML it is given (its text in <p>). */
const read = vi.fn(async (html: string, url: string) =>
  html.includes('<p>') ? { ...copy, url, text: html.replace(/.*<p>|<\/p>.*/gs, '') } : null,
);
const page = (text: string) => `<html><body><p>${text}</p></body></html>`;

describe('background note handlers', () => {
  let db: ReturnType<typeof freshDb>;
  let h: ReturnType<typeof noteHandlers>;
  beforeEach(() => {
    fakeBrowser.reset();
    // Each test has a database of its own: nothing remembered from another's.
    forgetPageSettings();
    db = freshDb();
    read.mockClear();
    h = noteHandlers(async () => db, read);
  });

  it('gives a page the notes of its own URL only, and never another site’s', async () => {
    await db.notes.bulkAdd(NOTES.map(noteRow));
    const own = await h['notes/for-page']({ url: URL_A }, sender(URL_A));
    expect(own.show).toBe(true);
    expect(own.canCreate).toBe(true);
    expect(own.notes.map((n) => n.id)).toEqual(['note/a1', 'note/a2']);
    const other = await h['notes/for-page']({ url: URL_A }, sender('https://evil.example/'));
    expect(other).toEqual({ show: false, canCreate: false, notes: [] });
  });

  it('shows notes but allows no new ones in a private window; nothing when paused', async () => {
    expect((await h['notes/for-page']({ url: URL_A }, sender(URL_A, true))).canCreate).toBe(false);
    // Paused in the database directly, as another context would: the watcher sees it.
    const stop = watchSettings(db);
    try {
      await updateSettings(db, { paused: true });
      await vi.waitFor(async () =>
        expect((await h['notes/for-page']({ url: URL_A }, sender(URL_A))).show).toBe(false),
      );
    } finally {
      stop();
    }
  });

  it('stores a note with the page’s reading copy, read from its HTML in the background, when there is none, keeping an existing copy', async () => {
    const { note } = await h['notes/create'](
      { body: ' Mine ', tags: ['a'], target, html: page('The reading copy.') },
      sender(URL_A),
    );
    expect(note).toMatchObject({ body: 'Mine', tags: ['a'], provenance: ['user'], target });
    expect((await db.notes.get(note.id))?._pageUrl).toBe(URL_A);
    expect(read).toHaveBeenCalledWith(page('The reading copy.'), URL_A);
    expect((await db.pages.toArray()).map((p) => p.text)).toEqual(['The reading copy.']);
    // A second note on the page: the copy kept is not read again, nor replaced.
    await h['notes/create']({ body: '', tags: [], target, html: page('Changed.') }, sender(URL_A));
    expect(read).toHaveBeenCalledTimes(1);
    expect((await db.pages.toArray()).map((p) => p.text)).toEqual(['The reading copy.']);
    expect(await db.notes.count()).toBe(2);
  });

  it('keeps the note when the page is no article, its copy is of another address, or the reader fails', async () => {
    const other = `${URL_A}other/`;
    const h2 = noteHandlers(
      async () => db,
      async (html) => {
        if (html.includes('fail')) throw new Error('The reader closed');
        return html.includes('elsewhere') ? { ...copy, url: other } : null;
      },
    );
    const create = (html: string) =>
      h2['notes/create']({ body: 'x', tags: [], target, html }, sender(URL_A));
    expect((await create('<p>no article</p>')).warning).toBeUndefined();
    expect((await create('<p>elsewhere</p>')).warning).toBeUndefined();
    expect((await create('<p>fail</p>')).warning).toBe(
      "Note saved. The page's reading copy could not be kept.",
    );
    expect(await db.notes.count()).toBe(3);
    expect(await db.pages.count()).toBe(0);
  });

  it('refuses notes for another site, in private windows and on switched-off sites', async () => {
    const create = (s: never) => h['notes/create']({ body: 'x', tags: [], target }, s);
    await expect(create(sender('https://evil.example/page'))).rejects.toThrow(/its own page/);
    await expect(create(sender(URL_A, true))).rejects.toThrow(/private windows/);
    await updateSettings(db, { disabledSites: ['harbourledger.example'] });
    await expect(create(sender(URL_A))).rejects.toThrow(/switched off/);
    expect(await db.notes.count()).toBe(0);
  });
});
