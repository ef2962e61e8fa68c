import { speechLemma } from './lexicon';
import type { Quote } from './quotes';
import { isAbbreviation, MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './tokens';

/**
 * Sentence splitting for news text. A period ends a sentence unless it closes an abbreviation
 * ("Gen.", "Feb. 3", "St."), an initial ("John F. Kennedy") or an initialism followed by a word
 * that does not start a sentence ("the U.S. government"). Nothing inside a quotation ends the
 * sentence that carries it, so "“A. B?” he said." stays one sentence with its attribution.
 */
export interface Sentence {
  start: number;
  /** End offset, final punctuation included. */
  end: number;
  paragraph: number;
}

/** Words that, capitalised after "U.S." or "a.m.", begin a new sentence. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'but',
  'and',
  'in',
  'on',
  'at',
  'as',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'its',
  'their',
  'our',
  'after',
  'before',
  'when',
  'while',
  'since',
  'if',
  'although',
  'however',
  'meanwhile',
  'still',
  'yet',
  'so',
  'then',
  'now',
  'by',
  'for',
  'with',
  'according',
]);

function wordBefore(text: string, at: number, from: number): string {
  let i = at;
  while (i > from && /[\p{L}\p{M}\p{N}.'’-]/u.test(text[i - 1] as string)) i--;
  return text.slice(i, at);
}

function wordAfter(text: string, at: number, to: number): string {
  let i = at;
  while (i < to && /[\s"“‘'([«]/.test(text[i] as string)) i++;
  let j = i;
  while (j < to && /[\p{L}\p{M}\p{N}]/u.test(text[j] as string)) j++;
  return text.slice(i, j);
}

/** Whether the period at `at` (text[at] === '.') ends an abbreviation rather than a sentence. */
function abbreviationPeriod(text: string, at: number, from: number, to: number): boolean {
  const before = wordBefore(text, at, from);
  const next = wordAfter(text, at + 1, to);
  const startsSentence =
    next === '' || SENTENCE_STARTERS.has(next.toLowerCase()) || /^["“‘']/.test(next);
  const bare = before.toLowerCase().replace(/\.$/, '');
  if (TITLE_ABBREVIATIONS.has(bare)) return true;
  // "Feb. 3", "Jan. 12, 2026": a month abbreviation before a number.
  if (MONTH_ABBREVIATIONS.has(bare)) return /^\d/.test(next) || !startsSentence;
  // A single capital initial ("John F. Kennedy"), unless a sentence clearly starts after it.
  if (/^\p{Lu}$/u.test(before)) return !startsSentence;
  // Initialisms ("U.S.", "U.N.", "a.m.") end a sentence only before a sentence starter.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return !startsSentence || next === '';
  if (isAbbreviation(before)) return !startsSentence;
  return false;
}

/**
 * Splits the paragraphs `[start, end)` of `text` into sentences. Quotes (from findQuotes) keep
 * their content in one sentence.
 */
export function splitSentences(
  text: string,
  paragraphs: readonly [number, number][],
  quotes: readonly Quote[] = [],
): Sentence[] {
  const top = quotes.filter((q) => q.depth === 0);
  /** The quote `i` is inside, unless `i` is the quote's own final punctuation. */
  const inside = (i: number) => top.find((q) => i > q.open && i < q.close - 1);
  /** After a quote, "he said" or "Trump told reporters" keeps the quote in its sentence. */
  const attributionFollows = (from: number, to: number) => {
    const rest = text.slice(from, to).match(/^[^.!?…,;:“”"]*/)?.[0] ?? '';
    const words = rest.split(/\s+/).filter(Boolean).slice(0, 7);
    return words.some(
      (w, k) => speechLemma(w.replace(/[^\p{L}]/gu, ''), words[k + 1]) !== undefined,
    );
  };
  const out: Sentence[] = [];
  paragraphs.forEach(([from, to], paragraph) => {
    let start = from;
    while (start < to && /\s/.test(text[start] as string)) start++;
    for (let i = start; i < to; i++) {
      const c = text[i] as string;
      if (!/[.!?…]/.test(c)) continue;
      const q = inside(i);
      if (q && !/^[.!?…"”’'»\s]*$/.test(text.slice(i + 1, q.close))) continue;
      if (c === '.' && abbreviationPeriod(text, i, from, to)) continue;
      // Take closing quotes and brackets that follow the mark.
      let end = i + 1;
      while (end < to && /[.!?…"”’'»)\]]/.test(text[end] as string)) end++;
      // A sentence ends only before white space and an upper-case start (or the paragraph end).
      let next = end;
      while (next < to && /\s/.test(text[next] as string)) next++;
      if (next < to) {
        if (next === end) continue;
        const n = text[next] as string;
        if (!/[\p{Lu}\p{N}"“‘'«([—–-]/u.test(n)) continue;
        // "“… the long run?” De Cossio told Reuters.": the attribution belongs to the quote.
        if (q && attributionFollows(next, to)) continue;
      }
      out.push({ start, end, paragraph });
      start = next;
      i = next - 1;
    }
    let end = to;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) out.push({ start, end, paragraph });
  });
  return out;
}
