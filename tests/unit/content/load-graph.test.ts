import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the content script loads, walked from its entry through the project's imports:
 * - it runs in the page's origin and must never open the extension's database: nothing it
 *   imports, directly or through lib/, may reach lib/db or Dexie. (Dexie in the bundle also
 *   carries a U+FFFF key sentinel, which makes Chromium refuse the whole content script as
 *   "not UTF-8".)
 * - it is loaded into every page, and every zod schema of the modules it loads is built then, on
 *   the page's main thread: it reaches the protocol through lib/messaging/content-client.ts and
 *   content-protocol.ts only. The messaging or model index, or the full protocol, would build
 *   every schema of packs, settings and subscriptions on each page load (10 ms of the paused
 *   page's 55 ms in a same-run comparison).
 * - the schemas it loads are written with zod/mini, never classic zod: classic zod's first
 *   schemas on a page cost about three times as much to build (the paused page's JavaScript went
 *   from 70 to 46 ms when the content script's schemas moved to zod/mini, same-run A/B).
 * - it does not carry Readability (a third of its size when it did): the page only tells an
 *   article from other pages (the reader-view test alone); the background reads the copy.
 */
const ROOT = resolve('.');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (readdirSync(dirname(candidate)).includes(candidate.split('/').pop() as string))
        if (!candidate.endsWith('/') && /\.(ts|tsx)$/.test(candidate)) return candidate;
    } catch {
      // not there: try the next form
    }
  }
  return null;
}

function imports(file: string): string[] {
  // Type-only imports are erased from the bundle.
  const source = readFileSync(file, 'utf8').replace(/^\s*(import|export) type [^;]*;/gm, '');
  return [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
    .map((m) => m[1] as string)
    .concat([...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string));
}

function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of imports(file)) {
      if (spec.startsWith('@/') || spec.startsWith('.')) {
        const target = resolveImport(file, spec);
        if (target) todo.push(target);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

describe('the content script', () => {
  const { files, packages } = reach(join(ROOT, 'entrypoints/content/index.ts'));

  it('reaches its notes features (the graph walk works)', () => {
    expect([...files].some((f) => f.includes('entrypoints/content/notes/index.ts'))).toBe(true);
    expect([...files].some((f) => f.includes('lib/anchor/anchor.ts'))).toBe(true);
  });

  it('never imports the database', () => {
    expect([...files].filter((f) => f.includes('/lib/db/'))).toEqual([]);
    expect([...packages].filter((p) => p === 'dexie' || p.startsWith('dexie/'))).toEqual([]);
  });

  it('reaches the protocol through its own modules, not the whole protocol or the indexes', () => {
    const loaded = [...files].map((f) => f.slice(ROOT.length + 1));
    expect(loaded).toContain('lib/messaging/content-client.ts');
    const forbidden = [
      'lib/messaging/index.ts',
      'lib/messaging/protocol.ts',
      'lib/messaging/client.ts',
      'lib/messaging/router.ts',
      'lib/messaging/packs.ts',
      'lib/model/index.ts',
      'lib/model/actor.ts',
      'lib/model/pack.ts',
      'lib/model/pack-state.ts',
      'lib/settings/settings.ts',
    ];
    expect(loaded.filter((f) => forbidden.includes(f))).toEqual([]);
  });

  it('carries the reader-view test, not Readability itself (the background reads copies)', () => {
    const loaded = [...files].map((f) => f.slice(ROOT.length + 1));
    expect(loaded).not.toContain('lib/extract/article.ts');
    expect([...packages].filter((p) => p.startsWith('@mozilla/readability'))).toEqual([
      '@mozilla/readability/Readability-readerable.js',
    ]);
  });

  it('builds its schemas with zod/mini only (classic zod costs every page more to start)', () => {
    expect([...packages].filter((p) => p.startsWith('zod'))).toEqual(['zod/mini']);
  });
});
