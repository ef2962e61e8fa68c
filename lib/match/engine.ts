import type { BlockMatches, MatchedEntities } from '../messaging/page-schemas';
import type { Dictionary } from '../messaging/schemas';
import { fnv1a } from './hash';
import { Matcher } from './matcher';
import { type Normalised, normalise, originalEnd } from './normalize';
import { sentences } from './sentences';
import { charClass, type Tokens, tokenHashes, tokenise, WORD } from './tokens';

/** Verbs that report speech: with a claim's actor and topic they make a sentence report it. */
const REPORTING = new Set(
  (
    'said says say told tells denied denies deny claimed claims stated states insisted insists ' +
    'added adds according wrote writes posted posts announced announces rejected rejects ' +
    'dismissed dismisses confirmed confirms acknowledged acknowledges called calls warned warns ' +
    'suggested suggests maintained maintains argued argues asserted asserts repeated repeats'
  ).split(' '),
);

/** Shingles: three consecutive words of a statement, to recognise its words on a page (`mixTriple`). */
const SHINGLE = 3;
/** Slots of the quick filter in front of the word-triple hashes. */
const SHINGLE_FILTER_MASK = 4095;
/** One hash for three words' hashes (order matters: "a b c" and "c b a" differ). */
const mixTriple = (a: number, b: number, c: number) =>
  Math.imul(Math.imul(a, 0x01000193) ^ b, 0x01000193) ^ c;
/** A "sentence" longer than this (a 5 MB text node, a list without stops) is not read for claims. */
const MAX_SENTENCE = 2000;

/**
 * The compiled dictionary, ready to match page text: actors by alias, and the sentences that
 * state, deny or report known claims. Built once per knowledge version in the background.
 */
export class PageEngine {
  readonly version: number;
  private readonly actors: Matcher;
  private readonly phrases: Matcher;
  private readonly topics: Matcher;
  private readonly actorClaims = new Map<number, number[]>();
  private readonly shingles = new Map<string, number[]>();
  /** The hashes of the word triples in `shingles` (`mixTriple`), and a one-byte-per-slot filter. */
  private readonly shingleHashes = new Set<number>();
  private readonly shingleFilter = new Uint8Array(SHINGLE_FILTER_MASK + 1);
  private readonly claimCount: number;

  /** What matches refer to (the aliases themselves are not kept once the matcher is built). */
  readonly dictionary: Pick<Dictionary, 'version' | 'actors' | 'claims'>;

  constructor(dictionary: Dictionary) {
    this.version = dictionary.version;
    this.dictionary = {
      version: dictionary.version,
      actors: dictionary.actors,
      claims: dictionary.claims,
    };
    const { keys, actors, cased } = dictionary.aliases;
    this.actors = new Matcher([], keys.length);
    for (let i = 0; i < keys.length; i++) {
      const casedKey = cased[i] ?? '';
      this.actors.addKey(keys[i] ?? '', casedKey === '' ? null : casedKey, actors[i] ?? 0);
    }
    this.claimCount = dictionary.claims.length;
    this.phrases = new Matcher();
    for (const [text, value] of dictionary.claimPhrases)
      this.phrases.add({ text, value, caseSensitive: false });
    this.topics = new Matcher();
    for (const [text, value] of dictionary.claimTopics)
      this.topics.add({ text, value, caseSensitive: false });
    for (const [claim, actor] of dictionary.claimActors) {
      const list = this.actorClaims.get(actor) ?? [];
      list.push(claim);
      this.actorClaims.set(actor, list);
    }
    for (const [words, claim] of dictionary.claimQuotes) {
      const norm = normalise(words);
      for (const key of shingleKeys(norm, tokenise(norm.folded))) {
        const list = this.shingles.get(key) ?? [];
        if (!list.includes(claim)) list.push(claim);
        this.shingles.set(key, list);
      }
    }
    for (const key of this.shingles.keys()) {
      const [a = '', b = '', c = ''] = key.split(' ');
      const hash = mixTriple(fnv1a(a, 0, a.length), fnv1a(b, 0, b.length), fnv1a(c, 0, c.length));
      this.shingleHashes.add(hash);
      this.shingleFilter[hash & SHINGLE_FILTER_MASK] = 1;
    }
  }

  /** Actor mentions and claim sentences in one block of text (offsets in the original). */
  scan(text: string): BlockMatches {
    const norm = normalise(text);
    const tokens = tokenise(norm.folded);
    const actorSpans = this.actors.matchNormalised(norm, tokens);
    const out: BlockMatches = {
      actors: actorSpans.map((s) => [s.start, s.end, s.values]),
      claims: [],
    };
    if (this.claimCount === 0) return out;
    out.claims = this.claimSentences(norm, tokens, actorSpans);
    return out;
  }

  /**
   * The sentences that state, deny or report a known claim. Most blocks have no sign of one (no
   * key phrase, no three words of a known statement, no actor who made a claim): they are
   * answered before the text is cut into sentences, so a page costs the claims one pass over
   * its words. (The first version cut every block into sentences and built each sentence's word
   * triples as strings: on the 10k-word bench page, 3.6 ms of the background's 5.1 ms scan,
   * for no claim found.)
   */
  private claimSentences(
    norm: Normalised,
    tokens: Tokens,
    actorSpans: { nStart: number; values: number[] }[],
  ): BlockMatches['claims'] {
    const phraseSpans = this.phrases.matchNormalised(norm, tokens);
    const quoted = this.quotedShingles(norm, tokens);
    const spokenSpans = actorSpans.filter((s) => s.values.some((a) => this.actorClaims.has(a)));
    if (phraseSpans.length === 0 && quoted.length === 0 && spokenSpans.length === 0) return [];
    const topicSpans = spokenSpans.length > 0 ? this.topics.matchNormalised(norm, tokens) : [];
    const result: BlockMatches['claims'] = [];
    for (const sentence of sentences(norm, tokens)) {
      const from = tokens.starts[sentence.first] ?? 0;
      const to = tokens.ends[sentence.last] ?? 0;
      if (to - from > MAX_SENTENCE) continue;
      const inside = (s: { nStart: number }) => s.nStart >= from && s.nStart < to;
      const scores = new Map<number, number>();
      const add = (claim: number, score: number) =>
        scores.set(claim, (scores.get(claim) ?? 0) + score);
      const phrased = new Set<number>();
      for (const s of phraseSpans) if (inside(s)) for (const c of s.values) phrased.add(c);
      for (const c of phrased) add(c, 4);
      const shingled = new Map<number, number>();
      for (const q of quoted) {
        if (q.first < sentence.first || q.last > sentence.last) continue;
        for (const c of q.claims) shingled.set(c, (shingled.get(c) ?? 0) + 1);
      }
      for (const [c, n] of shingled) if (n >= 2) add(c, 3 + Math.min(n, 10) / 10);
      const spoken = new Set<number>();
      for (const s of spokenSpans)
        if (inside(s))
          for (const a of s.values) for (const c of this.actorClaims.get(a) ?? []) spoken.add(c);
      if (spoken.size > 0 && this.reports(norm, tokens, sentence.first, sentence.last)) {
        const topical = new Set<number>();
        for (const s of topicSpans) if (inside(s)) for (const c of s.values) topical.add(c);
        for (const c of spoken) if (topical.has(c)) add(c, 2);
      }
      const accepted = [...scores].filter(([, score]) => score >= 2);
      if (accepted.length === 0) continue;
      accepted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const start = norm.map[from] ?? 0;
      result.push([start, originalEnd(norm, start, to), accepted.map(([c]) => c)]);
    }
    return result;
  }

  /**
   * Every run of three consecutive words in the block that is a word triple of a known
   * statement, with its first and last word's token. Triples are hashed in place (each word
   * hashed once, a triple's hash mixed from its words'); only a hash some statement has is
   * sliced out and compared, so the common case allocates nothing.
   */
  private quotedShingles(
    norm: Normalised,
    tokens: Tokens,
  ): { first: number; last: number; claims: number[] }[] {
    const out: { first: number; last: number; claims: number[] }[] = [];
    if (this.shingles.size === 0) return out;
    const text = norm.folded;
    const tokenHash = tokenHashes(text, tokens);
    // The last SHINGLE word tokens and their hashes, in a ring.
    const at = [0, 0, 0];
    const hashes = [0, 0, 0];
    let words = 0;
    for (let t = 0; t < tokens.count; t++) {
      const s = tokens.starts[t] ?? 0;
      if (charClass(text, s) !== WORD) continue;
      const slot = words % SHINGLE;
      at[slot] = t;
      hashes[slot] = tokenHash[t] ?? 0;
      words++;
      if (words < SHINGLE) continue;
      const a = (words - SHINGLE) % SHINGLE;
      const b = (words - SHINGLE + 1) % SHINGLE;
      const key = mixTriple(hashes[a] ?? 0, hashes[b] ?? 0, hashes[slot] ?? 0);
      if (this.shingleFilter[key & SHINGLE_FILTER_MASK] === 0) continue;
      if (!this.shingleHashes.has(key)) continue;
      const first = at[a] ?? 0;
      const words3 = [first, at[b] ?? 0, t]
        .map((w) => text.slice(tokens.starts[w] ?? 0, tokens.ends[w] ?? 0))
        .join(' ');
      const claims = this.shingles.get(words3);
      if (claims) out.push({ first, last: t, claims });
    }
    return out;
  }

  private reports(norm: Normalised, tokens: Tokens, first: number, last: number): boolean {
    for (let t = first; t <= last; t++) {
      if (REPORTING.has(norm.folded.slice(tokens.starts[t] ?? 0, tokens.ends[t] ?? 0))) return true;
    }
    return false;
  }

  /** Names and kinds of the entities some matches refer to. */
  entitiesOf(blocks: readonly BlockMatches[]): MatchedEntities {
    const actors = new Set<number>();
    const claims = new Set<number>();
    for (const block of blocks) {
      for (const [, , values] of block.actors) for (const v of values) actors.add(v);
      for (const [, , values] of block.claims) for (const v of values) claims.add(v);
    }
    const out: MatchedEntities = { actors: [], claims: [] };
    for (const i of actors) {
      const a = this.dictionary.actors[i];
      if (a) out.actors.push([i, a[0], a[1], a[2]]);
    }
    for (const i of claims) {
      const c = this.dictionary.claims[i];
      if (c) out.claims.push([i, c[0], c[1], c[3]]);
    }
    return out;
  }
}

/** The shingle keys of the words in a token range. */
function* shingleKeys(
  norm: Normalised,
  tokens: Tokens,
  first = 0,
  last = tokens.count - 1,
): Generator<string> {
  const window: string[] = [];
  for (let t = first; t <= last; t++) {
    const s = tokens.starts[t] ?? 0;
    if (charClass(norm.folded, s) !== WORD) continue;
    window.push(norm.folded.slice(s, tokens.ends[t] ?? 0));
    if (window.length > SHINGLE) window.shift();
    if (window.length === SHINGLE) yield window.join(' ');
  }
}
