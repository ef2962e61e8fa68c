import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { commonWordList } from '@/lib/match/alias-rule';
import { commonWordsModule, GENERATED, LIST_FILES, readLists } from '@/scripts/lib/common-words';

describe('the common-word table (lib/match/common-words.generated.ts)', () => {
  it('is current: `npm run words` would write the same file from the installed lists', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(commonWordsModule(readLists()));
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
});
