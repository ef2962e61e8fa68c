import {
  atCodePointStart,
  casedCodeAt,
  casedText,
  foldPair,
  type Normalised,
  normalise,
  originalEnd,
} from './normalize';
import { onTokenBoundaries, type Tokens, tokenise, tokenShape } from './tokens';

/**
 * The multi-pattern matcher: every pattern (an alias, a key phrase) is normalised once into a key;
 * the text is normalised and tokenised once. At each token the matcher probes a map of first
 * tokens; only where some key starts with that token does it probe the map of keys, from the
 * longest span that key family allows down to one token. A token costs one probe in the common
 * case whatever the number of patterns, and at most the longest key's token count otherwise, so
 * the cost is linear in the text. Matches start and end on token boundaries (whole words); where matches overlap the
 * longest wins, then the leftmost. Scripts without spaces are tokenised per character
 * (lib/match/tokens.ts), which makes the same loop a character-level matcher there.
 */
export interface Pattern {
  text: string;
  /** What a match reports (an index into the caller's entities). */
  value: number;
  /**
   * Capitals required: the text must have a capital wherever the pattern has one (lower-case
   * letters of the pattern match either case, so "Trump" matches "TRUMP" but not "trump").
   */
  caseSensitive: boolean;
}

export interface MatchSpan {
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** Offsets in the normalised text. */
  nStart: number;
  nEnd: number;
  /** Distinct values of the patterns matched at this span (several: an ambiguous alias). */
  values: number[];
}

export class Matcher {
  /** key → the last pattern added with that key (a chain through `next`). */
  private readonly keys = new Map<string, number>();
  /** First token of some key → the most tokens of a key starting with it. */
  private readonly firsts = new Map<string, number>();
  private values: Int32Array;
  /** Next pattern with the same key, or -1. */
  private next: Int32Array;
  /** The cased key of a case-sensitive pattern, else null. */
  private readonly cased: (string | null)[] = [];
  private count = 0;
  /** The longest key in tokens, to bound work on adversarial text. */
  maxTokens = 0;

  constructor(patterns: Iterable<Pattern> = []) {
    this.values = new Int32Array(64);
    this.next = new Int32Array(64);
    for (const p of patterns) this.add(p);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a pattern. Returns false when it normalises to nothing or duplicates another. */
  add(pattern: Pattern): boolean {
    const [key, casedKey] = foldPair(pattern.text);
    return this.addKey(key, pattern.caseSensitive ? casedKey : null, pattern.value);
  }

  /**
   * Adds a pattern already normalised (`foldPair`): its folded key and, if its capitals are
   * required, its cased key. What a compiled dictionary stores, so building needs no folding.
   */
  addKey(key: string, cased: string | null, value: number): boolean {
    if (key.length === 0) return false;
    const existing = this.keys.get(key) ?? -1;
    for (let p = existing; p >= 0; p = this.next[p] ?? -1) {
      if (this.values[p] === value && this.cased[p] === cased) return false;
    }
    const shape = tokenShape(key);
    if (shape.count === 0) return false;
    if (this.count === this.values.length) {
      const v = new Int32Array(this.count * 2);
      v.set(this.values);
      this.values = v;
      const n = new Int32Array(this.count * 2);
      n.set(this.next);
      this.next = n;
    }
    const index = this.count++;
    this.values[index] = value;
    this.next[index] = existing;
    this.cased[index] = cased;
    this.keys.set(key, index);
    const first = shape.firstEnd === key.length ? key : key.slice(0, shape.firstEnd);
    const most = this.firsts.get(first) ?? 0;
    if (shape.count > most) this.firsts.set(first, shape.count);
    this.maxTokens = Math.max(this.maxTokens, shape.count);
    return true;
  }

  /** Finds every pattern in `text`. */
  match(text: string): MatchSpan[] {
    const norm = normalise(text);
    return this.matchNormalised(norm, tokenise(norm.folded));
  }

  /** Finds every pattern in text already normalised and tokenised (shared with other passes). */
  matchNormalised(norm: Normalised, tokens: Tokens): MatchSpan[] {
    const text = norm.folded;
    const { starts, ends, count } = tokens;
    const cands: { s: number; e: number; ti: number; tj: number; values: number[] }[] = [];
    for (let i = 0; i < count; i++) {
      const s = starts[i] ?? 0;
      const most = this.firsts.get(text.slice(s, ends[i]));
      if (most === undefined || !atCodePointStart(norm.map, s)) continue;
      // Shortest first, so candidates stay in (start, end) order.
      const last = Math.min(count, i + most) - 1;
      for (let j = i; j <= last; j++) {
        const e = ends[j] ?? 0;
        const first = this.keys.get(text.slice(s, e));
        if (first === undefined || !atCodePointStart(norm.map, e)) continue;
        const values = this.accepted(first, norm, s);
        if (values.length > 0) cands.push({ s, e, ti: i, tj: j, values });
      }
    }
    return resolveOverlaps(cands, count).map((c) => ({
      start: norm.map[c.s] ?? 0,
      end: originalEnd(norm, norm.map[c.s] ?? 0, c.e),
      nStart: c.s,
      nEnd: c.e,
      values: c.values,
    }));
  }

  /** Values of the patterns in a key's chain whose capitals the text has. */
  private accepted(first: number, norm: Normalised, at: number): number[] {
    const out: number[] = [];
    for (let p = first; p >= 0; p = this.next[p] ?? -1) {
      const cased = this.cased[p];
      if (cased && !capitalsMatch(cased, norm, at)) continue;
      const value = this.values[p] ?? 0;
      if (!out.includes(value)) out.push(value);
    }
    return out.sort((a, b) => a - b);
  }
}

/** Whether the text at `at` has a capital wherever `pattern` (cased, normalised) has one. */
export function capitalsMatch(pattern: string, norm: Normalised, at: number): boolean {
  for (let k = 0; k < pattern.length; k++) {
    const ch = pattern[k] ?? '';
    if (ch === ch.toLowerCase()) continue;
    if (casedCodeAt(norm, at + k) !== pattern.charCodeAt(k)) return false;
  }
  return true;
}

interface Candidate {
  s: number;
  e: number;
  ti: number;
  tj: number;
  values: number[];
}

/** Longest first, then leftmost; a candidate overlapping an accepted one is dropped. */
function resolveOverlaps(cands: Candidate[], tokenCount: number): Candidate[] {
  if (cands.length < 2) return cands;
  // Candidates come in start order; without overlaps they are all kept.
  let maxEnd = -1;
  let overlapping = false;
  for (const c of cands) {
    if (c.ti <= maxEnd) {
      overlapping = true;
      break;
    }
    maxEnd = Math.max(maxEnd, c.tj);
  }
  if (!overlapping) return cands;
  const order = [...cands].sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
  const taken = new Uint8Array(tokenCount);
  const kept: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let t = c.ti; t <= c.tj; t++) {
      if (taken[t]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.ti, c.tj + 1);
    kept.push(c);
  }
  return kept.sort((a, b) => a.s - b.s);
}

/**
 * The reference definition the matcher must agree with (used by the tests): every occurrence of
 * every pattern's key in the normalised text, on token boundaries, with its capitals, then the
 * same overlap rule. Quadratic; for tests only.
 */
export function naiveMatch(patterns: Pattern[], text: string): MatchSpan[] {
  const norm = normalise(text);
  const tokens = tokenise(norm.folded);
  const tokenAt = new Map<number, number>();
  const tokenEnding = new Map<number, number>();
  for (let t = 0; t < tokens.count; t++) {
    tokenAt.set(tokens.starts[t] ?? 0, t);
    tokenEnding.set(tokens.ends[t] ?? 0, t);
  }
  const bySpan = new Map<string, Candidate>();
  for (const pattern of patterns) {
    const p = normalise(pattern.text);
    let end = p.folded.length;
    while (end > 0 && p.folded.charCodeAt(end - 1) === 32) end--;
    if (end === 0 || tokenise(p.folded.slice(0, end)).count === 0) continue;
    const key = p.folded.slice(0, end);
    const cased = casedText(p).slice(0, end);
    for (let at = norm.folded.indexOf(key); at >= 0; at = norm.folded.indexOf(key, at + 1)) {
      const e = at + key.length;
      if (!onTokenBoundaries(norm.folded, at, e)) continue;
      if (!atCodePointStart(norm.map, at) || !atCodePointStart(norm.map, e)) continue;
      if (pattern.caseSensitive && !capitalsMatch(cased, norm, at)) continue;
      const ti = tokenAt.get(at);
      const tj = tokenEnding.get(e);
      if (ti === undefined || tj === undefined) continue;
      const id = `${at}:${e}`;
      const c = bySpan.get(id) ?? { s: at, e, ti, tj, values: [] };
      if (!c.values.includes(pattern.value)) c.values.push(pattern.value);
      bySpan.set(id, c);
    }
  }
  const cands = [...bySpan.values()].sort((a, b) => a.s - b.s || a.e - b.e);
  for (const c of cands) c.values.sort((a, b) => a - b);
  return resolveOverlaps(cands, tokens.count).map((c) => ({
    start: norm.map[c.s] ?? 0,
    end: originalEnd(norm, norm.map[c.s] ?? 0, c.e),
    nStart: c.s,
    nEnd: c.e,
    values: c.values,
  }));
}
