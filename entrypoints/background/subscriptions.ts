import { browser } from 'wxt/browser';
import type { BackstoryDB } from '@/lib/db';
import type { BackgroundHandlers } from '@/lib/messaging';
import type { Subscription } from '@/lib/model';
import { learnClaimReviews } from '@/lib/packs/claimreview-page';
import { removePack } from '@/lib/packs/remove';
import {
  addSubscription,
  dueSubscriptions,
  nextDue,
  refreshSubscription,
  updateSubscription,
} from '@/lib/packs/subscription';
import { getSettings, pagePolicy } from '@/lib/settings/settings';
import { clearOffers, dismissOffer, listOffers, recordOffers } from './pack-offers';

/**
 * Subscriptions by URL: one alarm, set to when the next subscription is due (browser alarms
 * survive the service worker being stopped and the browser restarting), refreshes one at a time,
 * and the requests of the review page and of content scripts about packs.
 */
export const ALARM = 'backstory:subscriptions';

type GetDb = () => Promise<BackstoryDB>;

/** One refresh per subscription at a time: a second request waits for the first. */
const running = new Map<string, Promise<Subscription>>();

function refresh(db: BackstoryDB, id: string): Promise<Subscription> {
  const current = running.get(id);
  if (current) return current;
  const task = refreshSubscription(db, id, { fetch: (...args) => fetch(...args) }).finally(() =>
    running.delete(id),
  );
  running.set(id, task);
  return task;
}

/** Sets the alarm for the next due subscription (or clears it when there are none). */
export async function schedule(db: BackstoryDB): Promise<void> {
  const due = await nextDue(db);
  if (!due) {
    await browser.alarms.clear(ALARM);
    return;
  }
  // Chrome does not fire alarms sooner than 30 s from now.
  await browser.alarms.create(ALARM, { when: Math.max(due.getTime(), Date.now() + 30_000) });
}

async function refreshDue(db: BackstoryDB): Promise<void> {
  for (const sub of await dueSubscriptions(db, new Date())) {
    try {
      await refresh(db, sub.id);
    } catch (error) {
      console.error('[Backstory] Subscription refresh failed:', error);
    }
  }
  await schedule(db);
}

/** Wires the alarm and the tab listeners; call once from defineBackground. */
export function setupSubscriptions(getDb: GetDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void getDb().then(refreshDue);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearOffers(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page in the tab: the previous page's offers no longer apply.
    if (change.status === 'loading' && change.url) void clearOffers(tabId);
  });
  void getDb()
    .then(async (db) => {
      await clearStaleChecks(db);
      await schedule(db);
    })
    .catch((error: unknown) =>
      console.error('[Backstory] Could not schedule subscriptions:', error),
    );
}

/**
 * A worker that starts is running no refresh: a "checking" mark left by a worker that was
 * stopped half-way is cleared, so the review page does not say "Checking now…" for ever. The
 * import it was running is resumed by the next refresh (the subscription is still due).
 */
export async function clearStaleChecks(db: BackstoryDB): Promise<number> {
  return db.subscriptions
    .filter((sub) => sub.checkingSince !== undefined && !running.has(sub.id))
    .modify((sub) => {
      delete sub.checkingSince;
    });
}

type PackHandlers = Pick<
  BackgroundHandlers,
  | 'packs/offer'
  | 'claimreview/report'
  | 'packs/offers'
  | 'packs/offer/dismiss'
  | 'subscriptions/add'
  | 'subscriptions/refresh'
  | 'subscriptions/update'
  | 'subscriptions/remove'
>;

const senderPage = (sender: { url?: string; tab?: { url?: string } }) =>
  sender.url ?? sender.tab?.url;

export function createPackHandlers(getDb: GetDb): PackHandlers {
  return {
    'packs/offer': async ({ offers }, sender) => {
      const tabId = sender.tab?.id;
      const pageUrl = senderPage(sender);
      if (tabId === undefined || !pageUrl || sender.frameId) return { shown: 0 };
      const policy = pagePolicy(await getSettings(await getDb()), pageUrl);
      if (!policy.highlight) return { shown: 0 };
      return { shown: await recordOffers(tabId, pageUrl, sender.tab?.title, offers) };
    },

    'claimreview/report': async ({ title, blocks }, sender) => {
      const pageUrl = senderPage(sender);
      if (!pageUrl || !/^https?:/.test(pageUrl) || sender.tab?.incognito) return { reviews: 0 };
      const db = await getDb();
      if (!pagePolicy(await getSettings(db), pageUrl).learn) return { reviews: 0 };
      const docs: unknown[] = [];
      for (const block of blocks) {
        try {
          docs.push(JSON.parse(block));
        } catch {
          // A page's broken JSON-LD is the page's business: skip that block.
        }
      }
      const learned = await learnClaimReviews(db, { url: pageUrl, title }, docs);
      if (learned.error) console.warn('[Backstory] Fact-check markup not kept:', learned.error);
      return { reviews: learned.reviews };
    },

    'packs/offers': async ({ tabId }) => listOffers(await getDb(), tabId),

    'packs/offer/dismiss': async ({ url }) => {
      await dismissOffer(url);
      return {};
    },

    'subscriptions/add': async (input) => {
      const db = await getDb();
      const sub = await addSubscription(db, input);
      const refreshed = await refresh(db, sub.id);
      await schedule(db);
      return refreshed;
    },

    'subscriptions/refresh': async ({ id }) => {
      const db = await getDb();
      const refreshed = await refresh(db, id);
      await schedule(db);
      return refreshed;
    },

    'subscriptions/update': async ({ id, ...change }) => {
      const db = await getDb();
      const updated = await updateSubscription(db, id, change);
      await schedule(db);
      return updated;
    },

    'subscriptions/remove': async ({ id, removePack: alsoPack }) => {
      const db = await getDb();
      await running.get(id)?.catch(() => undefined);
      const sub = await db.subscriptions.get(id);
      await db.subscriptions.delete(id);
      if (alsoPack && sub?.packId) await removePack(db, sub.packId);
      await schedule(db);
      return {};
    },
  };
}
