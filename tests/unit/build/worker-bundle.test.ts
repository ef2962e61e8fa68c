import { describe, expect, it } from 'vitest';
import { bundleModule } from '../../../scripts/lib/page-bundle';

/**
 * The background's reader and learner (entrypoints/background/reading-copy.ts), bundled as the
 * extension is built. Chrome's worker reads and learns in its offscreen document, so its bundle
 * must not carry the extractor: the browser compiles the worker's whole script every time it
 * starts the worker, which is most of the start-up a page opened after a pause waits behind.
 */
const bundle = (chrome: boolean) =>
  bundleModule('entrypoints/background/reading-copy.ts', {
    format: 'cjs',
    external: ['wxt/browser'],
    // Unminified, so the markers below keep their names.
    minify: false,
    // What `wxt build` defines (the tests themselves run with PROD false).
    define: { 'import.meta.env.CHROME': String(chrome), 'import.meta.env.PROD': 'true' },
  });

/** Strings only the in-place reader and learner bring (Readability, chrono, the extractor). */
const IN_PLACE_ONLY = [
  'First argument to Readability constructor',
  'isProbablyReaderable',
  'chronoMentions',
];

describe("the background's reader in the built extension", () => {
  it("leaves the in-place reader and learner out of Chrome's worker", async () => {
    const code = await bundle(true);
    for (const marker of IN_PLACE_ONLY) expect(code).not.toContain(marker);
    // The offscreen path is there.
    expect(code).toContain('/offscreen.html');
  }, 60_000);

  it("keeps them where the background can run them (Firefox's background page)", async () => {
    const code = await bundle(false);
    for (const marker of IN_PLACE_ONLY) expect(code).toContain(marker);
  }, 60_000);
});

describe('the common-word table in the built extension', () => {
  it("is not in the background's code, which reads it from its file at the first compile", async () => {
    const code = await bundleModule('entrypoints/background/dictionary.ts', {
      format: 'cjs',
      external: ['wxt/browser', 'dexie'],
      minify: false,
    });
    expect(code).toContain('compileDictionary');
    // A word only the table spells; the file it is read from.
    expect(code).not.toContain('abandonment');
    expect(code).toMatch(/["'`]common-words\.json["'`]/);
  }, 60_000);
});
