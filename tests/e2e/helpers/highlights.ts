import type { Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/lib/chromium';

export const NAMES = [
  'backstory-actor',
  'backstory-ambiguous',
  'backstory-claim',
  'backstory-claim-denied',
] as const;

export interface Stats {
  url: string;
  actors: number;
  claims: number;
  ambiguous: number;
  blocks: number;
  mainThreadMs: number;
  longestSliceMs: number;
  toHighlightsMs: number;
  toPaintMs: number;
  toVisiblePaintMs?: number;
  startedAtMs?: number;
  loadMs?: number;
  scans?: number;
  scansDone?: number;
}

/**
 * Where the extension's code can be run with `chrome.tabs`: the service worker, or one of the
 * extension's own pages, which stays when the worker is stopped.
 */
export type ExtensionContext = Pick<Worker, 'evaluate'>;

/** Asks the content script of the tab showing `page` what it found (highlights/stats). */
export async function contentStats(
  browser: ExtensionBrowser,
  page: Page,
  via: ExtensionContext = browser.serviceWorker,
): Promise<Stats> {
  const url = page.url();
  return via.evaluate(async (target) => {
    type Chrome = {
      tabs: {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      };
    };
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    // Tabs' URLs are hidden without the "tabs" permission: ask every tab, keep the one whose
    // content script is on the page.
    const tabs = await chrome.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const reply = (await chrome.tabs
        .sendMessage(tab.id, { channel: 'backstory', type: 'highlights/stats', payload: {} })
        .catch(() => null)) as { ok: boolean; value?: Record<string, number | string> } | null;
      if (reply?.ok && reply.value?.url === target) return reply.value as unknown as Stats;
    }
    throw new Error(`no content script answered for ${target}`);
  }, url);
}

/** The toolbar badge text of the tab showing `page`. */
export async function badgeText(browser: ExtensionBrowser, page: Page): Promise<string> {
  const url = page.url();
  return browser.serviceWorker.evaluate(async (target) => {
    type Chrome = {
      tabs: {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    };
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await chrome.tabs
        .sendMessage(tab.id, { channel: 'backstory', type: 'highlights/stats', payload: {} })
        .catch(() => null)) as { ok: boolean; value?: { url?: string } } | null;
      if (reply?.ok && reply.value?.url === target)
        return chrome.action.getBadgeText({ tabId: tab.id });
    }
    return '';
  }, url);
}

/** How many ranges each Backstory highlight holds. */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (names) => {
      const out: Record<string, number> = {};
      for (const n of names) out[n] = CSS.highlights.get(n)?.size ?? 0;
      return out;
    },
    [...NAMES],
  );
}

/** Accessibility tree nodes (role and name), through the DevTools protocol: it sees into closed
 * shadow roots, as assistive technology does. */
export async function accessibleNodes(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
  } finally {
    await cdp.detach();
  }
}

/** Waits until the accessibility tree has a node with this role whose name matches. */
export async function waitForAccessible(
  page: Page,
  role: string,
  name: RegExp,
  timeout = 10_000,
): Promise<{ role: string; name: string }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await accessibleNodes(page)).find((n) => n.role === role && name.test(n.name));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no ${role} named ${name} in the accessibility tree`);
    await page.waitForTimeout(150);
  }
}

/** The panel target the background last stored (what a click asked the panel to show). */
export async function panelTarget(browser: ExtensionBrowser) {
  return browser.serviceWorker.evaluate(async () => {
    type Chrome = { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const stored = await chrome.storage.session.get('panel:target');
    return (stored['panel:target'] ?? null) as { target: { kind: string; id: string } } | null;
  });
}

/** Waits until the content script has scanned the whole page once. */
/** Asks the page's content script for its stats until `done` holds for them. */
export async function waitForStats(
  browser: ExtensionBrowser,
  page: Page,
  done: (stats: Stats) => boolean,
  timeout = 30_000,
): Promise<Stats> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stats = await contentStats(browser, page).catch(() => null);
    if (stats && done(stats)) return stats;
    if (Date.now() > deadline) {
      throw new Error(
        `the page's stats did not come true within ${timeout} ms: ${JSON.stringify(stats)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

export async function waitForScan(
  browser: ExtensionBrowser,
  page: Page,
  timeout = 30_000,
  via: ExtensionContext = browser.serviceWorker,
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stats = await contentStats(browser, page, via).catch(() => null);
    if (stats && stats.toPaintMs > 0) return stats;
    if (Date.now() > deadline) throw new Error(`the page was not scanned within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
