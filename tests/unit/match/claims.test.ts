import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '@/lib/match/matcher';
import { casedCodeAt, type Normalised, normalise, originalEnd } from '@/lib/match/normalize';
import { charClass, type Tokens, tokenise, WORD } from '@/lib/match/tokens';
import type { BlockMatches } from '@/lib/messaging/page-schemas';
import type { Dictionary } from '@/lib/messaging/schemas';
import { dictionary, engine, pack } from './starter';

/*
 * The first version of claim detection, kept as the reference: it cut every block into sentences
 * (slicing every token) and built every sentence's word triples as strings. PageEngine now skips
 * blocks with no sign of a claim and hashes triples in place; it must find exactly the same.
 */
const REPORTING = new Set(
  (
    'said says say told tells denied denies deny claimed claims stated states insisted insists ' +
    'added adds according wrote writes posted posts announced announces rejected rejects ' +
    'dismissed dismisses confirmed confirms acknowledged acknowledges called calls warned warns ' +
    'suggested suggests maintained maintains argued argues asserted asserts repeated repeats'
  ).split(' '),
);
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st sr jr gov gen sen rep lt col sgt capt adm rev prof pres jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec inc co corp ltd no vs etc approx dept est fig vol p pp'
  ).split(' '),
);

function referenceSentences(norm: Normalised, tokens: Tokens) {
  const text = norm.folded;
  const out: { first: number; last: number }[] = [];
  const tok = (t: number) => text.slice(tokens.starts[t] ?? 0, tokens.ends[t] ?? 0);
  const enders = new Set(['.', '!', '?']);
  const closers = new Set(['"', "'", ')', ']', '»']);
  let first = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (!enders.has(tok(t))) continue;
    let end = t;
    while (end + 1 < tokens.count && (enders.has(tok(end + 1)) || closers.has(tok(end + 1)))) end++;
    const next = end + 1;
    if (next >= tokens.count) break;
    if ((tokens.starts[next] ?? 0) === (tokens.ends[end] ?? 0)) continue;
    const startChar = String.fromCharCode(casedCodeAt(norm, tokens.starts[next] ?? 0));
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

function* shingleKeys(norm: Normalised, tokens: Tokens, first = 0, last = tokens.count - 1) {
  const window: string[] = [];
  for (let t = first; t <= last; t++) {
    const s = tokens.starts[t] ?? 0;
    if (charClass(norm.folded, s) !== WORD) continue;
    window.push(norm.folded.slice(s, tokens.ends[t] ?? 0));
    if (window.length > 3) window.shift();
    if (window.length === 3) yield window.join(' ');
  }
}

function referenceClaims(d: Dictionary): (text: string) => BlockMatches['claims'] {
  const actors = new Matcher([], d.aliases.keys.length);
  d.aliases.keys.forEach((key, i) => {
    const cased = d.aliases.cased[i] ?? '';
    actors.addKey(key, cased === '' ? null : cased, d.aliases.actors[i] ?? 0);
  });
  const phrases = new Matcher(
    d.claimPhrases.map(([text, value]) => ({ text, value, caseSensitive: false })),
  );
  const topics = new Matcher(
    d.claimTopics.map(([text, value]) => ({ text, value, caseSensitive: false })),
  );
  const actorClaims = new Map<number, number[]>();
  for (const [claim, actor] of d.claimActors)
    actorClaims.set(actor, [...(actorClaims.get(actor) ?? []), claim]);
  const shingles = new Map<string, number[]>();
  for (const [words, claim] of d.claimQuotes) {
    const norm = normalise(words);
    for (const key of shingleKeys(norm, tokenise(norm.folded))) {
      const list = shingles.get(key) ?? [];
      if (!list.includes(claim)) list.push(claim);
      shingles.set(key, list);
    }
  }
  return (text) => {
    const norm = normalise(text);
    const tokens = tokenise(norm.folded);
    const actorSpans = actors.matchNormalised(norm, tokens);
    const phraseSpans = phrases.matchNormalised(norm, tokens);
    const topicSpans = topics.matchNormalised(norm, tokens);
    const result: BlockMatches['claims'] = [];
    for (const sentence of referenceSentences(norm, tokens)) {
      const from = tokens.starts[sentence.first] ?? 0;
      const to = tokens.ends[sentence.last] ?? 0;
      if (to - from > 2000) continue;
      const inside = (s: { nStart: number }) => s.nStart >= from && s.nStart < to;
      const scores = new Map<number, number>();
      const add = (c: number, score: number) => scores.set(c, (scores.get(c) ?? 0) + score);
      const phrased = new Set<number>();
      for (const s of phraseSpans) if (inside(s)) for (const c of s.values) phrased.add(c);
      for (const c of phrased) add(c, 4);
      const shingled = new Map<number, number>();
      for (const key of shingleKeys(norm, tokens, sentence.first, sentence.last)) {
        for (const c of shingles.get(key) ?? []) shingled.set(c, (shingled.get(c) ?? 0) + 1);
      }
      for (const [c, n] of shingled) if (n >= 2) add(c, 3 + Math.min(n, 10) / 10);
      const spoken = new Set<number>();
      for (const s of actorSpans)
        if (inside(s))
          for (const a of s.values) for (const c of actorClaims.get(a) ?? []) spoken.add(c);
      const reports = () => {
        for (let t = sentence.first; t <= sentence.last; t++) {
          if (REPORTING.has(norm.folded.slice(tokens.starts[t] ?? 0, tokens.ends[t] ?? 0)))
            return true;
        }
        return false;
      };
      if (spoken.size > 0 && reports()) {
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
  };
}

const reference = referenceClaims(dictionary);

// Pieces of text that give claims a chance: the claims' phrases, topics and statements' words,
// the names of the people who made them, verbs of speech, abbreviations, sentence ends.
const statementWords = dictionary.claimQuotes
  .flatMap(([words]) => words.split(/\s+/))
  .slice(0, 400);
const pieces = [
  ...dictionary.claimPhrases.map(([p]) => p),
  ...dictionary.claimTopics.map(([t]) => t),
  ...statementWords,
  ...pack.actors.flatMap((a) => [a.name, ...(a.aliases ?? [])]),
  ...'said denied told claims according to'.split(' '),
  ...'the a of and in Cuba talks oil weather Feb. U.S. Mr. J. 2026 Tourism'.split(' '),
  '.',
  '!',
  '?',
  '...',
  '»',
  ')',
  '"',
  '“',
  '”',
  "'",
  '\n',
];

describe('claim sentences', () => {
  it('finds exactly what the first version found (random pages built from claim words)', () => {
    let withClaims = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', ' ', ' ', '', '. ', ', ')),
          { maxLength: 120 },
        ),
        (parts) => {
          const text = parts.map(([p, sep]) => p + sep).join('');
          const found = engine.scan(text).claims;
          expect(found).toEqual(reference(text));
          if (found.length > 0) withClaims++;
        },
      ),
      { numRuns: 3000 },
    );
    // The pages must give claims a real chance, or the comparison proves little.
    expect(withClaims).toBeGreaterThan(600);
  });

  it('finds them in the statements themselves, one after another', () => {
    const text = dictionary.claimQuotes.map(([words]) => words).join(' ');
    const found = engine.scan(text).claims;
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(reference(text));
  });

  it('counts only the word triples inside one sentence', () => {
    // Five words of a statement in one sentence hold three of its triples: a claim. Split after
    // the second word, the second sentence holds one, and the triples across the stop count
    // for neither sentence.
    const five = 'story of diplomatic progress whose';
    expect(dictionary.claimQuotes.some(([w]) => w.includes(five))).toBe(true);
    const whole = `Then ${five} end.`;
    expect(engine.scan(whole).claims).toHaveLength(1);
    const split = 'Then story of. Diplomatic progress whose end.';
    expect(engine.scan(split).claims).toEqual([]);
    expect(reference(split)).toEqual([]);
  });
});
