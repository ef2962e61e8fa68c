import { liveQuery } from 'dexie';
import { type BackstoryDB, getKnowledgeVersion } from '@/lib/db';
import { refreshAllTabs } from './broadcast';
import { forgetKnowledgeVersion } from './dictionary';

/** Changes that land together (a pack in chunks, several names confirmed) refresh tabs once. */
const SETTLE_MS = 400;

/**
 * Open tabs learn of new knowledge without a reload: when the knowledge version moves — a pack
 * imported in the review page, a subscription refreshed, a name confirmed, a page forgotten, in
 * any context of the extension — every tab's content script is asked to scan again. Returns a
 * function that stops watching.
 */
export function refreshTabsOnKnowledgeChange(db: BackstoryDB): () => void {
  let last: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = liveQuery(() => getKnowledgeVersion(db)).subscribe({
    next: (version) => {
      const moved = last !== undefined && version !== last;
      last = version;
      if (!moved) return;
      forgetKnowledgeVersion();
      clearTimeout(timer);
      timer = setTimeout(() => void refreshAllTabs(), SETTLE_MS);
    },
    error: (error: unknown) => console.warn('[Backstory] Not watching the knowledge:', error),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
