import { foldKey } from '../match/fold';
import type { PartialDate } from '../model/partial-date';

/**
 * Deduplication across sources: the same quote read in two outlets is one statement with two
 * citations; near-identical reported versions are grouped; the same event told twice is one
 * event read in two sources.
 */

/** Words folded for comparison: case, accents, quote marks and punctuation set aside. */
export function comparableWords(text: string): string {
  return foldKey(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'and',
  'or',
  'that',
  'with',
  'for',
  'is',
  'are',
  'was',
  'were',
  'be',
  'it',
  'its',
  'by',
  'at',
  'as',
  'from',
]);

/** Reported speech shifts tenses ("will" → "would"): compare the words before the shift. */
const BACKSHIFT: Record<string, string> = {
  would: 'will',
  could: 'can',
  was: 'is',
  were: 'are',
  had: 'has',
  have: 'has',
  might: 'may',
  should: 'shall',
};

function contentWords(text: string): Set<string> {
  return new Set(
    comparableWords(text)
      .split(' ')
      .map((w) => BACKSHIFT[w] ?? w)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Whether two statements by the same speaker are the same words: equal once folded, one quote
 * inside the other (a shorter excerpt of the same quote), or near-identical wording (reported
 * versions that differ by a word or two).
 */
export function sameStatement(
  a: { words: string; kind: 'quote' | 'reported' },
  b: { words: string; kind: 'quote' | 'reported' },
): boolean {
  const fa = comparableWords(a.words);
  const fb = comparableWords(b.words);
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  if (
    a.kind === 'quote' &&
    b.kind === 'quote' &&
    short.split(' ').length >= 4 &&
    long.includes(short)
  )
    return true;
  return jaccard(contentWords(a.words), contentWords(b.words)) >= 0.75;
}

/**
 * Whether two dated events are the same happening: the same date (or one inside the other's
 * period) and enough of the same words, or shared actors and some shared words.
 */
export function sameEvent(
  a: { date: PartialDate; text: string; actorIds: readonly string[] },
  b: { date: PartialDate; text: string; actorIds: readonly string[] },
): boolean {
  if (a.date !== b.date) return false;
  const wa = stemsOf(a.text);
  const wb = stemsOf(b.text);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const actors = a.actorIds.filter((id) => b.actorIds.includes(id)).length;
  return shared >= 4 || (actors >= 2 && shared >= 2) || (actors >= 1 && shared >= 3);
}

function stemsOf(text: string): Set<string> {
  return new Set([...contentWords(text)].filter((w) => w.length > 2).map((w) => w.slice(0, 6)));
}
