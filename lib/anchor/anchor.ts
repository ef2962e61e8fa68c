import approxSearch from 'approx-string-match';
import type { TextQuoteSelector } from '../model';
import { boundaryAtOrAfter, boundaryAtOrBefore } from './graphemes';
import { foldForMatch, type MatchView, matchView, viewIndex } from './normalize';

/**
 * Finding a note's passage again in a text (the live page, or its cached reading copy), as the
 * Hypothesis client does: the position first (cheap, and exact when the page has not changed),
 * then the exact quote (disambiguated by its prefix and suffix and by nearness to the old
 * position), then an approximate match that tolerates small edits. Approximate matching uses
 * approx-string-match (Myers' bit-parallel algorithm, O((k/w)·n); written by Hypothesis's
 * maintainer and used by their client for this very job), rather than a general diff library:
 * we need "where does this pattern occur with at most k edits", not a diff.
 */
export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: { start: number; end: number } | undefined;
}

export interface Anchor {
  start: number;
  end: number;
  /** How it was found. */
  method: 'position' | 'quote' | 'fuzzy';
  /** 0–1: how well the passage and its context match (1 = identical). */
  score: number;
}

/** Above this many occurrences of an exact quote, the rest are not scored (a very common phrase). */
const MAX_CANDIDATES = 1000;
/** Quotes shorter than this must match exactly: a few edits in "Cuba" is another word. */
const MIN_FUZZY_LENGTH = 12;
/** The share of a quote's characters that may differ in an approximate match. */
const MAX_ERROR_RATE = 0.2;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function exactMatches(text: string, pattern: string): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf(pattern); at !== -1 && out.length < MAX_CANDIDATES; ) {
    out.push({ start: at, end: at + pattern.length, errors: 0 });
    at = text.indexOf(pattern, at + 1);
  }
  return out;
}

/** 1 − (edits ÷ length) of the best match of `pattern` in `text`; 0 when there is none. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const [best] = approxSearch(text, pattern, pattern.length).sort((a, b) => a.errors - b.errors);
  return best ? Math.max(0, 1 - best.errors / pattern.length) : 0;
}

/** The weights Hypothesis settled on: the quote matters most, context next, position least. */
function contextScore(
  before: string,
  after: string,
  prefix: string,
  suffix: string,
  start: number,
  hint: number | undefined,
  length: number,
  quoteScore = 1,
): number {
  const prefixScore = prefix ? similarity(before.slice(-(prefix.length + 1)), prefix) : 1;
  const suffixScore = suffix ? similarity(after.slice(0, suffix.length + 1), suffix) : 1;
  const posScore = hint === undefined ? 1 : 1 - Math.abs(start - hint) / Math.max(1, length);
  return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
}

function score(
  view: MatchView,
  m: Candidate,
  pattern: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
): number {
  const before = view.text.slice(Math.max(0, m.start - prefix.length - 1), m.start);
  const after = view.text.slice(m.end, m.end + suffix.length + 1);
  return contextScore(
    before,
    after,
    prefix,
    suffix,
    m.start,
    hint,
    view.text.length,
    1 - m.errors / pattern.length,
  );
}

/** Maps a view range back to the original text, trimmed and widened to whole graphemes. */
function toOriginal(text: string, view: MatchView, m: Candidate) {
  let start = view.toOriginal[m.start] as number;
  let end = view.toOriginal[m.end] as number;
  while (start < end && /\s/.test(text[start] as string)) start += 1;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  return { start: boundaryAtOrBefore(text, start), end: boundaryAtOrAfter(text, end) };
}

/**
 * Finds the passage a selector describes in `text`, or null when it is not there (an orphan).
 * `getView` lets several notes anchored in one text share one folded view.
 */
export function anchorQuote(
  text: string,
  target: AnchorTarget,
  getView: () => MatchView = () => matchView(text),
): Anchor | null {
  const { quote, position } = target;
  const pattern = foldForMatch(quote.exact).trim();
  if (!pattern) return null;

  const atPosition =
    position && position.end <= text.length && position.start < position.end
      ? text.slice(position.start, position.end)
      : undefined;
  if (position && atPosition === quote.exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }

  const prefix = foldForMatch(quote.prefix ?? '').trimStart();
  const suffix = foldForMatch(quote.suffix ?? '').trimEnd();

  // The quote as written, still in the text (the page only moved): scored on small folded
  // windows around each occurrence, without folding the whole text.
  const raw = exactMatches(text, quote.exact);
  if (raw.length > 0) {
    let best: Candidate | undefined;
    let bestScore = -1;
    for (const m of raw) {
      const before = foldForMatch(
        text.slice(Math.max(0, m.start - 2 * prefix.length - 16), m.start),
      );
      const after = foldForMatch(text.slice(m.end, m.end + 2 * suffix.length + 16));
      const s = contextScore(before, after, prefix, suffix, m.start, position?.start, text.length);
      if (s > bestScore) {
        best = m;
        bestScore = s;
      }
    }
    if (best) return { start: best.start, end: best.end, method: 'quote', score: bestScore };
  }

  // The position holds the quote once folded (“ for ", a changed dash): trusted only now that
  // the quote as written is nowhere in the text, so a folded look-alike never wins over it.
  if (position && atPosition !== undefined && foldForMatch(atPosition).trim() === pattern) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }

  // Folding the whole text costs a pass over it: only now that the quote is not there as written.
  const view = getView();
  const hint = position ? viewIndex(view, position.start) : undefined;

  let method: Anchor['method'] = 'quote';
  let candidates = exactMatches(view.text, pattern);
  if (candidates.length === 0) {
    if (pattern.length < MIN_FUZZY_LENGTH) return null;
    method = 'fuzzy';
    const maxErrors = Math.min(256, Math.floor(pattern.length * MAX_ERROR_RATE));
    candidates = approxSearch(view.text, pattern, maxErrors).slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) return null;
  }

  let best: Candidate | undefined;
  let bestScore = -1;
  for (const m of candidates) {
    const s = score(view, m, pattern, prefix, suffix, hint);
    if (s > bestScore) {
      best = m;
      bestScore = s;
    }
  }
  if (!best) return null;
  const range = toOriginal(text, view, best);
  if (range.start >= range.end) return null;
  return { ...range, method, score: bestScore };
}

/** Anchors many notes in one text, folding the text at most once. */
export function anchorAll<T extends AnchorTarget>(
  text: string,
  targets: readonly T[],
): { target: T; anchor: Anchor | null }[] {
  let view: MatchView | undefined;
  const getView = () => {
    view ??= matchView(text);
    return view;
  };
  return targets.map((target) => ({ target, anchor: anchorQuote(text, target, getView) }));
}
