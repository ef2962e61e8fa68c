import type { Plugin } from 'vite';

/**
 * WXT's content-script context (wxt/utils/content-script-context, WXT 0.21) announces each start
 * of a content script twice: a CustomEvent on `document`, which is what its "a newer copy
 * started" listener hears, and a `window.postMessage` to the page, which nothing in WXT listens to
 * any more. The page does: every `message` listener on a page Backstory runs on received
 * `{ type: "<extension id>:content:wxt:content-script-started", … }`, a message the page never
 * asked for (a listener that `JSON.parse`s every message throws on it), and posting it cost the
 * page's main thread 1–3 ms, 8–17 ms with a DevTools client attached (docs/highlighting.md).
 *
 * This build plugin removes that one call from WXT's module. If WXT's code changes so that the call
 * is not found, the build fails, so that an upgrade is looked at rather than silently posting
 * again. tests/unit/build/quiet-context.test.ts runs it on the module WXT ships, and
 * tests/e2e/foundation.e2e.ts checks on the built extension that the page receives no message.
 */
export const CONTEXT_MODULE = /[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;

const POST_STARTED =
  /window\.postMessage\(\{\s*type:\s*ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,\s*contentScriptName:\s*this\.contentScriptName,\s*messageId:\s*this\.id\s*\},\s*"\*"\);/;

/** WXT's context module without its message to the page. Throws if the call is not there. */
export function withoutStartedMessage(code: string): string {
  if (!POST_STARTED.test(code)) {
    throw new Error(
      "WXT's content-script context no longer has the window.postMessage that " +
        'scripts/lib/quiet-context.ts removes: check what it posts to pages now.',
    );
  }
  return code.replace(
    POST_STARTED,
    '/* Backstory: no message to the page (scripts/lib/quiet-context.ts). */',
  );
}

export function quietContentScriptContext(): Plugin {
  return {
    name: 'backstory:quiet-content-script-context',
    enforce: 'pre',
    transform(code, id) {
      if (!CONTEXT_MODULE.test(id.split('?')[0] ?? id)) return null;
      return { code: withoutStartedMessage(code), map: null };
    },
  };
}
