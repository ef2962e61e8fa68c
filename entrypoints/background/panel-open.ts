import { browser } from 'wxt/browser';
import { openSidePanel } from './panel';

/** Firefox's sidebar API (absent from Chrome's types). */
interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

type ActionApi = { onClicked: { addListener(fn: () => void): void } };

export function firefoxSidebar(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/**
 * Opens the panel in response to a user action (a context-menu click, a command). Must be
 * called synchronously in the action's listener, before any await: Chrome's sidePanel.open()
 * and Firefox's sidebarAction.open() both refuse to run once the user gesture is over.
 */
export function openPanelFromGesture(windowId: number | undefined): Promise<boolean> {
  const sidebar = firefoxSidebar();
  if (sidebar) {
    return sidebar.open().then(
      () => true,
      (error: unknown) => {
        console.warn('[Backstory] sidebarAction.open failed:', error);
        return false;
      },
    );
  }
  return openSidePanel(windowId);
}

/**
 * Firefox: the toolbar button toggles the sidebar (Chrome's opens the side panel through
 * setPanelBehavior). Firefox MV2 names the toolbar button `browserAction`.
 */
export function setupFirefoxToolbarButton(): void {
  const sidebar = firefoxSidebar();
  if (!sidebar) return;
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  (b.action ?? b.browserAction)?.onClicked.addListener(() => {
    sidebar.toggle().catch((error: unknown) => {
      console.warn('[Backstory] sidebarAction.toggle failed:', error);
    });
  });
}
