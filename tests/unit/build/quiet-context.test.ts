import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_MODULE,
  quietContentScriptContext,
  withoutStartedMessage,
} from '../../../scripts/lib/quiet-context';

const require = createRequire(import.meta.url);
// The module as WXT ships it, where the build plugin meets it.
const path = require.resolve('wxt/utils/content-script-context');
const wxtCode = readFileSync(path, 'utf8');

describe('the quiet content-script context (build plugin)', () => {
  it("matches WXT's context module by path, on any platform", () => {
    expect(CONTEXT_MODULE.test(path)).toBe(true);
    expect(
      CONTEXT_MODULE.test('C:\\x\\node_modules\\wxt\\dist\\utils\\content-script-context.mjs'),
    ).toBe(true);
    expect(CONTEXT_MODULE.test('/x/node_modules/wxt/dist/utils/content-script-ui.mjs')).toBe(false);
  });

  it('removes the message WXT posts to the page and keeps the event its own listener hears', () => {
    expect(wxtCode).toContain('window.postMessage');
    const quiet = withoutStartedMessage(wxtCode);
    expect(quiet).not.toContain('window.postMessage');
    expect(quiet).not.toContain('postMessage');
    // "A newer copy started" still reaches WXT's listener, through the document event.
    expect(quiet).toContain(
      'document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE',
    );
    expect(quiet).toContain(
      'document.addEventListener(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, cb)',
    );
    // Only that call is removed.
    expect(wxtCode.length - quiet.length).toBeLessThan(250);
  });

  it('fails the build when the call is no longer there (a WXT upgrade to look at)', () => {
    expect(() => withoutStartedMessage(withoutStartedMessage(wxtCode))).toThrow(
      /no longer has the window\.postMessage/,
    );
  });

  it('transforms only that module', () => {
    const plugin = quietContentScriptContext();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform(wxtCode, `${path}?v=1`)?.code).not.toContain('postMessage');
    expect(transform('window.postMessage(1, "*");', '/x/entrypoints/content/index.ts')).toBeNull();
  });
});
