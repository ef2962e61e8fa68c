import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { aliasMode, commonWordList, hasCommonWords, useCommonWords } from '@/lib/match/alias-rule';
import { loadCommonWords } from '@/lib/match/common-words';
import table from '@/lib/match/common-words.generated.json';
import { commonWordsJson, GENERATED, LIST_FILES, readLists } from '@/scripts/lib/common-words';

describe('the common-word table (lib/match/common-words.generated.json)', () => {
  it('is current: `npm run words` would write the same file from the installed lists', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(commonWordsJson(readLists()));
  });

  it('holds exactly the words of the shipped lists, each once', () => {
    const require = createRequire(import.meta.url);
    const listed = new Set<string>();
    for (const file of LIST_FILES)
      for (const word of JSON.parse(readFileSync(require.resolve(file), 'utf8')) as string[])
        listed.add(word);
    const table = commonWordList();
    expect(table.length).toBe(listed.size);
    expect(new Set(table)).toEqual(listed);
    expect(listed.size).toBeGreaterThan(39_000);
  });

  it('refuses a malformed table with a clear message, keeping the one it has', () => {
    for (const bad of [null, {}, ['', 'a'], ['x', 'am', 'abc'], ['', 'am', 'abc'], ['', 7, 'ab']])
      expect(() => useCommonWords(bad)).toThrow(/common-word table is malformed/);
    expect(aliasMode('White House')).toBe('capitals');
  });
});

describe('loading the table in the extension (lib/match/common-words.ts)', () => {
  it('reads the file once, from the URL the build gives it, and only while none is loaded', async () => {
    expect(hasCommonWords()).toBe(true);
    const urls: string[] = [];
    await loadCommonWords(async (url) => {
      urls.push(url);
      return table;
    });
    // The unit tests' setup has installed it: nothing is read.
    expect(urls).toEqual([]);
  });

  it('says what failed when the file cannot be read or is not the table', async () => {
    const { loadCommonWords: fresh, hasCommonWords: loaded } = await freshModules();
    expect(loaded()).toBe(false);
    await expect(
      fresh(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow(/Could not read the common-word table .*Failed to fetch/);
    await expect(fresh(async () => ({ words: [] }))).rejects.toThrow(/malformed/);
    expect(loaded()).toBe(false);
    const urls: string[] = [];
    await fresh(async (url) => {
      urls.push(url);
      return table;
    });
    expect(urls).toHaveLength(1);
    expect(urls).toEqual(['/common-words.json']);
    expect(loaded()).toBe(true);
  });
});

/** The two modules as a worker starting afresh has them: no table installed. */
async function freshModules() {
  const { vi } = await import('vitest');
  vi.resetModules();
  const rule = await import('@/lib/match/alias-rule');
  const loader = await import('@/lib/match/common-words');
  return { loadCommonWords: loader.loadCommonWords, hasCommonWords: rule.hasCommonWords };
}
