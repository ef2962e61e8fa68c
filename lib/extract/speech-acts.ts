import { AUXILIARIES, clauseEnd, DETERMINERS, type Frame, readFrame } from './clauses';
import type { ActorLookup } from './known-actors';
import {
  CLAUSE_NEEDS_THAT,
  NAMING,
  NP_OBJECT,
  PREPOSITIONS,
  speechLemma,
  VERB_FILLERS,
} from './lexicon';
import type { Quote } from './quotes';
import type { SentenceView } from './sentence-view';
import { resolveSubject, type SpeakerRef, stripAdverbials } from './speakers';

/**
 * Speech acts in one sentence: a speech verb, who did it (the subject, or the attribution after
 * a quote), what was said (a clause, a quotation or a noun phrase) and how (addressee, medium).
 */
export type Complement =
  | { type: 'clause'; start: number; end: number }
  | { type: 'quote'; quote: Quote }
  | { type: 'np'; start: number; end: number }
  | { type: 'none' };

export type Pattern =
  | 'verb-clause'
  | 'verb-quote'
  | 'verb-np'
  | 'postposed'
  | 'parenthetical'
  | 'participle'
  | 'according-to'
  | 'relative';

export interface SpeechAct {
  /** Token index of the verb (of "according" for according-to). */
  verb: number;
  lemma: string;
  pattern: Pattern;
  speaker: SpeakerRef | null;
  /** The subject shares the speaker of an earlier act in the sentence (coordinated, participle). */
  inheritsSpeaker: boolean;
  complement: Complement;
  frame: Frame;
}

const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which']);
const BOUNDARY_CONJUNCTIONS = new Set([
  'and',
  'but',
  'although',
  'though',
  'while',
  'as',
  'because',
  'whereas',
  'so',
  'yet',
]);

/** Whether token `i` is a speech verb used as a verb (not a noun, not passive, not "what he said"). */
function verbLemmaAt(view: SentenceView, i: number): string | undefined {
  const t = view.tokens[i];
  if (t?.kind !== 'word' || view.inQuote(i)) return undefined;
  const lemma = speechLemma(t.text, view.tokens[i + 1]?.text);
  if (!lemma) return undefined;
  const prev = view.word(i - 1);
  if (DETERMINERS.has(prev) || /['’]s$/.test(prev) || /^(?:these|that)$/.test(prev))
    return undefined;
  // Passive: "was told", "as reported by".
  let k = i - 1;
  while (
    k >= 0 &&
    (VERB_FILLERS.has(view.word(k)) || /^[a-z]+ly$/.test(view.word(k))) &&
    !AUXILIARIES.has(view.word(k))
  )
    k--;
  if (
    /^(?:is|are|was|were|be|been|being)$/.test(view.word(k)) &&
    /(?:ed|told|said|written|wrote)$/.test(t.lower)
  )
    return undefined;
  if (view.word(i + 1) === 'by' && /ed$/.test(t.lower)) return undefined;
  // "10 people accused of spying": a participle describing a noun.
  if (/ed$/.test(t.lower) && /^(?:of|with)$/.test(view.word(i + 1))) return undefined;
  if (prev === 'as' && /ed$/.test(t.lower)) return undefined;
  // "what he described as", "what Havana says it wants", "what Rubio had told him"
  for (let b = i - 1; b >= Math.max(0, i - 4); b--) {
    const w = view.word(b);
    if (w === 'what' || w === 'whom' || w === 'how') return undefined;
    if (w === ',' || view.tokens[b]?.text === ',') break;
  }
  return lemma;
}

/** The start of the clause a verb at `v` belongs to, and whether its subject is missing. */
function subjectStart(
  view: SentenceView,
  v: number,
  floor: number,
): { from: number; shared: boolean } {
  let k = v - 1;
  // Fillers and dates just before the verb are not the subject.
  while (
    k >= floor &&
    (VERB_FILLERS.has(view.word(k)) ||
      AUXILIARIES.has(view.word(k)) ||
      /^[a-z]+ly$/.test(view.word(k)) ||
      view.dateAt(k) !== undefined ||
      /^(?:to|on|went|continued)$/.test(view.word(k)))
  )
    k--;
  if (k < floor) return { from: floor, shared: floor > 0 };
  const w = view.word(k);
  if (BOUNDARY_CONJUNCTIONS.has(w) && view.tokens[k]?.kind === 'word') {
    // "… but have stressed": a coordinated verb phrase shares the subject.
    return { from: k + 1, shared: true };
  }
  // Walk back to the clause start.
  let from = k;
  while (from > floor) {
    const t = view.tokens[from - 1]!;
    const lw = view.word(from - 1);
    if (t.text === ';' || t.text === ':' || view.isCloseQuote(from - 1)) break;
    if (lw === 'that' && from - 1 > floor) break;
    if (t.text === ',' && BOUNDARY_CONJUNCTIONS.has(view.word(from))) break;
    // "… a day after Ostmark's president said": a subordinate clause holds the subject, unless
    // a comma closes it first ("Days before X spoke, Rubio said": an opening adverbial).
    const commaAfter = view.tokens.slice(from, k + 1).some((x) => x.text === ',');
    if (
      t.kind === 'word' &&
      from - 1 > floor &&
      !commaAfter &&
      /^(?:although|though|while|whereas|because|but|after|before|when|once|until|unless|since|if|whose)$/.test(
        lw,
      )
    )
      break;
    if (t.kind === 'word' && lw === 'whose') break;
    // "… as Trump said", but not "such as".
    if (
      lw === 'as' &&
      from - 1 > floor &&
      !commaAfter &&
      !/^(?:such|well|same|just|so)$/.test(view.word(from - 2))
    )
      break;
    from--;
  }
  // A sentence-opening "As …," or "While …," is stripped with the other adverbials later.
  if (from > floor && BOUNDARY_CONJUNCTIONS.has(view.word(from))) from++;
  return { from, shared: false };
}

/** The complement after the frame of a speech verb. */
function complementOf(view: SentenceView, v: number, lemma: string, frame: Frame): Complement {
  const i = frame.next;
  const t = view.tokens[i];
  if (!t) return { type: 'none' };
  const w = view.word(i);
  const quote = view.quotes.find((q) => q.open === t.start);
  if (w === 'that' && !view.inQuote(i)) {
    const start = view.tokens[i + 1];
    if (!start) return { type: 'none' };
    return { type: 'clause', start: start.start, end: clauseEnd(view, i + 1) };
  }
  if (t.text === ':') {
    const q = view.quotes.find((x) => x.open === view.tokens[i + 1]?.start);
    if (q) return { type: 'quote', quote: q };
    const start = view.tokens[i + 1];
    return start
      ? { type: 'clause', start: start.start, end: clauseEnd(view, i + 1) }
      : { type: 'none' };
  }
  if (quote) {
    const end = clauseEnd(view, i);
    return end > quote.close + 1 && !NAMING.has(lemma)
      ? { type: 'clause', start: t.start, end }
      : { type: 'quote', quote };
  }
  if (t.kind === 'punct' || view.isCloseQuote(i)) return { type: 'none' };
  if (NP_OBJECT.has(lemma) || NAMING.has(lemma)) {
    if (CLAUSE_NEEDS_THAT.has(lemma) || NAMING.has(lemma) || DETERMINERS.has(w) || w === 'for') {
      return { type: 'np', start: view.tokens[v]!.start, end: clauseEnd(view, i, true) };
    }
  }
  if (CLAUSE_NEEDS_THAT.has(lemma)) return { type: 'none' };
  // "said what had happened", "told a consistent story", "said the day before": not a clause.
  if (w === 'what') return { type: 'none' };
  const end = clauseEnd(view, i);
  if (!hasFiniteVerb(view, i, view.tokenAt(end))) return { type: 'none' };
  return { type: 'clause', start: t.start, end };
}

export const IRREGULAR_PAST =
  /^(?:was|were|had|did|came|took|fled|broke|shot|struck|left|led|began|became|won|lost|met|went|made|put|sent|fell|rose|held|saw|gave|got|knew|ran|set|sold|stood|told|said|thought|found|kept|brought|bought|meant|spent|wrote|spoke|drove|flew|grew|hit|cut|paid|heard|felt|sat|let|read|quit)$/;

/** Whether tokens `[from, to)` hold a verb that can head a clause. */
export function hasFiniteVerb(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (view.inQuote(k)) return true; // a quoted clause counts as words said
    const w = view.word(k);
    if (AUXILIARIES.has(w) || IRREGULAR_PAST.test(w) || /^[a-z]+ed$/.test(w)) return true;
    // A present-tense verb after its subject: "the plan remains", "one is close".
    if (
      k > from &&
      /^[a-z]{3,}s$/.test(w) &&
      !/(?:ss|us|is)$/.test(w) &&
      !DETERMINERS.has(view.word(k - 1))
    )
      return true;
  }
  return false;
}

/** Every speech act of a sentence, in text order. */
export function findSpeechActs(view: SentenceView, lookup: ActorLookup): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const { tokens } = view;
  for (let i = 0; i < tokens.length; i++) {
    // "according to X, …" and "…, according to X."
    if (view.word(i) === 'according' && view.word(i + 1) === 'to' && !view.inQuote(i)) {
      acts.push(accordingTo(view, i, lookup));
      continue;
    }
    const lemma = verbLemmaAt(view, i);
    if (!lemma) continue;
    const frame = readFrame(view, i, lemma);
    let complement = complementOf(view, i, lemma, frame);
    if (complement.type === 'clause' && complement.end <= complement.start)
      complement = { type: 'none' };
    // "announced normalization": a noun phrase this verb does not report as words.
    // (Not after a quote: "“…,” said Veit" names the speaker after the verb.)
    const nextTok = tokens[frame.next];
    const afterQuote =
      view.isCloseQuote(i - 1) || (tokens[i - 1]?.text === ',' && view.isCloseQuote(i - 2));
    if (
      complement.type === 'none' &&
      nextTok &&
      nextTok.kind !== 'punct' &&
      !view.isCloseQuote(frame.next) &&
      !afterQuote
    )
      continue;
    // "When the authority announced that it would …, farmers protested": the opening
    // subordinate clause ends at its comma.
    const opening = openingClauseEnd(view);
    if (
      opening !== undefined &&
      i < opening &&
      (complement.type === 'clause' || complement.type === 'np') &&
      complement.end > view.tokens[opening]!.start
    )
      complement = { ...complement, end: view.tokens[opening]!.start };
    const act =
      complement.type === 'none'
        ? attributionAfter(view, i, lemma, frame, lookup)
        : attributionBefore(view, i, lemma, frame, complement, lookup);
    if (act) acts.push(act);
  }
  return acts;
}

const OPENING_SUBORDINATORS = new Set([
  'when',
  'if',
  'as',
  'after',
  'before',
  'while',
  'although',
  'though',
  'because',
  'since',
  'once',
  'until',
  'unless',
  'whenever',
]);

/** For a sentence that opens with a subordinate clause, the token of the comma that closes it. */
function openingClauseEnd(view: SentenceView): number | undefined {
  if (!OPENING_SUBORDINATORS.has(view.word(0))) return undefined;
  const at = view.tokens.findIndex((t, k) => t.text === ',' && !view.inQuote(k));
  return at > 0 ? at : undefined;
}

const PATTERN_OF: Record<Exclude<Complement['type'], 'none'>, Pattern> = {
  clause: 'verb-clause',
  quote: 'verb-quote',
  np: 'verb-np',
};

/** "Trump said (that) …", "de Cossio told Reuters “…”", "Cuba had previously denied any talks". */
function attributionBefore(
  view: SentenceView,
  i: number,
  lemma: string,
  frame: Frame,
  complement: Exclude<Complement, { type: 'none' }>,
  lookup: ActorLookup,
): SpeechAct {
  const participle =
    /ing$/.test(view.word(i)) &&
    (view.tokens[i - 1]?.text === ',' ||
      /^(?:after|before|while|by|days|weeks|then)$/.test(view.word(i - 1)));
  const base = { verb: i, lemma, complement, frame };
  if (participle) return { ...base, pattern: 'participle', speaker: null, inheritsSpeaker: true };
  const before = view.word(i - 1);
  const relAt = RELATIVE_PRONOUNS.has(before)
    ? i - 1
    : VERB_FILLERS.has(before) && RELATIVE_PRONOUNS.has(view.word(i - 2))
      ? i - 2
      : -1;
  if (relAt > 0) {
    // "officials who told the outlet …": the noun phrase before "who" speaks.
    let ante = relAt;
    while (ante > 0) {
      const t = view.tokens[ante - 1]!;
      const w = view.word(ante - 1);
      if (t.kind === 'punct' && !view.mentionAt(ante - 1)) break;
      if (
        (PREPOSITIONS.has(w) || AUXILIARIES.has(w) || /^[a-z]+ed$/.test(w)) &&
        !view.mentionAt(ante - 1)
      )
        break;
      ante--;
    }
    return {
      ...base,
      pattern: 'relative',
      speaker: resolveSubject(view, ante, relAt, lookup),
      inheritsSpeaker: false,
    };
  }
  const { from, shared } = subjectStart(view, i, 0);
  if (shared)
    return { ...base, pattern: PATTERN_OF[complement.type], speaker: null, inheritsSpeaker: true };
  return {
    ...base,
    pattern: PATTERN_OF[complement.type],
    speaker: resolveSubject(view, from, i, lookup),
    inheritsSpeaker: false,
  };
}

/**
 * The verb has nothing after it: the attribution follows what was said ("“…,” he said",
 * "…, a Cuban diplomat told Reuters on Monday") or sits inside it ("The intent, sources told the
 * outlet, was …"); or it is inverted ("“…,” said Trump").
 */
function attributionAfter(
  view: SentenceView,
  i: number,
  lemma: string,
  frame: Frame,
  lookup: ActorLookup,
): SpeechAct | null {
  const { tokens } = view;
  let k = i - 1;
  while (
    k >= 0 &&
    (VERB_FILLERS.has(view.word(k)) || /^[a-z]+ly$/.test(view.word(k)) || view.dateAt(k))
  )
    k--;
  let b = k;
  while (b >= 0 && tokens[b]!.text !== ',' && !view.isCloseQuote(b) && tokens[b]!.text !== ';') b--;
  const complement: Complement = { type: 'none' };
  // Inverted: "“…,” said Trump."
  if (b === k && k >= 0) {
    let end = frame.next;
    const from = i + 1;
    end = from;
    while (end < tokens.length && tokens[end]!.kind !== 'punct') end++;
    const speaker = resolveSubject(view, from, end, lookup);
    if (!speaker) return null;
    return {
      verb: i,
      lemma,
      pattern: 'postposed',
      speaker,
      inheritsSpeaker: false,
      complement,
      frame,
    };
  }
  if (b < 0) {
    // No comma or quote before the subject: nothing was said before it ("He added." or a
    // sentence-opening "He said" whose words come after a colon or in the next sentence).
    const speaker = resolveSubject(view, 0, i, lookup);
    if (!speaker) return null;
    return {
      verb: i,
      lemma,
      pattern: 'postposed',
      speaker,
      inheritsSpeaker: false,
      complement,
      frame,
    };
  }
  const speaker = resolveSubject(view, b + 1, i, lookup);
  if (!speaker) return null;
  // Parenthetical: a short verbless phrase before, a verb phrase after.
  const after = frame.next;
  const beforeWords = tokens
    .slice(0, b)
    .filter((t) => t.kind === 'word')
    .map((t) => t.lower);
  const verbless = beforeWords.length <= 6 && !beforeWords.some((w) => AUXILIARIES.has(w));
  if (tokens[after]?.text === ',' && verbless && tokens[b]!.text === ',') {
    const nx = view.word(after + 1);
    // "The intent, sources told the outlet, was …", "Cuba, he wrote, remains open …"
    if (AUXILIARIES.has(nx) || /^[a-z]+(?:ed|s)$/.test(nx)) {
      const start = tokens[after + 1]!;
      return {
        verb: i,
        lemma,
        pattern: 'parenthetical',
        speaker,
        inheritsSpeaker: false,
        complement: { type: 'clause', start: start.start, end: clauseEnd(view, after + 1) },
        frame,
      };
    }
  }
  return {
    verb: i,
    lemma,
    pattern: 'postposed',
    speaker,
    inheritsSpeaker: false,
    complement,
    frame,
  };
}

function accordingTo(view: SentenceView, i: number, lookup: ActorLookup): SpeechAct {
  const { tokens } = view;
  let end = i + 2;
  while (end < tokens.length && tokens[end]!.text !== ',' && !/^[.;:]$/.test(tokens[end]!.text))
    end++;
  const speaker = resolveSubject(view, i + 2, end, lookup);
  const frame: Frame = { next: end, medium: [] };
  const clauseStart = stripAdverbials(view, 0, i);
  if (clauseStart >= i) {
    // "According to X, CLAUSE." ("According to X, however, CLAUSE.")
    let from = end + 1;
    if (
      /^(?:however|moreover|meanwhile|still|also|indeed|though)$/.test(view.word(from)) &&
      tokens[from + 1]?.text === ','
    )
      from += 2;
    const start = tokens[from];
    const complement: Complement = start
      ? { type: 'clause', start: start.start, end: clauseEnd(view, from) }
      : { type: 'none' };
    return {
      verb: i,
      lemma: 'say',
      pattern: 'according-to',
      speaker,
      inheritsSpeaker: false,
      complement,
      frame,
    };
  }
  // "The union, according to a spokesperson, has no plans …": the words after the attribution.
  const beforeWords = tokens
    .slice(0, i)
    .filter((t) => t.kind === 'word')
    .map((t) => t.lower);
  const verbless =
    beforeWords.length <= 6 && !beforeWords.some((w) => AUXILIARIES.has(w) || /^[a-z]+ed$/.test(w));
  if (verbless && tokens[end]?.text === ',' && tokens[end + 1]) {
    return {
      verb: i,
      lemma: 'say',
      pattern: 'according-to',
      speaker,
      inheritsSpeaker: false,
      complement: { type: 'clause', start: tokens[end + 1]!.start, end: clauseEnd(view, end + 1) },
      frame,
    };
  }
  // "CLAUSE, according to X."
  const cut = tokens[i - 1]?.text === ',' ? tokens[i - 1]!.start : tokens[i]!.start;
  const first = tokens[0]!;
  return {
    verb: i,
    lemma: 'say',
    pattern: 'according-to',
    speaker,
    inheritsSpeaker: false,
    complement: { type: 'clause', start: first.start, end: cut },
    frame,
  };
}
