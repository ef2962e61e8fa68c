import { browser } from 'wxt/browser';
import { type PageReport, TabState } from '@/lib/messaging';

/**
 * What each tab's content script found, kept in session storage so it survives the service
 * worker being stopped, and is gone when the browser closes. Only extension contexts can read it.
 */
const key = (tabId: number) => `tab:${tabId}`;

export async function setTabState(tabId: number, report: PageReport): Promise<void> {
  const state: TabState = { ...report, tabId, updatedAt: Date.now() };
  await browser.storage.session.set({ [key(tabId)]: state });
  // The badge counts every highlight on the page: actor mentions, ambiguous ones, claim sentences.
  const sum = (list: { count: number }[] | undefined) =>
    (list ?? []).reduce((n, entity) => n + entity.count, 0);
  const count =
    report.status === 'active'
      ? sum(report.actors) + sum(report.claims) + sum(report.ambiguous)
      : 0;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b4a9b' });
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  const parsed = TabState.safeParse(stored[key(tabId)]);
  return parsed.success ? parsed.data : null;
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
