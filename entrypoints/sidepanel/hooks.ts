import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground, type TabState } from '@/lib/messaging';

export type LiveState<T> =
  | { status: 'loading'; slow: boolean }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

/** How long a read may take before the panel says it is loading (a quick read shows nothing). */
export const LOADING_DELAY_MS = 150;

/**
 * A Dexie live query: re-runs whenever the rows it read change, in this context or another
 * (a tab learning, the review page importing). Keeps showing the last value while a re-run is
 * under way; `retry` restarts it after an error.
 */
export function useLiveData<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  opts: { keepPrevious?: boolean } = {},
) {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading', slow: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    // A next page or a refined search keeps the current content until the new one is ready.
    if (!opts.keepPrevious) setState({ status: 'loading', slow: false });
    const slow = setTimeout(
      () => setState((s) => (s.status === 'loading' ? { status: 'loading', slow: true } : s)),
      LOADING_DELAY_MS,
    );
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        clearTimeout(slow);
        setState({ status: 'ready', value });
      },
      error: (error: unknown) => {
        clearTimeout(slow);
        console.error('[Backstory] Panel query failed:', error);
        setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        });
      },
    });
    return () => {
      clearTimeout(slow);
      subscription.unsubscribe();
    };
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

export interface FollowedTab {
  /** The tab the panel describes, once known. */
  tabId: number | undefined;
  /** What its content script reported; null when nothing was reported for the current page. */
  report: TabState | null;
  /** The tab is loading a new page. */
  loading: boolean;
}

const stateKey = (tabId: number) => `tab:${tabId}`;

/** How long after a page finishes loading its content script has to report before the panel judges. */
const SETTLE_MS = 1500;

/**
 * Whether the tab's current document runs Backstory's content script. Asked with a reveal of an
 * id no entity has: a live content script answers "not found", with no effect on the page; a
 * page without one (a new document Backstory did not read) cannot answer.
 */
async function contentScriptAlive(tabId: number): Promise<boolean> {
  const reply = await sendToBackground('tab/reveal', {
    tabId,
    target: { kind: 'actor', id: 'backstory-liveness-probe' },
    index: 0,
  });
  return reply.ok;
}

/**
 * The tab "On this page" describes, following tab switches and navigations. In the side panel
 * (or Firefox's sidebar) that is the active tab of the panel's window. When the panel page is
 * open as a tab itself, it is the most recently active other tab, in any window.
 */
export function useFollowedTab(): FollowedTab {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [report, setReport] = useState<TabState | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let selfTabId: number | undefined;
    let windowId: number | undefined;
    const follow = (id: number | undefined) => {
      if (!cancelled && id !== undefined && id !== selfTabId) setTabId(id);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (selfTabId === undefined && windowId !== undefined && info.windowId !== windowId) return;
      follow(info.tabId);
    };
    void (async () => {
      selfTabId = (await browser.tabs.getCurrent())?.id;
      if (selfTabId === undefined) {
        windowId = (await browser.windows.getCurrent()).id;
        const [tab] = await browser.tabs.query({ active: true, windowId });
        follow(tab?.id);
      } else {
        const tabs = await browser.tabs.query({});
        const others = tabs
          .filter((t) => t.id !== selfTabId && t.id !== undefined)
          .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
        follow(others[0]?.id);
      }
    })();
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    let cancelled = false;
    let navigatedAt = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const reply = await sendToBackground('tab/state', { tabId });
      return reply.ok ? reply.value : null;
    };
    const show = (state: TabState | null) => {
      if (cancelled) return;
      setReport(state);
      setLoading(false);
    };
    const refresh = async () => {
      const state = await read();
      // A report from before the tab's last navigation waits for settle() to judge it.
      if (state && state.updatedAt >= navigatedAt) show(state);
    };
    // After a navigation completes: a new report has arrived, or the page did not change
    // document (a #fragment, history.pushState: the content script is still there and its
    // report still holds), or Backstory has not read the new page.
    const settleAfterNavigation = async () => {
      const state = await read();
      if (state && state.updatedAt >= navigatedAt) return show(state);
      show(state && (await contentScriptAlive(tabId)) ? state : null);
    };
    setReport(null);
    setLoading(false);
    void read().then(show);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && stateKey(tabId) in changes) void refresh();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id !== tabId) return;
      if (info.status === 'loading') {
        navigatedAt = Date.now();
        clearTimeout(settle);
        setLoading(true);
      } else if (info.status === 'complete' && navigatedAt > 0) {
        clearTimeout(settle);
        settle = setTimeout(() => void settleAfterNavigation(), SETTLE_MS);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      clearTimeout(settle);
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  return { tabId, report, loading };
}
