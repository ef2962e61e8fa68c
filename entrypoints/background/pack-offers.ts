import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { BackstoryDB } from '@/lib/db';
import { type PackOffer, PackOfferLink } from '@/lib/messaging';
import { subscriptionUrlProblem } from '@/lib/packs/subscription';

/**
 * Packs offered by pages (`<link rel="alternate" type="application/vnd.backstory.pack+json">`),
 * per tab, in session storage: extension pages show them and the user decides. Nothing is ever
 * fetched because a page offers it.
 */
const key = (tabId: number) => `offers:${tabId}`;
const DISMISSED = 'offers:dismissed';

const StoredOffers = z.object({
  pageUrl: z.string(),
  pageTitle: z.string().optional(),
  offers: z.array(PackOfferLink),
});
type StoredOffers = z.infer<typeof StoredOffers>;

async function dismissed(): Promise<Set<string>> {
  const stored = await browser.storage.session.get(DISMISSED);
  const parsed = z.array(z.string()).safeParse(stored[DISMISSED]);
  return new Set(parsed.success ? parsed.data : []);
}

/** Keeps the offers a page made, if they are addresses Backstory may fetch. */
export async function recordOffers(
  tabId: number,
  pageUrl: string,
  pageTitle: string | undefined,
  offers: { url: string; title?: string | undefined }[],
): Promise<number> {
  const allowed = offers.filter((o) => subscriptionUrlProblem(o.url) === null);
  if (allowed.length === 0) {
    await browser.storage.session.remove(key(tabId));
    return 0;
  }
  const value: StoredOffers = {
    pageUrl,
    ...(pageTitle ? { pageTitle: pageTitle.slice(0, 2000) } : {}),
    offers: allowed,
  };
  await browser.storage.session.set({ [key(tabId)]: value });
  return allowed.length;
}

export async function clearOffers(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** The offers of one tab or of every tab, minus those dismissed, marked if already followed. */
export async function listOffers(db: BackstoryDB, tabId?: number): Promise<PackOffer[]> {
  const all = await browser.storage.session.get(tabId === undefined ? null : key(tabId));
  const skip = await dismissed();
  const followed = new Set((await db.subscriptions.toArray()).map((s) => s.url));
  const out: PackOffer[] = [];
  for (const [k, v] of Object.entries(all)) {
    const m = /^offers:(\d+)$/.exec(k);
    const parsed = StoredOffers.safeParse(v);
    if (!m || !parsed.success) continue;
    for (const offer of parsed.data.offers) {
      if (skip.has(offer.url)) continue;
      out.push({
        tabId: Number(m[1]),
        pageUrl: parsed.data.pageUrl,
        ...(parsed.data.pageTitle ? { pageTitle: parsed.data.pageTitle } : {}),
        url: offer.url,
        ...(offer.title ? { title: offer.title } : {}),
        subscribed: followed.has(new URL(offer.url).href),
      });
    }
  }
  return out;
}

/** "Not now": the offer is not shown again in this browser session. */
export async function dismissOffer(url: string): Promise<void> {
  const skip = await dismissed();
  skip.add(url);
  await browser.storage.session.set({ [DISMISSED]: [...skip].slice(-200) });
}
