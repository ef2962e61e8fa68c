import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's content-script context listens for two events named after the extension's id, which is
 * public: "a newer copy of this script started" (it then shuts the running one down) and "the
 * address changed" (single-page apps). A page's own script can dispatch both. Without this guard
 * a page that knows Backstory's id could switch it off on itself, or make it re-scan the page in
 * a loop.
 *
 * - The "started" event is stopped before it reaches WXT's listener. Nothing legitimate needs it:
 *   Backstory's content script is injected once per page by the manifest, and a copy orphaned by
 *   an extension update notices on its own (the runtime id check in index.ts).
 * - Navigations are believed only when the address actually changed (`navigated`).
 */
export function guardContext(ctx: ContentScriptContext): void {
  const entry = import.meta.env.ENTRYPOINT;
  const started = `${browser.runtime.id}:${entry}:wxt:content-script-started`;
  const stop = (event: Event) => event.stopImmediatePropagation();
  // On window, capturing: before any listener on document (WXT's) or below it.
  ctx.addEventListener(window, started, stop, { capture: true });
}

/** Tracks the address a scan was made for, so forged navigation events change nothing. */
export class AddressWatch {
  private scanned = location.href;

  /** Call when a scan starts. */
  scanning(): void {
    this.scanned = location.href;
  }

  /** Whether the address differs from the last scan's. */
  navigated(): boolean {
    return location.href !== this.scanned;
  }
}

/**
 * Calls `handler` after a single-page-app navigation (`history.pushState`, back and forward in
 * the app). WXT reports one as `wxt:locationchange`, from the Navigation API's `navigate` event,
 * which fires before the address changes (inside the page's `pushState`): `handler` runs on the
 * next task, once the navigation has committed. The page can dispatch WXT's event itself, so a
 * handler acts only if the address differs from the one it last acted on.
 */
export function onNavigation(ctx: ContentScriptContext, handler: () => void): void {
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(handler, 0);
  });
}
