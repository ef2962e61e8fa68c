import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { boundaryAtOrAfter, boundaryAtOrBefore } from './graphemes';

/** How much context a quote selector keeps on each side (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * Counts `n` visible characters away from `from` in direction `step`, where a run of whitespace
 * counts once: a page's HTML indentation should not eat the context.
 */
function walk(text: string, from: number, n: number, step: 1 | -1): number {
  let i = from;
  let counted = 0;
  while (counted < n && (step < 0 ? i > 0 : i < text.length)) {
    const ch = step < 0 ? text[i - 1] : text[i];
    i += step;
    if (isSpace(ch)) {
      while (isSpace(step < 0 ? text[i - 1] : text[i])) i += step;
    }
    counted += 1;
  }
  return i;
}

/**
 * The W3C selectors of a passage [start, end) of `text` (the page's text, or a reading copy's):
 * the exact words, up to 32 characters of context on each side, and the position. The passage is
 * widened to whole graphemes and trimmed of surrounding whitespace. Returns null for an empty or
 * blank passage.
 */
export function describeSelection(text: string, start: number, end: number): Selectors | null {
  let s = boundaryAtOrBefore(text, Math.max(0, Math.min(start, text.length)));
  let e = boundaryAtOrAfter(text, Math.max(s, Math.min(end, text.length)));
  while (s < e && isSpace(text[s])) s += 1;
  while (e > s && isSpace(text[e - 1])) e -= 1;
  if (s >= e) return null;
  const prefixStart = boundaryAtOrBefore(text, walk(text, s, CONTEXT_LENGTH, -1));
  const suffixEnd = boundaryAtOrAfter(text, walk(text, e, CONTEXT_LENGTH, 1));
  const exact = text.slice(s, e);
  if (exact.length > 10_000) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** A quote for display: whitespace collapsed, one line. */
export function displayQuote(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim();
}
