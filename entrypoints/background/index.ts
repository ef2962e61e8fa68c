import { browser } from 'wxt/browser';
import { type BackstoryDB, getDb, requestPersistentStorage } from '@/lib/db';
import { backgroundListener, pagePortListener } from '@/lib/messaging';
import { stepActiveTab } from './broadcast';
import { searchSelectionItem, setupContextMenus } from './context-menu';
import { warmEngine } from './dictionary';
import { createHandlers } from './handlers';
import { refreshTabsOnKnowledgeChange } from './knowledge-watch';
import { clearLearningTab } from './learning';
import { addNoteItem, registerNoteCommand } from './notes';
import { pageSettings, watchSettings } from './page-settings';
import { setupFirefoxToolbarButton } from './panel-open';
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

  const listen = backgroundListener(createHandlers(() => ready));
  browser.runtime.onMessage.addListener(listen);
  // The page's load-time requests come on a port (lib/messaging/page-port.ts).
  browser.runtime.onConnect.addListener(pagePortListener(listen));
  setupSubscriptions(() => ready);
  void ready.then(refreshTabsOnKnowledgeChange);
  void ready.then(watchSettings);
  registerNoteCommand();

  // The toolbar button opens the side panel (Chrome); Firefox's sidebar has its own button.
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('[Backstory] setPanelBehavior failed:', error);
  });

  // Keyboard: move through the page's highlights (manifest `commands`).
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'next-highlight') void stepActiveTab('next');
    if (command === 'previous-highlight') void stepActiveTab('previous');
  });

  // Context menu items, one per feature: add yours to the list.
  setupContextMenus([searchSelectionItem, addNoteItem]);
  setupFirefoxToolbarButton();

  // Ask the browser to keep the cache from silent eviction, once, on install and update (where
  // the API exists: Firefox; Chrome relies on unlimitedStorage, see lib/db/storage.ts).
  browser.runtime.onInstalled.addListener(() => void requestPersistentStorage());

  // A tab begins loading a page: its content script will ask for matches shortly, so the
  // matching engine is built now (a stopped worker is started by this very event).
  browser.tabs.onUpdated.addListener((_tabId, change) => {
    if (change.status !== 'loading') return;
    void ready.then((db) => warmEngine(db, async () => (await pageSettings(db)).paused));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
    void clearLearningTab(tabId);
  });
});
