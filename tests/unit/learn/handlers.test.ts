import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import starter from '@/assets/packs/starter.json';
import { createHandlers } from '@/entrypoints/background/handlers';
import { forgetPageSettings } from '@/entrypoints/background/page-settings';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import { loadPack } from '@/lib/packs/load';
import { updateSettings } from '@/lib/settings/settings';
import { freshDb } from '../packs/helpers';

const COPY: ArticleCopy = {
  url: 'https://news.example/a',
  title: 'Havana denies talks',
  outlet: 'News Example',
  published: '2026-02-03',
  detectedBy: 'json-ld',
  text: 'Cuba and the United States are not holding negotiations, a senior Cuban official said on Monday.',
};
const HTML = '<html><body><article><p>the page as sent</p></article></body></html>';
const payload = { html: HTML, foundActorIds: ['starter/actor/cuba'], foundClaimIds: [] };
const sender = (incognito: boolean) =>
  ({ id: fakeBrowser.runtime.id, url: COPY.url, tab: { id: 3, incognito, windowId: 1 } }) as never;

/** The background's reader stands in for Readability (tests/unit/extract covers that). */
async function setup(copy: ArticleCopy | null = COPY) {
  const db = freshDb();
  await loadPack(db, starter, 'bundled');
  const readCopy = vi.fn((html: string, url: string) =>
    Promise.resolve(html === HTML && url === COPY.url ? copy : null),
  );
  return { db, readCopy, handlers: createHandlers(() => Promise.resolve(db), readCopy) };
}

const learned = async (db: ReturnType<typeof freshDb>) =>
  (await db.sources.toArray()).filter((s) => s.provenance.some((p) => p.startsWith('page:')));

describe('the background learning from captured pages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Each test has a database of its own: no settings remembered from another's.
    forgetPageSettings();
  });

  it('a change made with settings/update is what the next page/config answers', async () => {
    const { handlers } = await setup();
    const page = { url: COPY.url };
    expect(await handlers['page/config'](page, sender(false))).toMatchObject({ highlight: true });
    // Remembered now: the answer below comes from what settings/update wrote, not a re-read.
    await handlers['settings/update']({ paused: true }, sender(false));
    expect(await handlers['page/config'](page, sender(false))).toMatchObject({
      highlight: false,
      reason: 'paused',
    });
  });

  it('learns from a page in a normal window', async () => {
    const { db, handlers } = await setup();
    expect(await handlers['page/capture'](payload, sender(false))).toMatchObject({ saved: true });
    expect(await learned(db)).toHaveLength(1);
    expect(
      await db.statements
        .where('_sourceIds')
        .equals((await learned(db))[0]!.id)
        .count(),
    ).toBe(1);
  });

  it('refuses a page from a private window: nothing is read, cached or learned', async () => {
    const { db, handlers, readCopy } = await setup();
    expect(await handlers['page/capture'](payload, sender(true))).toEqual({ saved: false });
    expect(readCopy).not.toHaveBeenCalled();
    expect(await db.pages.count()).toBe(0);
    expect(await learned(db)).toHaveLength(0);
    expect(await handlers['page/config']({ url: COPY.url }, sender(true))).toMatchObject({
      learn: false,
    });
  });

  it('learns nothing when learning is off, globally or for the site', async () => {
    const { db, handlers, readCopy } = await setup();
    await updateSettings(db, { learning: false });
    expect(await handlers['page/capture'](payload, sender(false))).toEqual({ saved: false });
    await updateSettings(db, { learning: true, learningDisabledSites: ['news.example'] });
    expect(await handlers['page/capture'](payload, sender(false))).toEqual({ saved: false });
    expect(await learned(db)).toHaveLength(0);
    expect(readCopy).not.toHaveBeenCalled();
  });

  it('refuses a copy filed under another site', async () => {
    const { db, handlers } = await setup({ ...COPY, url: 'https://elsewhere.example/a' });
    expect(await handlers['page/capture'](payload, sender(false))).toEqual({ saved: false });
    expect(await learned(db)).toHaveLength(0);
  });

  it('keeps nothing of a page that is not an article', async () => {
    const { db, handlers, readCopy } = await setup(null);
    expect(await handlers['page/capture'](payload, sender(false))).toEqual({ saved: false });
    expect(readCopy).toHaveBeenCalledWith(HTML, COPY.url);
    expect(await db.pages.count()).toBe(0);
  });

  it('tells the panel about a tab, and forgets its page on request', async () => {
    const { db, handlers } = await setup();
    const { pageId } = (await handlers['page/capture'](payload, sender(false))) as {
      pageId: string;
    };
    await fakeBrowser.storage.session.set({
      'tab:3': {
        url: COPY.url,
        title: 't',
        status: 'active',
        actors: [],
        claims: [],
        tabId: 3,
        updatedAt: 1,
      },
    });
    const status = await handlers['learning/status']({ tabId: 3 }, sender(false));
    expect(status).toMatchObject({
      site: 'news.example',
      learning: true,
      siteLearning: true,
      blocked: null,
    });
    expect(status.page?.id).toBe(pageId);
    expect(await handlers['page/forget']({ pageId }, sender(false))).toMatchObject({
      forgotten: true,
    });
    expect(await learned(db)).toHaveLength(0);
    expect(await handlers['page/forget']({ pageId }, sender(false))).toEqual({
      forgotten: false,
      deleted: 0,
      updated: 0,
    });
  });
});
