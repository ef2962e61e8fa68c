import { foldKey } from '../match/fold';
import type { Stance } from '../model/claim';
import type { ActorLookup } from './known-actors';

/**
 * How a statement bears on the claims Backstory knows: it states the claim (evidence that it was
 * made), or supports, denies or qualifies it, each with a confidence. Decided from key phrases,
 * topic words (talks, negotiations, dialogue and discussions are one topic), negation and hedges,
 * and who is speaking for whom. Backstory records the stance; it never decides who is right.
 */
export interface KnownClaim {
  id: string;
  gist: string;
  claimantId: string;
  keyPhrases?: string[];
  topics?: string[];
}

export interface StanceInput {
  /** The statement's words. */
  words: string;
  /** The sentence it was read in (for who else is named there). */
  sentence: string;
  speakerId?: string;
  /** The verb that introduced it ("deny" for "Cuba had previously denied …"). */
  lemma?: string;
}

export interface StanceLink {
  statement: number;
  claimId: string;
  stance: Stance;
  confidence: number;
}

const TALK =
  /\b(?:talks?|talking|negotiat\w*|dialogues?|dialog|discuss\w*|conversations?|bargaining)\b/;
const CONTACT =
  /\b(?:communicat\w*|messages?|exchanges?|exchanged|contacts?|channels?|backchannel\w*|meetings?)\b/;
const NEGATION = /\b(?:no|not|never|none|nothing|neither|nor|cannot|can not)\b|n't\b/;
const DENIAL_VERB = /\bden(?:y|ied|ies|ial|ying)\b|\brefut\w+|\brejected\b/;
const HEDGE =
  /\b(?:not yet|formal|formally|level of|rise to|amount to|amounted to|as such|table of|can not say|cannot say|limited|so far)\b/;
const CONCESSION = /\b(?:but|although|however|though)\b/;
const EXISTENCE =
  /\b(?:underway|under way|going on|took place|take place|taking place|happening|ongoing|in talks|in communication|in conversation|engag\w* in|held|holding|begun|began|started|have had|has had|had had|are in|is in|exchang\w+|revolved|talking|been talking|negotiating|established|evolved)\b|\b(?:talks|negotiations|discussions) (?:were|are|have been|had been|is|was)\b/;
const READINESS =
  /\b(?:ready|willing|willingness|open to|openness|prepared|eager|impossible|possible|must|only|conditions?|preconditions|under pressure|without pressure)\b/;
const RESTRICTION =
  /\b(?:must|only|impossible|under pressure|without pressure|preconditions|conditions?|not ready|not willing|not for)\b/;
const ABSENCE =
  /\bno\b[^.;]{0,60}\b(?:record|evidence|proof|documentation|confirmation|indication|sign)\b|\bdoes not provide\b/;

const plain = (s: string) =>
  foldKey(s)
    .replace(/["'“”‘’]/g, '')
    .replace(/\s+/g, ' ');

interface ClaimProfile {
  claim: KnownClaim;
  talk: boolean;
  contact: boolean;
  frame: 'existence' | 'readiness' | 'other';
  restrictive: boolean;
  participants: Set<string>;
  keyPhrases: string[];
  topicWords: string[];
}

function profile(claim: KnownClaim, lookup: ActorLookup): ClaimProfile {
  const gist = plain(claim.gist);
  const topics = (claim.topics ?? []).map(plain);
  const all = `${gist} ${topics.join(' ')}`;
  const readiness = /\b(?:willing|ready|open to|prepared|will only|will not|won't|refuses?)\b/.test(
    gist,
  );
  const existence =
    /\b(?:is|are|was|were|has|have|had)\b.*\b(?:in talks|talks|negotiat\w*|dialogue|messages|exchanged|held)\b/.test(
      gist,
    ) || /\bin (?:high-level )?talks\b/.test(gist);
  const participants = new Set(lookup.find(claim.gist).flatMap((h) => h.ids));
  participants.add(claim.claimantId);
  return {
    claim,
    talk: TALK.test(all),
    contact: CONTACT.test(all),
    frame: readiness ? 'readiness' : existence ? 'existence' : 'other',
    restrictive: /\b(?:only|not|without|never|no)\b/.test(gist),
    participants,
    keyPhrases: (claim.keyPhrases ?? []).map(plain).filter((k) => k.length >= 4),
    topicWords: topics.filter((t) => t.length >= 4),
  };
}

/** Countries an actor speaks for: from its roles and its titles ("Cuba’s deputy foreign minister"). */
/** Per lookup: its countries, and the affiliations already worked out (a lookup does not change). */
const memo = new WeakMap<
  ActorLookup,
  { countries: { id: string; name: string }[]; byActor: Map<string, Set<string>> }
>();

function memoOf(lookup: ActorLookup) {
  let m = memo.get(lookup);
  if (!m) {
    const countries = [...lookup.all()]
      .filter((a) => a.kind === 'country' || a.kind === 'government')
      .map((a) => ({ id: a.id, name: plain(a.name) }));
    m = { countries, byActor: new Map() };
    memo.set(lookup, m);
  }
  return m;
}

export function affiliations(actorId: string, lookup: ActorLookup): Set<string> {
  const m = memoOf(lookup);
  const cached = m.byActor.get(actorId);
  if (cached) return cached;
  const actor = lookup.get(actorId);
  const out = new Set<string>();
  m.byActor.set(actorId, out);
  if (!actor) return out;
  const texts = [
    ...(actor.roles ?? []).flatMap((r) => [r.title, r.of ?? '']),
    ...actor.aliases.filter((a) => a.kind === 'title').map((a) => a.text),
  ].filter(Boolean);
  for (const t of texts) {
    for (const hit of lookup.find(t)) {
      for (const id of hit.ids)
        if (lookup.get(id)?.kind === 'country' || lookup.get(id)?.kind === 'government')
          out.add(id);
    }
    const words = plain(t).split(/[\s-]+/);
    for (const c of m.countries) {
      const stem = c.name.length > 5 ? c.name.slice(0, -1) : c.name;
      if (!c.name.includes(' ') && words.some((w) => w.startsWith(stem) && w !== c.name))
        out.add(c.id);
    }
  }
  return out;
}

/** Whether the speaker speaks for the claimant: the same actor, its official, its administration. */
export function speaksFor(
  speakerId: string | undefined,
  claimantId: string,
  lookup: ActorLookup,
): boolean {
  if (!speakerId) return false;
  if (speakerId === claimantId) return true;
  if (affiliations(speakerId, lookup).has(claimantId)) return true;
  const a = lookup.get(speakerId);
  const b = lookup.get(claimantId);
  if (!a || !b) return false;
  // "Trump administration" and "Donald Trump".
  const person = a.kind === 'person' ? a : b.kind === 'person' ? b : undefined;
  const org = person === a ? b : a;
  if (!person || org.kind === 'person' || org.kind === 'country') return false;
  const surname = plain(person.name).split(' ').at(-1) ?? '';
  return surname.length > 2 && plain(org.name).split(' ').includes(surname);
}

/**
 * Links each statement to the claims it bears on. `articleText` decides which claims the article
 * is about (a claim stated in it, or whose key phrases occur in it).
 */
export function linkStatements(
  statements: readonly StanceInput[],
  claims: readonly KnownClaim[],
  lookup: ActorLookup,
  articleText: string,
): StanceLink[] {
  const profiles = claims.map((c) => profile(c, lookup));
  const article = plain(articleText);
  const links: StanceLink[] = [];
  const states = new Map<number, Set<string>>();

  // 1. Evidence: the claimant (or someone speaking for it) saying it.
  statements.forEach((s, i) => {
    const words = plain(s.words);
    for (const p of profiles) {
      if (!speaksFor(s.speakerId, p.claim.claimantId, lookup)) continue;
      const key = p.keyPhrases.some((k) => words.includes(k));
      const topical = topicalMatch(p, words);
      if (!key && !topical) continue;
      links.push({
        statement: i,
        claimId: p.claim.id,
        stance: 'states',
        confidence: key ? 0.9 : 0.6,
      });
      if (!states.has(i)) states.set(i, new Set());
      states.get(i)!.add(p.claim.id);
    }
  });
  const stated = new Set(links.map((l) => l.claimId));
  const present = (p: ClaimProfile) =>
    stated.has(p.claim.id) || p.keyPhrases.some((k) => article.includes(k));

  statements.forEach((s, i) => {
    const words = plain(s.words);
    const own = states.get(i) ?? new Set<string>();
    // 2. A statement of a condition ("only without pressure") qualifies the same side's offer.
    for (const r of profiles) {
      if (!own.has(r.claim.id) || r.frame !== 'readiness' || !r.restrictive) continue;
      for (const a of profiles) {
        if (a === r || own.has(a.claim.id) || a.frame !== 'readiness' || a.restrictive) continue;
        if (!(a.talk && r.talk)) continue;
        if (!speaksFor(s.speakerId, a.claim.claimantId, lookup)) continue;
        if (!links.some((l) => l.statement === i && l.claimId === a.claim.id))
          links.push({ statement: i, claimId: a.claim.id, stance: 'qualifies', confidence: 0.6 });
      }
    }
    if (ABSENCE.test(words)) return;
    // 3. Others' stance towards a claim.
    for (const p of profiles) {
      if (own.has(p.claim.id) || speaksFor(s.speakerId, p.claim.claimantId, lookup)) continue;
      if (links.some((l) => l.statement === i && l.claimId === p.claim.id)) continue;
      const stance = stanceOf(p, words, s.lemma);
      if (!stance) continue;
      if (stance.stance !== 'denies' && !present(p)) continue;
      if (stance.stance === 'denies' && !present(p) && !participantsIn(p, s, s.sentence, lookup))
        continue;
      links.push({ statement: i, claimId: p.claim.id, ...stance });
    }
  });
  return links;
}

function topicalMatch(p: ClaimProfile, words: string): boolean {
  if (p.frame === 'other') return p.topicWords.filter((t) => words.includes(t)).length >= 2;
  const talk = TALK.test(words);
  const contact = CONTACT.test(words);
  if (!(p.talk && talk) && !(p.contact && contact)) return false;
  if (p.frame === 'readiness') {
    if (!READINESS.test(words)) return false;
    return p.restrictive === RESTRICTION.test(words);
  }
  if (!EXISTENCE.test(words)) return false;
  return p.restrictive === NEGATION.test(words);
}

function stanceOf(
  p: ClaimProfile,
  words: string,
  lemma: string | undefined,
): { stance: Stance; confidence: number } | null {
  const talk = TALK.test(words);
  const contact = CONTACT.test(words);
  const negated = NEGATION.test(words);
  const denialVerb = lemma === 'deny' || DENIAL_VERB.test(words);
  const readiness = /\b(?:ready|willing|willingness|open to|openness|prepared|eager)\b/.test(words);
  if (p.frame === 'existence' && !p.restrictive && p.talk && !readiness) {
    if (talk && denialVerb) return { stance: 'denies', confidence: 0.85 };
    if (talk && negated) {
      if (HEDGE.test(words) || (CONCESSION.test(words) && contact))
        return { stance: 'qualifies', confidence: 0.6 };
      if (
        EXISTENCE.test(words) ||
        /\bno (?:such )?(?:[\w-]+ )?(?:talks|negotiations|discussions|dialogue)\b/.test(words)
      )
        return { stance: 'denies', confidence: 0.75 };
      return null;
    }
    if (contact && !negated && EXISTENCE.test(words))
      return { stance: 'qualifies', confidence: 0.55 };
    if (talk && !negated && EXISTENCE.test(words)) return { stance: 'supports', confidence: 0.55 };
    return null;
  }
  if (p.frame === 'readiness' && !p.restrictive && p.talk && talk) {
    if (RESTRICTION.test(words)) return { stance: 'qualifies', confidence: 0.55 };
    if (negated && READINESS.test(words)) return { stance: 'denies', confidence: 0.6 };
    if (READINESS.test(words)) return { stance: 'supports', confidence: 0.55 };
    return null;
  }
  if (p.keyPhrases.some((k) => words.includes(k))) {
    return negated || denialVerb
      ? { stance: 'denies', confidence: 0.5 }
      : { stance: 'supports', confidence: 0.6 };
  }
  return null;
}

/** The statement's sentence names the claim's other party, and the speaker is on one side. */
function participantsIn(
  p: ClaimProfile,
  s: StanceInput,
  sentence: string,
  lookup: ActorLookup,
): boolean {
  const speakerSide = s.speakerId
    ? new Set([s.speakerId, ...affiliations(s.speakerId, lookup)])
    : new Set<string>();
  const named = new Set(lookup.find(sentence).flatMap((h) => h.ids));
  const sides = [...p.participants].filter((id) => id !== p.claim.claimantId);
  return (
    sides.some((id) => speakerSide.has(id) || named.has(id)) &&
    sides.length > 0 &&
    [...p.participants].some((id) => named.has(id) && !speakerSide.has(id))
  );
}
