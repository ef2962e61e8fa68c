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

describe('background note handlers', () => {
  let db: ReturnType<typeof freshDb>;
  let h: ReturnType<typeof noteHandlers>;
  beforeEach(() => {
    fakeBrowser.reset();
    // Each test has a database of its own: nothing remembered from another's.
    forgetPageSettings();
    db = freshDb();
    h = noteHandlers(async () => db);
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

  it('stores a note with the page’s reading copy when there is none, keeping an existing copy', async () => {
    const { note } = await h['notes/create'](
      { body: ' Mine ', tags: ['a'], target, copy },
      sender(URL_A),
    );
    expect(note).toMatchObject({ body: 'Mine', tags: ['a'], provenance: ['user'], target });
    expect((await db.notes.get(note.id))?._pageUrl).toBe(URL_A);
    expect((await db.pages.toArray()).map((p) => p.text)).toEqual(['The reading copy.']);
    await h['notes/create'](
      { body: '', tags: [], target, copy: { ...copy, text: 'Changed.' } },
      sender(URL_A),
    );
    expect((await db.pages.toArray()).map((p) => p.text)).toEqual(['The reading copy.']);
    expect(await db.notes.count()).toBe(2);
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
