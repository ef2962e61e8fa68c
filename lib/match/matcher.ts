import { fnv1a } from './hash';
import {
  atCodePointStart,
  casedCodeAt,
  casedText,
  foldPair,
  type Normalised,
  normalise,
  originalEnd,
} from './normalize';
import { onTokenBoundaries, type Tokens, tokenHashes, tokenise, tokenShape } from './tokens';

/**
 * The multi-pattern matcher: every pattern (an alias, a key phrase) is normalised once into a key;
 * the text is normalised and tokenised once. At each token the matcher probes a table of first
 * tokens; only where some key starts with that token does it probe the table of keys, from the
 * longest span that key family allows down to one token. A token costs one probe in the common
 * case whatever the number of patterns, and at most the longest key's token count otherwise, so
 * the cost is linear in the text. Matches start and end on token boundaries (whole words); where
 * matches overlap the longest wins, then the leftmost. Scripts without spaces are tokenised per character
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

/** Token counts are kept in 16 bits; a longer key (a pasted paragraph, not a name) is refused. */
const MAX_KEY_TOKENS = 0xffff;

/** A table slot for a hash: its high bits folded into the low ones the mask keeps. */
const slotOf = (hash: number, mask: number) => (hash ^ (hash >>> 16)) & mask;

export class Matcher {
  /*
   * Keys live in typed arrays and one open-addressing table (linear probing) instead of Maps of
   * strings: building 100,000 keys costs a hash per key and no string copies, and a probe on a
   * page's text hashes the span in place instead of slicing it out.
   */
  /** Per key: its text, its hash, and the last pattern added with it (a chain through `next`). */
  private keyText: string[] = [];
  private keyHash = new Int32Array(16);
  private keyHead = new Int32Array(16);
  /** Per key: the hash of its first token and its token count (to rebuild `firsts`). */
  private keyFirstHash = new Int32Array(16);
  private keyTokens = new Uint16Array(16);
  private keyCount = 0;
  /** Open-addressing table: key index + 1, or 0 for an empty slot. */
  private slots = new Int32Array(32);
  /**
   * First-token hash → the most tokens of a key starting with such a token, or 0. Lossy by
   * design (tokens that share a slot share the most): a false hit only costs a probe of `slots`,
   * which compares the text itself.
   */
  private firsts = new Uint16Array(64);
  private values = new Int32Array(16);
  /** Next pattern with the same key, or -1. */
  private next = new Int32Array(16);
  /** The cased key of a case-sensitive pattern, else null. */
  private readonly cased: (string | null)[] = [];
  private count = 0;
  /** The longest key in tokens, to bound work on adversarial text. */
  maxTokens = 0;

  /** `expectedKeys` sizes the tables up front (the dictionary knows its key count). */
  constructor(patterns: Iterable<Pattern> = [], expectedKeys = 0) {
    if (expectedKeys > 8) this.resizeKeys(expectedKeys);
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
    // One pass over the key: its first token's hash, then the whole key's, grown from it.
    const shape = tokenShape(key);
    const firstHash = fnv1a(key, 0, shape.firstEnd);
    const hash = fnv1a(key, shape.firstEnd, key.length, firstHash);
    let k = this.findKey(hash, key, 0, key.length);
    for (let p = k < 0 ? -1 : (this.keyHead[k] ?? -1); p >= 0; p = this.next[p] ?? -1) {
      if (this.values[p] === value && this.cased[p] === cased) return false;
    }
    if (k < 0) {
      if (shape.count === 0 || shape.count > MAX_KEY_TOKENS) return false;
      k = this.insertKey(key, hash, firstHash, shape.count);
    }
    if (this.count === this.values.length) {
      this.values = grown(this.values, this.count * 2);
      this.next = grown(this.next, this.count * 2);
    }
    const index = this.count++;
    this.values[index] = value;
    this.next[index] = this.keyHead[k] ?? -1;
    this.cased[index] = cased;
    this.keyHead[k] = index;
    return true;
  }

  /** The key with this hash and the text [s, e) of `text`, or -1. */
  private findKey(hash: number, text: string, s: number, e: number): number {
    const { slots, keyHash, keyText } = this;
    const mask = slots.length - 1;
    for (let at = slotOf(hash, mask); ; at = (at + 1) & mask) {
      const k = (slots[at] ?? 0) - 1;
      if (k < 0) return -1;
      if (keyHash[k] !== hash) continue;
      const key = keyText[k] ?? '';
      if (key.length === e - s && text.startsWith(key, s)) return k;
    }
  }

  private insertKey(key: string, hash: number, firstHash: number, tokens: number): number {
    if ((this.keyCount + 1) * 2 > this.slots.length || this.keyCount === this.keyHash.length) {
      this.resizeKeys((this.keyCount + 1) * 2);
    }
    const k = this.keyCount++;
    this.keyText[k] = key;
    this.keyHash[k] = hash;
    this.keyHead[k] = -1;
    this.keyFirstHash[k] = firstHash;
    this.keyTokens[k] = tokens;
    this.place(k);
    return k;
  }

  /** Puts key `k` in the slot table and raises its first token's most. */
  private place(k: number): void {
    const { slots, firsts } = this;
    const mask = slots.length - 1;
    let at = slotOf(this.keyHash[k] ?? 0, mask);
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = k + 1;
    const tokens = this.keyTokens[k] ?? 0;
    const f = slotOf(this.keyFirstHash[k] ?? 0, firsts.length - 1);
    if (tokens > (firsts[f] ?? 0)) firsts[f] = tokens;
    if (tokens > this.maxTokens) this.maxTokens = tokens;
  }

  /** Room for `keys` keys: the per-key arrays grow, and the tables are rebuilt at twice/four times. */
  private resizeKeys(keys: number): void {
    let size = 32;
    while (size < keys * 2) size *= 2;
    if (keys > this.keyHash.length) {
      this.keyHash = grown(this.keyHash, keys);
      this.keyHead = grown(this.keyHead, keys);
      this.keyFirstHash = grown(this.keyFirstHash, keys);
      const t = new Uint16Array(keys);
      t.set(this.keyTokens);
      this.keyTokens = t;
    }
    if (size <= this.slots.length) return;
    this.slots = new Int32Array(size);
    this.firsts = new Uint16Array(size * 2);
    for (let k = 0; k < this.keyCount; k++) this.place(k);
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
    const { firsts } = this;
    const fmask = firsts.length - 1;
    const hashes = tokenHashes(text, tokens);
    const cands: { s: number; e: number; ti: number; tj: number; values: number[] }[] = [];
    for (let i = 0; i < count; i++) {
      const s = starts[i] ?? 0;
      let at = ends[i] ?? 0;
      let hash = hashes[i] ?? 0;
      const most = firsts[slotOf(hash, fmask)] ?? 0;
      if (most === 0 || !atCodePointStart(norm.map, s)) continue;
      // Shortest first, so candidates stay in (start, end) order; the span's hash grows with it.
      const last = Math.min(count, i + most) - 1;
      for (let j = i; j <= last; j++) {
        const e = ends[j] ?? 0;
        hash = fnv1a(text, at, e, hash);
        at = e;
        const k = this.findKey(hash, text, s, e);
        if (k < 0 || !atCodePointStart(norm.map, e)) continue;
        const values = this.accepted(this.keyHead[k] ?? -1, norm, s);
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

function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(length);
  out.set(a);
  return out;
}
