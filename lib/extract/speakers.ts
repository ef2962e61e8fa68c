import { AUXILIARIES, DETERMINERS } from './clauses';
import type { ActorLookup } from './known-actors';
import { PERSON_NOUNS, PREPOSITIONS, PRONOUNS, SPEECH_NOUNS, VERB_FILLERS } from './lexicon';
import type { SentenceView } from './sentence-view';

/**
 * Who a subject names: a known actor, an unnamed speaker ("a senior U.S. official"), or a word
 * that points back to someone ("he", "the outlet", "the report", "the administration").
 */
export type SpeakerRef =
  | { type: 'actor'; actorId: string }
  | { type: 'unnamed'; label: string; plural: boolean }
  | { type: 'pronoun'; pronoun: string }
  | { type: 'anaphor'; noun: string; modifier?: string };

const QUANTIFIERS = new Set([
  'multiple',
  'several',
  'some',
  'many',
  'two',
  'three',
  'four',
  'other',
  'various',
  'numerous',
  'both',
  'few',
]);

/** Offices that name one person once the country is known. */
const LEADER_NOUNS = new Set([
  'leader',
  'president',
  'premier',
  'minister',
  'chancellor',
  'king',
  'queen',
]);

/** Words that start an unnamed speaker's description and are not names. */
const COMMON_OPENERS = new Set([
  ...PERSON_NOUNS,
  ...QUANTIFIERS,
  'senior',
  'top',
  'former',
  'local',
  'foreign',
  'government',
  'administration',
  'independent',
  'anonymous',
  'unnamed',
  'military',
  'security',
  'western',
]);

/** Sentence-opening words that begin an adverbial phrase ("As Cuba faces …, ", "On Sunday, "). */
const ADVERBIAL_OPENERS = new Set([
  'as',
  'on',
  'in',
  'at',
  'by',
  'after',
  'before',
  'while',
  'when',
  'since',
  'during',
  'despite',
  'although',
  'though',
  'however',
  'meanwhile',
  'still',
  'now',
  'yet',
  'historically',
  'instead',
  'separately',
  'earlier',
  'later',
  'today',
  'yesterday',
  'also',
  'but',
  'and',
  'so',
  'then',
  'days',
  'weeks',
  'months',
  'hours',
  'under',
  'with',
  'amid',
  'following',
  'for',
  'if',
  'unlike',
  'like',
  'speaking',
]);

/**
 * Strips opening adverbials ("As Cuba faces a fuel crisis, ", "On Sunday, ", "Historically, ")
 * from a token span; returns the new start.
 */
export function stripAdverbials(view: SentenceView, from: number, to: number): number {
  let i = from;
  for (;;) {
    const w = view.word(i);
    const opener = ADVERBIAL_OPENERS.has(w) || /^[a-z]+ly$/.test(w) || view.dateAt(i) !== undefined;
    if (!opener) return i;
    let c = i;
    while (c < to && view.tokens[c]?.text !== ',') c++;
    if (c >= to) {
      // "But he said": a conjunction without a comma.
      if (w === 'but' || w === 'and' || w === 'so' || w === 'yet' || w === 'then') return i + 1;
      return i;
    }
    i = c + 1;
  }
}

/** The head noun phrase of a subject: up to the first comma (appositives follow it). */
function headEnd(view: SentenceView, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const t = view.tokens[i]!;
    if (t.text === ',' || t.text === '(' || t.text === '—') break;
    const w = view.word(i);
    if (w === 'who' || w === 'which' || w === 'that') break;
    // "a new report published Monday", "a senior official quoted in the report"
    if (i > from && /^[a-z]+ed$/.test(view.tokens[i]!.text)) break;
    if (i > from && PREPOSITIONS.has(w) && !view.mentionAt(i)) break;
    i++;
  }
  return i;
}

/**
 * Resolves the subject tokens `[from, to)` of a speech verb. Returns null when the subject is not
 * someone who can be quoted ("the notes", "both governments").
 */
export function resolveSubject(
  view: SentenceView,
  from: number,
  to: number,
  lookup: ActorLookup,
): SpeakerRef | null {
  // Fillers between the subject and the verb ("has repeatedly", "went on to").
  let end = to;
  while (end > from) {
    const w = view.word(end - 1);
    if (VERB_FILLERS.has(w) || AUXILIARIES.has(w) || /^[a-z]+ly$/.test(w) || view.dateAt(end - 1))
      end--;
    else if (
      w === 'to' &&
      /^(?:on|went|continued|wanted|tried|refused|declined|moved|sought)$/.test(view.word(end - 2))
    )
      end -= 2;
    else if (w === 'on' && view.word(end - 1 + 1) === 'to') end--;
    else if (/^(?:went|continued|go|goes|going)$/.test(w)) end--;
    else break;
  }
  const start = stripAdverbials(view, from, end);
  if (start >= end) return null;
  const words = view.tokens.slice(start, end).map((t) => t.lower);
  // A lone pronoun.
  if (words.length === 1 && PRONOUNS.has(words[0] as string)) {
    return { type: 'pronoun', pronoun: words[0] as string };
  }
  const spanText = view.slice(view.tokens[start]!.start, view.tokens[end - 1]!.end);
  const mentionsIn = view.mentions.filter(
    (m) => m.start >= view.tokens[start]!.start && m.end <= view.tokens[end - 1]!.end,
  );
  const tokenIndex = (offset: number) => view.tokenAt(offset);

  // "A statement attributed to Trump", "a report from Drop Site News", "estimates by X".
  const by = /\b(?:attributed to|from|by|of)\s+$/;
  const head = headEnd(view, start, end);
  const headWords = view.tokens.slice(start, head).map((t) => t.lower.replace(/['’]s$/, ''));
  const speechNoun = headWords.findIndex((w) => SPEECH_NOUNS.has(w));
  if (speechNoun >= 0 || /\battributed to\b/.test(spanText)) {
    const source = mentionsIn.find((m) => by.test(view.slice(view.tokens[start]!.start, m.start)));
    if (source) return { type: 'actor', actorId: source.actorId };
    // "The Drop Site report", "The administration’s stated justification"
    const owner = mentionsIn.find((m) => tokenIndex(m.start) < start + Math.max(speechNoun, 0) + 1);
    if (owner) return { type: 'actor', actorId: owner.actorId };
    const possessor = headWords.findIndex(
      (_w, k) => /['’]s$/.test(view.word(start + k)) && k < speechNoun,
    );
    if (possessor >= 0) return { type: 'anaphor', noun: headWords[possessor] as string };
    if (speechNoun >= 0) return { type: 'anaphor', noun: headWords[speechNoun] as string };
  }

  // "Cuban leaders, including President Miguel Díaz-Canel,"
  const including = mentionsIn.find((m) =>
    /\bincluding\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(
      view.slice(view.tokens[start]!.start, m.start),
    ),
  );
  if (including && lookup.get(including.actorId)?.kind === 'person') {
    return { type: 'actor', actorId: including.actorId };
  }

  // The first actor in the head that is not after a preposition and not a modifier of a
  // person noun ("a senior U.S. official" is unnamed; "U.S. President Donald Trump" is Trump).
  for (const m of mentionsIn) {
    const mi = tokenIndex(m.start);
    if (mi >= head) break;
    const prev = view.word(mi - 1);
    if (mi > start && PREPOSITIONS.has(prev)) continue;
    const after = tokenIndex(m.end);
    let k = after;
    while (
      k < head &&
      !PERSON_NOUNS.has(view.word(k)) &&
      !/^\p{Lu}/u.test(view.tokens[k]?.text ?? '') &&
      !/^(?:and|or|,)$/.test(view.word(k))
    )
      k++;
    const personNounAfter = k < head && PERSON_NOUNS.has(view.word(k));
    const nameAfter = view.mentions.some(
      (o) => o !== m && o.start >= m.end && o.end <= (view.tokens[head - 1]?.end ?? 0),
    );
    if (personNounAfter && !nameAfter && lookup.get(m.actorId)?.kind !== 'person') continue;
    return { type: 'actor', actorId: m.actorId };
  }

  // "The authority's chairwoman, Ada Lindqvist, insisted": the name in the appositive.
  // ("A spokesperson for the agency, Mirela Costa, said": after the head's own phrases.)
  let comma = head;
  while (comma < end && view.tokens[comma]?.text !== ',') comma++;
  if (comma < end) {
    let k = comma + 1;
    while (k < end && view.tokens[k]!.text !== ',') k++;
    const inApposition = view.mentions.find(
      (m) => m.start >= view.tokens[comma]!.end && m.end <= (view.tokens[k - 1]?.end ?? 0),
    );
    if (inApposition && lookup.get(inApposition.actorId)?.kind === 'person') {
      return { type: 'actor', actorId: inApposition.actorId };
    }
  }

  // "the outlet", "the administration", "the Cuban leader", "the agency"
  if (headWords[0] === 'the' && headWords.length <= 4) {
    const noun = headWords[headWords.length - 1] as string;
    if (
      !PERSON_NOUNS.has(noun) ||
      noun === 'leader' ||
      noun === 'minister' ||
      noun === 'president'
    ) {
      const modifier = headWords.slice(1, -1).join(' ');
      return { type: 'anaphor', noun, ...(modifier ? { modifier } : {}) };
    }
  }

  // "Cuba’s leader", "Ostmark's president": a country's office names one person.
  const last = headWords[headWords.length - 1] as string;
  if (LEADER_NOUNS.has(last) && mentionsIn.length > 0 && headWords.length <= 4) {
    const country = mentionsIn.find((m) => tokenIndex(m.start) < head);
    const kind = country ? lookup.get(country.actorId)?.kind : undefined;
    if (country && (kind === 'country' || kind === 'government')) {
      return { type: 'anaphor', noun: last, modifier: lookup.get(country.actorId)?.name ?? '' };
    }
  }

  // Unnamed people: "a senior U.S. official", "sources", "multiple Cuban and American officials".
  const personAt = headWords.findIndex((w) => PERSON_NOUNS.has(w));
  if (personAt >= 0) {
    let a = start;
    while (a < start + personAt && (DETERMINERS.has(view.word(a)) || QUANTIFIERS.has(view.word(a))))
      a++;
    let label = view.slice(view.tokens[a]!.start, view.tokens[start + personAt]!.end);
    // "Officials said" opening a sentence: the label is a common noun phrase.
    if (COMMON_OPENERS.has(label.split(/\s+/)[0]!.toLowerCase()))
      label = label[0]!.toLowerCase() + label.slice(1);
    const plural = /s$/.test(headWords[personAt] as string) || headWords[personAt] === 'people';
    return { type: 'unnamed', label: `unnamed ${label}`, plural };
  }
  return null;
}
