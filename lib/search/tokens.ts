import { foldKey } from '../match/fold';

/**
 * Words that match almost every row, so an index entry for them would only cost space and a
 * query on them would return everything. English and Spanish, because the reference story
 * mixes both ("de Cossío", "Patria o muerte").
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in is it its of on or ' +
    'our she so than that the their them they this to was we were which who will with would ' +
    'de del el en la las lo los o que un una y'
  ).split(' '),
);

/** Whether a folded word is one of the stop words ("the", "of", "de"…). */
export const isStopWord = (word: string) => STOP_WORDS.has(word);

/** Most distinct tokens kept per row: enough for a 5,000-character statement's vocabulary. */
export const MAX_TOKENS_PER_ROW = 400;

const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * The folded words of a text, for the search index: case, accents and punctuation removed
 * ("Díaz-Canel" → ["diaz", "canel"]), stop words and one-letter words dropped, each word once.
 */
export function searchTokens(...texts: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of foldKey(text).split(SPLIT)) {
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      out.add(word);
      if (out.size >= MAX_TOKENS_PER_ROW) return [...out];
    }
  }
  return [...out];
}

/**
 * The words of a query. Unlike the index, a query keeps a stop word when it has nothing else
 * ("The"), so the caller can say there is nothing specific to look for rather than show nothing.
 */
export function queryTokens(query: string): { tokens: string[]; onlyStopWords: boolean } {
  const words = [...new Set(foldKey(query).split(SPLIT))].filter((w) => w.length > 0);
  const tokens = words.filter((w) => w.length >= 2 && !STOP_WORDS.has(w)).slice(0, 8);
  return { tokens, onlyStopWords: tokens.length === 0 && words.length > 0 };
}

export interface QueryTerm {
  text: string;
  /** Matches words that start with `text` (the word being typed), else only the whole word. */
  prefix: boolean;
}

/** Shortest last word matched as a prefix: "ma" would match a large part of any vocabulary. */
export const MIN_PREFIX = 3;

/**
 * The terms to look up: every word as a whole word, except the last, which is still being typed
 * and matches as a prefix once it has MIN_PREFIX letters ("diaz can" finds "Díaz-Canel").
 */
export function queryTerms(query: string): { terms: QueryTerm[]; onlyStopWords: boolean } {
  const { tokens, onlyStopWords } = queryTokens(query);
  const endsWithSpace = /\s$/.test(query);
  const terms = tokens.map((text, i) => ({
    text,
    prefix: i === tokens.length - 1 && !endsWithSpace && text.length >= MIN_PREFIX,
  }));
  return { terms, onlyStopWords };
}
