import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type EntityRef, PANEL_SEARCH_KEY, PanelSearch, PanelTarget } from '@/lib/messaging';

/** Where the background leaves what a highlight click asked to show (entrypoints/background/panel.ts). */
export const PANEL_TARGET_KEY = 'panel:target';

/** A request left before the panel opened counts only if it is this recent (the panel's own start-up). */
const FRESH_MS = 30_000;

export type PanelRequest =
  | { kind: 'entity'; target: EntityRef }
  | { kind: 'search'; query: string };

function parse(key: string, value: unknown): { request: PanelRequest; at: number } | null {
  if (key === PANEL_TARGET_KEY) {
    const p = PanelTarget.safeParse(value);
    return p.success ? { request: { kind: 'entity', target: p.data.target }, at: p.data.at } : null;
  }
  const p = PanelSearch.safeParse(value);
  return p.success ? { request: { kind: 'search', query: p.data.query }, at: p.data.at } : null;
}

/**
 * Applies what the rest of the extension asks the panel to show: a clicked highlight, or a
 * search from the context menu. Requests made just before the panel opened are applied at start,
 * unless the panel's own address already names what to show (`applyPending: false`).
 */
export function usePanelRequests(
  apply: (request: PanelRequest) => void,
  { applyPending = true }: { applyPending?: boolean } = {},
) {
  useEffect(() => {
    let cancelled = false;
    const keys = [PANEL_TARGET_KEY, PANEL_SEARCH_KEY];
    void browser.storage.session.get(keys).then((stored) => {
      if (cancelled || !applyPending) return;
      const latest = keys
        .map((k) => parse(k, stored[k]))
        .filter((r) => r !== null && Date.now() - r.at < FRESH_MS)
        .sort((a, b) => (b?.at ?? 0) - (a?.at ?? 0))[0];
      if (latest) apply(latest.request);
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      for (const key of keys) {
        const change = changes[key];
        const parsed = change && parse(key, change.newValue);
        if (parsed) apply(parsed.request);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
}
