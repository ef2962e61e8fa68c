import { browser } from 'wxt/browser';
import type { BackstoryDB } from '@/lib/db';
import type { ArticleCopy } from '@/lib/extract/article-copy';
import { forgetPage } from '@/lib/learn/forget';
import { LEARN_MAX_CHARS } from '@/lib/learn/learn-page';
import type { LearningStatus } from '@/lib/learn/messages';
import { reviewCandidate } from '@/lib/learn/review';
import type { BackgroundHandlers } from '@/lib/messaging';
import { getSettings, pagePolicy, siteOf } from '@/lib/settings/settings';
import { learnWhenQuiet } from './learn-queue';
import { type Learn, learnInBackground } from './reading-copy';
import { getTabState } from './tab-state';

/**
 * Learning in the background: after a page's reading copy is cached, extract what it says and
 * store it; tell the panel what was learned on a tab; forget a page; review learned actors.
 */

const tabKey = (tabId: number) => `learn:tab:${tabId}`;

/** Runs extraction on a captured copy. Never throws: a page Backstory cannot read loses nothing. */
export async function learnAfterCapture(
  db: BackstoryDB,
  pageId: string,
  copy: ArticleCopy,
  tabId: number | undefined,
  /** Whether the page showed anything Backstory already knew. */
  found = true,
  learn: Learn = learnInBackground,
): Promise<void> {
  if (tabId !== undefined) {
    await browser.storage.session.set({ [tabKey(tabId)]: { pageId, url: copy.url } });
  }
  try {
    // After pages waiting for their highlights, one page at a time (learn-queue.ts).
    const learned = await learnWhenQuiet(() => learn(db, pageId, copy));
    // An article with nothing known on it and nothing learned from it is not worth a reading
    // copy: only pages where knowledge was found are kept for offline review.
    const nothing =
      !found &&
      learned.statements.added + learned.statements.cited === 0 &&
      learned.events.added + learned.events.cited === 0 &&
      learned.candidates.added + learned.candidates.seen === 0 &&
      learned.links === 0;
    if (nothing) await forgetPage(db, pageId);
  } catch (error) {
    console.error('[Backstory] Learning from this page failed; the cached copy is kept.', error);
  }
}

export async function clearLearningTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

type LearningHandlers = Pick<
  BackgroundHandlers,
  'learning/status' | 'page/forget' | 'actors/review'
>;

export function learningHandlers(db: () => Promise<BackstoryDB>): LearningHandlers {
  return {
    'learning/status': async ({ tabId }) => {
      const d = await db();
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      // Without the "tabs" permission the tab's address is not visible: the content script's
      // report on it is.
      const url = tab?.url ?? (await getTabState(tabId))?.url ?? '';
      const settings = await getSettings(d);
      const site = /^https?:/.test(url) ? siteOf(url) : null;
      const policy = pagePolicy(settings, url);
      const stored = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as
        | { pageId?: unknown }
        | undefined;
      const page =
        typeof stored?.pageId === 'string' ? await d.pages.get(stored.pageId) : undefined;
      const status: LearningStatus = {
        site,
        learning: settings.learning,
        siteLearning: site !== null && !settings.learningDisabledSites.includes(site),
        blocked: policy.reason === 'active' ? null : policy.reason,
        incognito: tab?.incognito === true,
        page: page
          ? {
              id: page.id,
              title: page.title,
              ...(page.sourceId ? { sourceId: page.sourceId } : {}),
              ...(page.text.length > LEARN_MAX_CHARS ? { partial: true } : {}),
            }
          : null,
      };
      return status;
    },

    'page/forget': async ({ pageId }) => {
      const result = await forgetPage(await db(), pageId);
      return result ? { forgotten: true, ...result } : { forgotten: false, deleted: 0, updated: 0 };
    },

    'actors/review': async (request) => {
      const d = await db();
      await reviewCandidate(
        d,
        request.id,
        request.action === 'merge'
          ? { action: 'merge', into: request.into }
          : { action: request.action },
      );
      return {};
    },
  };
}
