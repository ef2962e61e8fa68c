import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The content script runs in the page's origin and must never open the extension's database:
 * nothing it imports, directly or through lib/, may reach lib/db or Dexie. (Dexie in the bundle
 * also carries a U+FFFF key sentinel, which makes Chromium refuse the whole content script as
 * "not UTF-8".)
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
});
