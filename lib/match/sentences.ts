import { casedCodeAt, type Normalised } from './normalize';
import type { Tokens } from './tokens';

/**
 * Sentence boundaries in normalised text, as token ranges. A sentence ends at ".", "!", "?" or
 * "..." (with any closing quotes or brackets after it) when the next token starts with a capital,
 * a digit or an opening quote; a "." after a single letter ("U.S.", "J.") or a common
 * abbreviation ("Feb.", "Mr.", "Gov.") does not end one.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st sr jr gov gen sen rep lt col sgt capt adm rev prof pres jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec inc co corp ltd no vs etc approx dept est fig vol p pp'
  ).split(' '),
);
/** Closing quotes and brackets, and sentence ends, as the one UTF-16 unit of their token. */
const CLOSERS = new Set(['"', "'", ')', ']', '»'].map((c) => c.charCodeAt(0)));
const ENDERS = new Set(['.', '!', '?'].map((c) => c.charCodeAt(0)));

export interface Sentence {
  /** Token range [first, last]. */
  first: number;
  last: number;
}

export function sentences(norm: Normalised, tokens: Tokens): Sentence[] {
  const text = norm.folded;
  const out: Sentence[] = [];
  const tok = (t: number) => text.slice(tokens.starts[t] ?? 0, tokens.ends[t] ?? 0);
  /** Whether token t is one unit and in `units` (no slice per token: most are words). */
  const isOne = (t: number, units: Set<number>) => {
    const s = tokens.starts[t] ?? 0;
    return (tokens.ends[t] ?? 0) - s === 1 && units.has(text.charCodeAt(s));
  };
  let first = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (!isOne(t, ENDERS)) continue;
    let end = t;
    while (end + 1 < tokens.count && (isOne(end + 1, ENDERS) || isOne(end + 1, CLOSERS))) end++;
    const next = end + 1;
    if (next >= tokens.count) break;
    // The next sentence is separated by a space and starts like a sentence.
    if ((tokens.starts[next] ?? 0) === (tokens.ends[end] ?? 0)) continue;
    const startCode = casedCodeAt(norm, tokens.starts[next] ?? 0);
    const startChar = String.fromCharCode(startCode);
    const startsSentence =
      startChar !== startChar.toLowerCase() || /[0-9"'(«\u201C]/.test(startChar);
    if (!startsSentence) continue;
    if (tok(t) === '.' && t > 0 && (tokens.ends[t - 1] ?? 0) === (tokens.starts[t] ?? 0)) {
      const before = tok(t - 1);
      if (before.length === 1 || ABBREVIATIONS.has(before)) continue;
    }
    out.push({ first, last: end });
    first = next;
    t = end;
  }
  if (first < tokens.count) out.push({ first, last: tokens.count - 1 });
  return out;
}
