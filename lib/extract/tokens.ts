/**
 * Word tokens with offsets into the article text. Abbreviations that carry a period ("U.S.",
 * "Feb.", "Gen.") are one token, so the period is not mistaken for the end of a sentence.
 */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

/** Abbreviations written with a final period that do not end a sentence by themselves. */
export const TITLE_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'sen',
  'rep',
  'gov',
  'pres',
  'prof',
  'rev',
  'hon',
  'st',
  'sr',
  'jr',
  'supt',
  'amb',
  'msgr',
]);

export const MONTH_ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const OTHER_ABBREVIATIONS = new Set([
  'no',
  'nos',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'ave',
  'blvd',
  'mt',
  'ft',
  'approx',
  'est',
  'dept',
  'univ',
  'assn',
  'gov',
  'fig',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return TITLE_ABBREVIATIONS.has(w) || MONTH_ABBREVIATIONS.has(w) || OTHER_ABBREVIATIONS.has(w);
}

/**
 * Initialisms ("U.S.", "U.N.", "a.m."), single initials ("F."), words, numbers (with their
 * separators: "35,000", "7.5"), and single punctuation marks.
 */
const TOKEN =
  /(?:\p{L}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*\.?|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    if (start + raw.length > to) raw = raw.slice(0, to - start);
    // A word that swallowed a period keeps it only when it is a known abbreviation.
    if (/^\p{L}[\p{L}\p{M}\p{N}'’\-‐]*\.$/u.test(raw) && !isAbbreviation(raw)) {
      raw = raw.slice(0, -1);
      TOKEN.lastIndex = start + raw.length;
    }
    const kind: Token['kind'] = /^\p{L}/u.test(raw) ? 'word' : /^\d/.test(raw) ? 'number' : 'punct';
    out.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + raw.length,
      kind,
    });
  }
  return out;
}

/** The word without a possessive ending: "Cuba’s" → "Cuba". */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/i, '').replace(/s['’]$/i, 's');
}

export const isPossessive = (word: string) => /['’]s$/i.test(word) || /s['’]$/i.test(word);

export const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);
