import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BundleOptions {
  /** `iife` (a script to evaluate) or `cjs` (a module whose imports a caller supplies). */
  format: 'iife' | 'cjs';
  /** Imports left out of the bundle, for the caller to supply (`cjs` only). */
  external?: string[];
  minify?: boolean;
  /** Compile-time constants, as the extension's build defines them (`import.meta.env.CHROME`). */
  define?: Record<string, string>;
}

/**
 * Bundles a module of the project, and what it imports, into one chunk with Vite and Rollup, as
 * the extension is built (the same resolution and tree-shaking).
 */
export async function bundleModule(entry: string, options: BundleOptions): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    define: options.define ?? {},
    build: {
      write: false,
      minify: options.minify ?? true,
      lib: {
        entry: resolve(ROOT, entry),
        formats: [options.format],
        name: 'BackstoryInPage',
        fileName: () => `bundle.${options.format}.js`,
      },
      // One chunk, dynamic imports included, as the extension's background script is built.
      rollupOptions: { external: options.external ?? [], output: { inlineDynamicImports: true } },
    },
  });
  const output = Array.isArray(out) ? out[0] : out;
  if (!output || !('output' in output)) throw new Error('vite did not return a bundle');
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error(`no chunk in the bundle of ${entry}`);
  return chunk.code;
}

/**
 * Bundles a module of the project (and what it imports: Dexie, the database, queries) into one
 * script to evaluate inside an extension page, so a test or benchmark can use the extension's own
 * IndexedDB exactly as the panel does. Evaluate it with page.evaluate(code): extension pages'
 * CSP refuses injected script elements, evaluation through DevTools is not subject to it.
 */
export function bundleForPage(entry: string): Promise<string> {
  return bundleModule(entry, { format: 'iife' });
}
