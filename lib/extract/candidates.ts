import { foldKey } from '../match/fold';
import type { ActorKind } from '../model/actor';
import { type ArticleDoc, isProse } from './document';
import type { ActorHit, ActorLookup, KnownActor } from './known-actors';
import { speechLemma, TITLES } from './lexicon';
import { tokenize } from './tokens';

/**
 * New actors an article introduces: people named with a title ("Foreign Minister Jane Roe"),
 * names that speak ("Jane Roe said", "according to Jane Roe"), and outlets that are told or cited
 * ("told the Harbour Ledger"). They are proposed, never trusted: the user confirms, merges or
 * rejects them.
 */
export interface CandidateActor extends KnownActor {
  candidate: true;
  /** Why it was proposed (`seen`: proposed before, by this article or another, and named again). */
  evidence: 'title' | 'speaks' | 'cited' | 'seen';
}

const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'la',
  'da',
  'dos',
  'das',
  'do',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'al',
  'el',
  'le',
  'du',
  'di',
  'y',
]);
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'But',
  'And',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'This',
  'That',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'President',
  'Secretary',
  'Minister',
  'Officials',
  'Sources',
]);
const ORG_WORDS =
  /\b(?:Ministry|Party|Council|Institute|University|Agency|Department|Bank|Committee|Association|Union|Office|Foundation|Center|Centre|Group|Corporation|Company|Inc|Corp|Commission|Court|Army|Forces|Police|Government|Parliament|Congress|Senate|Assembly|Federation|Organization|Organisation)\b/;
const OUTLET_WORDS =
  /\b(?:News|Times|Post|Journal|Ledger|Wire|Review|Herald|Tribune|Press|Gazette|Telegraph|Guardian|Daily|Weekly|Radio|TV|Television|Network|Broadcasting|Media|Magazine|Chronicle|Observer|Courier|Dispatch|Monitor|Report|Reporter)\b/;

const ROLE_PREFIX =
  /^(?:Economist|Analyst|Professor|Historian|Researcher|Lawyer|Attorney|Spokesperson|Spokesman|Spokeswoman|Activist|Author|Journalist|Reporter|Engineer|Farmer|Officer|Official|Diplomat|Senator|Minister|Director|Chairman|Chairwoman|Chief|Leader|Mayor|Governor|President|Secretary|General)\s+/;

const NOT_ACTORS =
  /\b(?:Act|Law|Bill|Treaty|Accord|Accords|Agreement|Resolution|Plan|Program|Programme|Operation|Crisis|War|Revolution|Summit|Conference|Strait|Straits|Sea|River|Island|Islands|Street|Avenue|Square|Airport|Port|Bay|Day|Week)$/;

const isNameWord = (w: string) =>
  /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) && !/^\p{Lu}{2,}$/u.test(w) && !NOT_NAMES.has(w);
const isAcronym = (w: string) => /^\p{Lu}{2,6}$/u.test(w);

function kindOf(name: string, cited: boolean): ActorKind {
  if (OUTLET_WORDS.test(name) || (cited && isAcronym(name))) return 'outlet';
  if (ORG_WORDS.test(name)) return 'organization';
  return 'person';
}

export const candidateId = (name: string) =>
  `learned/actor/${foldKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** Finds candidate actors in the prose of an article, leaving out anything `known` already names. */
export function findCandidates(doc: ArticleDoc, known: readonly ActorHit[]): CandidateActor[] {
  const { text } = doc;
  const byName = new Map<string, CandidateActor>();
  const overlapsKnown = (a: number, b: number) => known.some((k) => a < k.end && k.start < b);
  const propose = (name: string, evidence: CandidateActor['evidence'], cited = false) => {
    // "Economist Lena Aurel": a role before the name is not part of it.
    let clean = name
      .replace(/['’]s$/, '')
      .replace(ROLE_PREFIX, '')
      .trim();
    // "Ms. Hal": the person the article named in full before ("Irena Hal").
    const honorific = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(\S+)$/.exec(clean);
    if (honorific?.[1]) {
      const full = new RegExp(
        `\\b(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)*\\s+${honorific[1]})\\b`,
        'u',
      ).exec(text);
      if (!full?.[1] || /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\b/.test(full[1])) return;
      clean = full[1];
    }
    const words = clean.split(/\s+/);
    if (words.length === 0 || words.length > 6) return;
    // Laws, events and places are not speakers: "the Helms-Burton Act wrote the embargo into law".
    if (NOT_ACTORS.test(clean)) return;
    const kind = kindOf(clean, cited);
    if (kind === 'person' && (words.length < 2 || words.length > 4)) return;
    const id = candidateId(clean);
    const existing = byName.get(id);
    if (existing) return;
    const aliases: KnownActor['aliases'] = [];
    const surname = words.at(-1);
    if (kind === 'person' && surname && surname.length > 2)
      aliases.push({ text: surname, kind: 'short', caseSensitive: true });
    byName.set(id, { id, name: clean, kind, aliases, candidate: true, evidence });
  };

  for (const s of doc.sentences) {
    if (!isProse(doc, s) || doc.paragraphs[s.paragraph]?.kind !== 'body') continue;
    const tokens = tokenize(text, s.start, s.end);
    // Runs of capitalised words (with name particles inside): the possible names.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isNameWord(t.text) && !(isAcronym(t.text) && t.text.length <= 6)) continue;
      let j = i;
      while (j + 1 < tokens.length) {
        const n1 = tokens[j + 1]!.text;
        if (isNameWord(n1)) j++;
        else if (PARTICLES.has(n1) && isNameWord(tokens[j + 2]?.text ?? '')) j++;
        // "Farmers' Union": a plural possessive inside a name.
        else if (
          /^['’]$/.test(n1) &&
          tokens[j + 1]!.start === tokens[j]!.end &&
          isNameWord(tokens[j + 2]?.text ?? '')
        )
          j += 2;
        else break;
      }
      const start = t.start;
      const end = tokens[j]!.end;
      const name = text.slice(start, end);
      const next = i;
      i = j;
      if (overlapsKnown(start, end)) continue;
      const before = text.slice(Math.max(s.start, start - 40), start);
      let after = tokenize(text, end, Math.min(s.end, end + 200));
      // "Paul Mendes, who leads the farmers' union, said …": one appositive may come between.
      if (after[0]?.text === ',' && !speechLemma(after[1]?.text ?? '', after[2]?.text)) {
        const close = after.findIndex((a, k) => k > 0 && a.text === ',');
        after = close > 0 && close <= 14 ? after.slice(close + 1) : [];
      } else if (after[0]?.text === ',') {
        // "A spokesperson for the agency, Mirela Costa, said …": the name closes an apposition.
        after = after.slice(1);
      }
      const verbAfter = after
        .slice(0, 2)
        .some((a, k) => speechLemma(a.text, after[k + 1]?.text) !== undefined);
      // Title + name: "Foreign Minister Jane Roe", "Gen. John Doe".
      const title = TITLES.some((x) => before.endsWith(`${x} `));
      if (title && isNameWord(tokens[next]!.text)) {
        propose(name, 'title');
        continue;
      }
      // Outlets that are told or cited.
      if (
        /\b(?:told|tells|according to|report(?:ed)? by|reported in|report from|in an interview with|spoke to|speaking to)\s+(?:the\s+|a report (?:by|from|in)\s+(?:the\s+)?)?$/.test(
          before,
        )
      ) {
        if (OUTLET_WORDS.test(name) || isAcronym(name)) {
          propose(name, 'cited', true);
          continue;
        }
        if (/according to\s+$/.test(before)) propose(name, 'speaks');
        continue;
      }
      // Names that speak: "Jane Roe said", ", Jane Roe told reporters".
      if (verbAfter && !isAcronym(name)) propose(name, 'speaks');
    }
  }
  return [...byName.values()];
}

/** A lookup that finds what either of two lookups finds, longest first where they overlap. */
export function combineLookups(first: ActorLookup, second: ActorLookup): ActorLookup {
  return {
    get: (id) => first.get(id) ?? second.get(id),
    *all() {
      yield* first.all();
      yield* second.all();
    },
    find(text) {
      const hits = [...first.find(text), ...second.find(text)].sort(
        (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
      );
      const taken: ActorHit[] = [];
      for (const h of hits)
        if (!taken.some((t) => h.start < t.end && t.start < h.end)) taken.push(h);
      return taken.sort((a, b) => a.start - b.start);
    },
  };
}
