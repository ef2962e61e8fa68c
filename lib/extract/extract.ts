import type { ActorKind } from '../model/actor';
import type { PartialDate } from '../model/partial-date';
import type { TextQuoteSelector } from '../model/selectors';
import { type CandidateActor, combineLookups, findCandidates } from './candidates';
import { findDateMentions, knownYearsOf } from './dates';
import { type ArticleDoc, buildDoc, type DocInput } from './document';
import { type FoundEvent, findEvents } from './events';
import type { Speaker } from './focus';
import { type ActorLookup, createAliasLookup } from './known-actors';
import { findMentions, type Mention } from './mentions';
import { type KnownClaim, linkStatements, type StanceLink } from './stance';
import { type FoundStatement, findStatements } from './statements';

/**
 * The extraction pipeline: an article's text (and what its page said about it) in; actors,
 * statements with speakers, stance links to known claims, dated events and candidate actors out.
 * Pure: no DOM, no database, the same in the browser and in Node.
 */
export interface ExtractOptions {
  /** The actors Backstory knows (the starter pack, or the database). */
  lookup: ActorLookup;
  /** The claims Backstory knows, for stance. */
  claims: readonly KnownClaim[];
  /** Propose new actors (default true). */
  candidates?: boolean;
}

export interface ExtractedActor {
  id: string;
  name: string;
  kind: ActorKind;
  candidate: boolean;
  /** Distinct surface forms as written, in order of first appearance. */
  mentions: string[];
}

export interface ExtractedStatement extends FoundStatement {
  /** The passage as it stands in the text (a continued quote runs across its paragraphs). */
  text: string;
  /** The words alone: the pieces of a continued quote joined by a space. */
  words: string;
  /** The passage, to find it again and to link to it with a text fragment. */
  selector: TextQuoteSelector;
}

export interface Extraction {
  source: { title?: string; outlet?: string; author?: string; published?: PartialDate };
  actors: ExtractedActor[];
  candidates: CandidateActor[];
  mentions: Mention[];
  statements: ExtractedStatement[];
  links: StanceLink[];
  events: FoundEvent[];
  /** The analysed text (line breaks normalised), for offsets. */
  text: string;
}

const CONTEXT = 32;

function selectorOf(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

const sameSpeaker = (a: Speaker, b: Speaker) =>
  'actorId' in a && 'actorId' in b
    ? a.actorId === b.actorId
    : 'label' in a && 'label' in b && a.label === b.label;

/**
 * A statement that names neither how nor when it was said continues the same speaker's last
 * communication in the article ("went on", "added", the same interview).
 */
function inheritOccasion(statements: FoundStatement[]) {
  statements.forEach((s, i) => {
    const before = statements
      .slice(0, i)
      .reverse()
      .filter((p) => sameSpeaker(p.speaker, s.speaker));
    if (!s.said) {
      const p = before.find((x) => x.said && (!x.medium || !s.medium || x.medium === s.medium));
      if (p?.said) s.said = p.said;
    }
    if (!s.medium) {
      const p = before.find((x) => x.medium && (!x.said || !s.said || x.said === s.said));
      if (p?.medium) s.medium = p.medium;
    }
  });
}

export function extractArticle(input: DocInput, options: ExtractOptions): Extraction {
  const doc: ArticleDoc = buildDoc(input);
  const known = options.lookup;
  const knownHits = known.find(doc.text);
  const candidates = options.candidates === false ? [] : findCandidates(doc, knownHits);
  const lookup =
    candidates.length > 0 ? combineLookups(known, createAliasLookup(candidates)) : known;
  const mentions = findMentions(doc, lookup);
  const dates = findDateMentions(doc.text);
  const dateContext = {
    ...(doc.meta.published ? { reference: doc.meta.published } : {}),
    knownYears: knownYearsOf(dates),
  };
  const found = findStatements({ doc, lookup, mentions, dates, dateContext });
  inheritOccasion(found);
  const statements: ExtractedStatement[] = found.map((s) => ({
    ...s,
    text: doc.text.slice(s.start, s.end),
    words: s.pieces
      ? s.pieces.map(([a, b]) => doc.text.slice(a, b)).join(' ')
      : doc.text.slice(s.start, s.end),
    selector: selectorOf(doc.text, s.pieces?.[0]?.[0] ?? s.start, s.pieces?.[0]?.[1] ?? s.end),
  }));
  const sentenceText = (i: number) => {
    const s = doc.sentences[i];
    return s ? doc.text.slice(s.start, s.end) : '';
  };
  const links = linkStatements(
    statements.map((s) => ({
      words: s.words,
      sentence: sentenceText(s.sentence),
      ...('actorId' in s.speaker ? { speakerId: s.speaker.actorId } : {}),
      ...(s.lemma ? { lemma: s.lemma } : {}),
    })),
    options.claims,
    lookup,
    doc.text,
  );
  const statementDates = new Map<number, PartialDate>();
  const statementDateOffsets = new Set<number>();
  for (const s of statements) {
    if (s.said && !statementDates.has(s.sentence)) statementDates.set(s.sentence, s.said);
    if (s.saidAt !== undefined) statementDateOffsets.add(s.saidAt);
  }
  const events = findEvents({
    doc,
    lookup,
    mentions,
    dates,
    dateContext,
    statementDates,
    statementDateOffsets,
  });

  const actors = new Map<string, ExtractedActor>();
  for (const m of mentions) {
    const actor = lookup.get(m.actorId);
    if (!actor) continue;
    let row = actors.get(actor.id);
    if (!row) {
      row = {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        candidate: actor.candidate === true,
        mentions: [],
      };
      actors.set(actor.id, row);
    }
    const surface = doc.text.slice(m.start, m.end);
    if (!row.mentions.includes(surface)) row.mentions.push(surface);
  }
  // New names, and names proposed before that the article mentions again (still candidates).
  const usedCandidates: CandidateActor[] = candidates.filter((c) => actors.has(c.id));
  for (const a of actors.values()) {
    const known_ = known.get(a.id);
    if (a.candidate && known_ && !usedCandidates.some((c) => c.id === a.id)) {
      usedCandidates.push({ ...known_, candidate: true, evidence: 'seen' });
    }
  }
  const source: Extraction['source'] = {};
  if (doc.meta.title) source.title = doc.meta.title;
  if (doc.meta.outlet) source.outlet = doc.meta.outlet;
  if (doc.meta.author) source.author = doc.meta.author;
  if (doc.meta.published) source.published = doc.meta.published;
  return {
    source,
    actors: [...actors.values()],
    candidates: usedCandidates,
    mentions,
    statements,
    links,
    events,
    text: doc.text,
  };
}
