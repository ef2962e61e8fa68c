import { browser } from 'wxt/browser';
import { type BackstoryDB, getDb } from '@/lib/db';
import { backgroundListener } from '@/lib/messaging';
import { createHandlers } from './handlers';
import { registerNoteMenu } from './notes';
import { ensureStarterPack } from './starter-pack';
import { setupSubscriptions } from './subscriptions';
import { clearTabState } from './tab-state';

export default defineBackground(() => {
  // Every request waits for the starter pack, so the first page never sees an empty dictionary.
  const ready: Promise<BackstoryDB> = (async () => {
    const db = getDb();
    try {
      await ensureStarterPack(db);
    } catch (error) {
      console.error('[Backstory] Could not prepare the database:', error);
    }
    return db;
  })();

  browser.runtime.onMessage.addListener(backgroundListener(createHandlers(() => ready)));
  setupSubscriptions(() => ready);
  registerNoteMenu();

  // The toolbar button opens the side panel (Chrome); Firefox's sidebar has its own button.
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('[Backstory] setPanelBehavior failed:', error);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
  });
});
