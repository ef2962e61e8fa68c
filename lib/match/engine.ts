import type { BlockMatches, Dictionary, MatchedEntities } from '../messaging/schemas';
import { Matcher } from './matcher';
import { type Normalised, normalise, originalEnd } from './normalize';
import { sentences } from './sentences';
import { charClass, type Tokens, tokenise, WORD } from './tokens';

/** Verbs that report speech: with a claim's actor and topic they make a sentence report it. */
const REPORTING = new Set(
  (
    'said says say told tells denied denies deny claimed claims stated states insisted insists ' +
    'added adds according wrote writes posted posts announced announces rejected rejects ' +
    'dismissed dismisses confirmed confirms acknowledged acknowledges called calls warned warns ' +
    'suggested suggests maintained maintains argued argues asserted asserts repeated repeats'
  ).split(' '),
);

/** Shingles: three consecutive words of a statement, to recognise its words on a page. */
const SHINGLE = 3;
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

  private claimSentences(
    norm: Normalised,
    tokens: Tokens,
    actorSpans: { nStart: number; values: number[] }[],
  ): BlockMatches['claims'] {
    const phraseSpans = this.phrases.matchNormalised(norm, tokens);
    const topicSpans = this.topics.matchNormalised(norm, tokens);
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
      for (const key of shingleKeys(norm, tokens, sentence.first, sentence.last)) {
        for (const c of this.shingles.get(key) ?? []) shingled.set(c, (shingled.get(c) ?? 0) + 1);
      }
      for (const [c, n] of shingled) if (n >= 2) add(c, 3 + Math.min(n, 10) / 10);
      const spoken = new Set<number>();
      for (const s of actorSpans)
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
