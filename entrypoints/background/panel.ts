import { browser } from 'wxt/browser';
import type { EntityRef, PanelTarget } from '@/lib/messaging';

export const PANEL_TARGET_KEY = 'panel:target';

/**
 * Opens the side panel in the sender's window. Must be called synchronously from the message
 * listener: Chrome only honours sidePanel.open() while the click's user gesture is alive.
 * Firefox has no sidePanel API; its sidebar opens only from an extension page's input handler.
 */
export function openSidePanel(windowId: number | undefined): Promise<boolean> {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (!sidePanel || windowId === undefined) return Promise.resolve(false);
  return sidePanel.open({ windowId }).then(
    () => true,
    (error: unknown) => {
      console.warn('[Backstory] sidePanel.open failed:', error);
      return false;
    },
  );
}

/** Tells the panel (open now or later) what to show. */
export async function setPanelTarget(target: EntityRef, tabId: number | undefined) {
  const value: PanelTarget = { target, at: Date.now(), ...(tabId === undefined ? {} : { tabId }) };
  await browser.storage.session.set({ [PANEL_TARGET_KEY]: value });
}
