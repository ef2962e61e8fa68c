import { browser } from 'wxt/browser';
import { PANEL_SEARCH_KEY, type PanelSearch } from '@/lib/messaging';
import { openPanelFromGesture } from './panel-open';

type Info = Parameters<Parameters<typeof browser.contextMenus.onClicked.addListener>[0]>[0];
type Tab = Parameters<Parameters<typeof browser.contextMenus.onClicked.addListener>[0]>[1];

/**
 * One item of Backstory's context menu. Every feature adds its own item to the list given to
 * setupContextMenus (entrypoints/background/index.ts); `onClick` runs synchronously inside the
 * click, so it may open the panel.
 */
export interface MenuItem {
  id: string;
  title: string;
  contexts: [
    'selection' | 'page' | 'link' | 'editable',
    ...('selection' | 'page' | 'link' | 'editable')[],
  ];
  onClick(info: Info, tab: Tab | undefined): void;
}

/** Longest selection taken as a search: the first words are what the reader asks about. */
const MAX_QUERY = 200;

/** "What does Backstory know about this?" on a selection: opens the panel and searches it. */
export const searchSelectionItem: MenuItem = {
  id: 'backstory-search-selection',
  title: 'What does Backstory know about this?',
  contexts: ['selection'],
  onClick(info, tab) {
    const query = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
    // No await before this: opening the panel needs the click's user gesture.
    void openPanelFromGesture(tab?.windowId);
    if (!query) return;
    const request: PanelSearch = { query, at: Date.now() };
    browser.storage.session.set({ [PANEL_SEARCH_KEY]: request }).catch((error: unknown) => {
      console.error('[Backstory] Could not pass the search to the panel:', error);
    });
  },
};

/** (Re)creates the menu items. Menus outlive the service worker, so old ones go first. */
async function createMenus(items: readonly MenuItem[]) {
  await browser.contextMenus.removeAll();
  for (const item of items) {
    browser.contextMenus.create({ id: item.id, title: item.title, contexts: item.contexts }, () => {
      // Reading lastError marks it handled; a failure here is logged, not thrown.
      const error = browser.runtime.lastError;
      if (error) console.error(`[Backstory] Menu item ${item.id} failed:`, error.message);
    });
  }
}

/** Registers Backstory's context menu: call once, at the top of the background, with every item. */
export function setupContextMenus(items: readonly MenuItem[]): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    items.find((item) => item.id === info.menuItemId)?.onClick(info, tab);
  });
  void createMenus(items).catch((error: unknown) => {
    console.error('[Backstory] Could not create the context menu:', error);
  });
}
