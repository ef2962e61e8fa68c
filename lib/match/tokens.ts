/**
 * Token classes of normalised text. A word is a maximal run of letters and digits of a script
 * written with spaces; every other visible character is a token of its own. Scripts written
 * without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one token per character, so the same
 * matcher works character by character there (the character-level fallback).
 */
import { fnv1a } from './hash';

export const SPACE = 0;
export const WORD = 1;
export const PUNCT = 2;
export const UNSPACED = 3;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letterOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  ASCII_CLASS[c] = c === 32 ? SPACE : letterOrDigit ? WORD : PUNCT;
}

const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const classCache = new Map<number, number>();

/** The class of the code point at `i` of a normalised string. */
export function charClass(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 128) return ASCII_CLASS[unit] ?? PUNCT;
  const cp = text.codePointAt(i) ?? unit;
  let cls = classCache.get(cp);
  if (cls === undefined) {
    const ch = String.fromCodePoint(cp);
    cls = /\s/.test(ch)
      ? SPACE
      : UNSPACED_SCRIPT.test(ch)
        ? UNSPACED
        : LETTER_OR_NUMBER.test(ch)
          ? WORD
          : PUNCT;
    classCache.set(cp, cls);
  }
  return cls;
}

/** A run of ASCII letters and digits (the ASCII part of a word). */
const ASCII_WORD = /[A-Za-z0-9]+/y;

/** Low surrogates continue the code point before them. */
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export interface Tokens {
  /** Start and end offsets (normalised text) of each token. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Each token's hash (`tokenHashes`), once a pass has asked for them. */
  hashes?: Int32Array;
}

/**
 * FNV-1a of each token's text (`text` is what was tokenised), computed once and kept on `tokens`:
 * the passes over one block (actors, claim phrases, statements' words) share them.
 */
export function tokenHashes(text: string, tokens: Tokens): Int32Array {
  if (tokens.hashes) return tokens.hashes;
  const { starts, ends, count } = tokens;
  const hashes = new Int32Array(count);
  for (let t = 0; t < count; t++) hashes[t] = fnv1a(text, starts[t] ?? 0, ends[t] ?? 0);
  tokens.hashes = hashes;
  return hashes;
}

/** Where the word continuing at `i` ends: past every following letter or digit. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const u = text.charCodeAt(i);
    if (u < 128) {
      if (ASCII_CLASS[u] !== WORD) break;
      i++;
    } else {
      if (charClass(text, i) !== WORD) break;
      i += i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    }
  }
  return i;
}

/** Splits normalised text into tokens. Linear. */
export function tokenise(text: string): Tokens {
  const n = text.length;
  let starts = new Int32Array(Math.max(16, (n >> 2) + 8));
  let ends = new Int32Array(starts.length);
  let count = 0;
  let i = 0;
  while (i < n) {
    if (count === starts.length) {
      const s2 = new Int32Array(starts.length * 2);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(ends.length * 2);
      e2.set(ends);
      ends = e2;
    }
    const unit = text.charCodeAt(i);
    const cls = unit < 128 ? (ASCII_CLASS[unit] as number) : charClass(text, i);
    if (cls === SPACE) {
      i++;
      continue;
    }
    const start = i;
    if (cls === WORD && unit < 128) {
      // Most words are plain ASCII: skip them with one native regex step.
      ASCII_WORD.lastIndex = i;
      ASCII_WORD.test(text);
      i = ASCII_WORD.lastIndex;
    } else {
      i += i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    }
    if (cls === WORD) i = wordEnd(text, i);
    starts[count] = start;
    ends[count++] = i;
  }
  return { starts, ends, count };
}

/** Whether [s, e) of normalised text starts and ends on token boundaries (no word is cut). */
export function onTokenBoundaries(text: string, s: number, e: number): boolean {
  if (s > 0 && isLowSurrogate(text.charCodeAt(s))) return false;
  if (e < text.length && isLowSurrogate(text.charCodeAt(e))) return false;
  if (s > 0 && charClass(text, s) === WORD && charClass(text, prevStart(text, s)) === WORD)
    return false;
  if (
    e < text.length &&
    charClass(text, e) === WORD &&
    charClass(text, prevStart(text, e)) === WORD
  )
    return false;
  return true;
}

function prevStart(text: string, i: number): number {
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) ? i - 2 : i - 1;
}

/** The number of tokens of a normalised string and the end of its first token. */
export function tokenShape(text: string): { count: number; firstEnd: number } {
  let count = 0;
  let firstEnd = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    const cls = unit < 128 ? (ASCII_CLASS[unit] as number) : charClass(text, i);
    i += i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    if (cls === SPACE) continue;
    if (cls === WORD) i = wordEnd(text, i);
    if (count++ === 0) firstEnd = i;
  }
  return { count, firstEnd };
}
