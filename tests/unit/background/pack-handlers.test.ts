import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearStaleChecks, createPackHandlers } from '@/entrypoints/background/subscriptions';
import type { BackstoryDB } from '@/lib/db';
import { addSubscription } from '@/lib/packs/subscription';
import { updateSettings } from '@/lib/settings/settings';
import { freshDb } from '../packs/helpers';

type Sender = Parameters<ReturnType<typeof createPackHandlers>['packs/offer']>[1];

const tab = (id: number, extra: object = {}) =>
  ({
    id: fakeBrowser.runtime.id,
    url: 'https://news.example/a',
    tab: { id, title: 'A story', ...extra },
  }) as Sender;

describe('pack handlers', () => {
  let db: BackstoryDB;
  let h: ReturnType<typeof createPackHandlers>;

  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
    h = createPackHandlers(async () => db);
  });

  it('keeps a page’s offers of https packs, lists them, marks the followed, forgets the dismissed', async () => {
    const reply = await h['packs/offer'](
      {
        offers: [
          { url: 'https://packs.example/desk.json', title: 'Desk' },
          { url: 'http://packs.example/insecure.json' },
        ],
      },
      tab(3),
    );
    expect(reply).toEqual({ shown: 1 });
    const listed = await h['packs/offers']({ tabId: 3 }, tab(3));
    expect(listed).toEqual([
      {
        tabId: 3,
        pageUrl: 'https://news.example/a',
        pageTitle: 'A story',
        url: 'https://packs.example/desk.json',
        title: 'Desk',
        subscribed: false,
      },
    ]);
    await addSubscription(db, { url: 'https://packs.example/desk.json' });
    expect((await h['packs/offers']({}, tab(3)))[0]?.subscribed).toBe(true);
    await h['packs/offer/dismiss']({ tabId: 3, url: 'https://packs.example/desk.json' }, tab(3));
    expect(await h['packs/offers']({}, tab(3))).toEqual([]);
  });

  it('ignores offers where Backstory is switched off', async () => {
    await updateSettings(db, { disabledSites: ['news.example'] });
    expect(
      await h['packs/offer']({ offers: [{ url: 'https://p.example/a.json' }] }, tab(4)),
    ).toEqual({
      shown: 0,
    });
    expect(await h['packs/offers']({}, tab(4))).toEqual([]);
  });

  it('learns fact-check markup from a page, except in private windows or with learning off', async () => {
    const block = readFileSync('tests/fixtures/claimreview/single.json', 'utf8');
    const report = { title: 'A fact check', blocks: ['{ not json', block] };
    expect(await h['claimreview/report'](report, tab(5, { incognito: true }))).toEqual({
      reviews: 0,
    });
    await updateSettings(db, { learning: false });
    expect(await h['claimreview/report'](report, tab(5))).toEqual({ reviews: 0 });
    expect(await db.claims.count()).toBe(0);
    await updateSettings(db, { learning: true });
    expect(await h['claimreview/report'](report, tab(5))).toEqual({ reviews: 1 });
    const claim = (await db.claims.toArray())[0];
    expect(claim?.provenance[0]).toMatch(/^page:cr\/src\//);
    // New actors from a page wait for the user's confirmation.
    expect((await db.actors.toArray()).every((a) => a.status === 'candidate')).toBe(true);
    // Visiting again changes nothing.
    const before = await db.statements.toArray();
    await h['claimreview/report'](report, tab(5));
    expect(await db.statements.toArray()).toEqual(before);
  });

  it('removes a subscription, and its pack when asked', async () => {
    const sub = await addSubscription(db, { url: 'https://packs.example/desk.json' });
    await db.packs.put({
      id: 'desk',
      name: 'Desk',
      version: '1',
      loadedAt: new Date().toISOString(),
      counts: { sources: 0, actors: 0, claims: 0, statements: 0, links: 0, events: 0 },
      origin: 'subscription',
    });
    await db.subscriptions.update(sub.id, { packId: 'desk' });
    await h['subscriptions/remove']({ id: sub.id, removePack: true }, tab(1));
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });
});

describe('a worker that starts', () => {
  it('clears the "checking" mark a stopped worker left, and nothing else', async () => {
    const db = freshDb();
    const sub = await addSubscription(db, { url: 'https://packs.example/desk.json' });
    const other = await addSubscription(db, { url: 'https://packs.example/other.json' });
    await db.subscriptions.update(sub.id, { checkingSince: '2026-02-05T10:00:00.000Z' });
    const before = await db.subscriptions.get(other.id);
    expect(await clearStaleChecks(db)).toBe(1);
    const after = await db.subscriptions.get(sub.id);
    expect(after?.checkingSince).toBeUndefined();
    expect(after?.url).toBe('https://packs.example/desk.json');
    expect(await db.subscriptions.get(other.id)).toEqual(before);
  });
});
