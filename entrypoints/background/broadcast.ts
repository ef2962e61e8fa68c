import { browser } from 'wxt/browser';
import { sendToTab } from '@/lib/messaging';

/** Asks every tab's content script to check its policy again and re-scan or clear. */
export async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined || !/^https?:/.test(tab.url ?? 'http:')
        ? undefined
        : sendToTab(tab.id, 'highlights/refresh', {}),
    ),
  );
}

/** Sends the keyboard command to the active tab of the focused window. */
export async function stepActiveTab(direction: 'next' | 'previous'): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await sendToTab(tab.id, 'highlights/step', { direction });
}
