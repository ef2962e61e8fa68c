import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles a module of the project (and what it imports: Dexie, the database, queries) into one
 * script to evaluate inside an extension page, so a test or benchmark can use the extension's own
 * IndexedDB exactly as the panel does. Evaluate it with page.evaluate(code): extension pages'
 * CSP refuses injected script elements, evaluation through DevTools is not subject to it.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, entry),
        formats: ['iife'],
        name: 'BackstoryInPage',
        fileName: () => 'in-page.js',
      },
    },
  });
  const output = Array.isArray(out) ? out[0] : out;
  if (!output || !('output' in output)) throw new Error('vite did not return a bundle');
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error(`no chunk in the bundle of ${entry}`);
  return chunk.code;
}
