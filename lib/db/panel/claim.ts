import { foldKey } from '../../match/fold';
import type { Stance } from '../../model';
import { isStopWord } from '../../search/tokens';
import type { ActorRow, BackstoryDB, ClaimRow, StatementRow } from '../database';
import {
  byTime,
  countBeyond,
  type EventInfo,
  type LinkedStatement,
  Resolver,
  type Speaker,
} from './resolve';
import { sharedHistory } from './timeline';

/**
 * The claim view, read in two parts like the actor view: the head (the claim and the statements
 * that state, deny, qualify or support it) and the context (the actors it names, and their
 * shared history).
 */
export const CLAIM_LIMITS = {
  /** Statements per stance on the first screen; more are read on request. */
  perStance: 8,
  history: 30,
} as const;

export const STANCES: Stance[] = ['states', 'denies', 'qualifies', 'supports'];

export interface ClaimHead {
  claim: ClaimRow;
  claimant?: ActorRow;
  /** The earliest statement that states the claim. */
  first?: LinkedStatement;
  /** Per stance, the linked statements in time order (undated last), and how many there are. */
  groups: Record<Stance, { items: LinkedStatement[]; count: number }>;
}

export interface ClaimContext {
  /** Actors the claim's own words name ("the United States", "Cuba's government"). */
  named: ActorRow[];
  /** Background history for the actors the claim names (or its claimant). */
  history: { actors: ActorRow[]; events: EventInfo[]; more: boolean };
}

export type ClaimPanelData = ClaimHead &
  ClaimContext & {
    /** Of the claimant and the actors the claim names, those with no statement linked to it. */
    notOnRecord: ActorRow[];
  };

/** The claim and who stated, denied, qualified or supported it: the first screen. */
export async function claimHead(
  db: BackstoryDB,
  claimId: string,
  opts: { perStance?: number } = {},
): Promise<ClaimHead | null> {
  const perStance = opts.perStance ?? CLAIM_LIMITS.perStance;
  return db.transaction(
    'r',
    [db.actors, db.statements, db.claims, db.links, db.sources],
    async () => {
      // The links need only the claim's id: they are read alongside the claim itself.
      const [claim, byStance] = await Promise.all([
        db.claims.get(claimId),
        Promise.all(
          STANCES.map((stance) =>
            db.links.where('[claimId+stance]').equals([claimId, stance]).limit(perStance).toArray(),
          ),
        ),
      ]);
      if (!claim) return null;
      // Each stance counted (only a full read again), side by side with reading the statements.
      const links = byStance.flat();
      const [counts, rows, claimant] = await Promise.all([
        Promise.all(
          STANCES.map((stance, i) =>
            countBeyond(
              byStance[i]?.length ?? 0,
              perStance,
              db.links.where('[claimId+stance]').equals([claimId, stance]),
            ),
          ),
        ),
        links.length
          ? db.statements
              .bulkGet(links.map((l) => l.statementId))
              .then((found) => found.filter((s): s is StatementRow => s !== undefined))
          : [],
        db.actors.get(claim.claimantId),
      ]);
      const resolver = await new Resolver(db).load(rows, [], claimant ? [claimant] : []);
      const byId = new Map(rows.map((s) => [s.id, s]));
      const groups = {} as ClaimHead['groups'];
      STANCES.forEach((stance, i) => {
        const items: LinkedStatement[] = [];
        for (const link of byStance[i] ?? []) {
          const s = byId.get(link.statementId);
          if (s) {
            items.push({
              ...resolver.statement(s),
              stance,
              origin: link.origin,
              confidence: link.confidence,
            });
          }
        }
        groups[stance] = { items: items.sort(byTime), count: counts[i] ?? items.length };
      });
      const head: ClaimHead = { claim, groups };
      if (claimant) head.claimant = claimant;
      const first = groups.states.items[0];
      if (first) head.first = first;
      return head;
    },
  );
}

/** Stop words that begin names ("The Hague", "de Cossío", "La Habana"). */
const NAME_PARTICLES = new Set(['the', 'de', 'del', 'el', 'la', 'las', 'lo', 'los']);

/**
 * Candidate alias keys in a line of text: every run of 1–5 words, with possessives dropped; each
 * key is one index lookup, so runs that cannot be a name are left out. A run stops at punctuation
 * that ends a clause (no name reads across "Cuba, Venezuela"); a run of several words neither
 * ends on a stop word nor starts on one other than a particle ("of America", "United States
 * of"); a stop word alone is looked up only when it is written with a capital ("WHO", "US"), as
 * an alias that is a common word only matches in its own case. In a text that writes names with
 * capitals, a run of words all in lower case ("international law") is not a name; a text with no
 * capital at all (or in a script without case) is read whole.
 */
export function phraseKeys(text: string): string[] {
  const words: {
    word: string;
    stop: boolean;
    endsClause: boolean;
    capital: boolean;
    lower: boolean;
  }[] = [];
  let anyCapital = false;
  for (const token of text.split(/\s+/)) {
    const capital = CAPITAL.test(token);
    anyCapital ||= capital;
    for (const raw of foldKey(token).split(' ')) {
      const word = raw.replace(/^[("'[]+|[)"'\].,;:!?]+$/g, '');
      if (word.length === 0) continue;
      words.push({
        word,
        stop: isStopWord(word.endsWith("'s") ? word.slice(0, -2) : word),
        endsClause: /[.,;:!?)\]]["')\]]*$/.test(raw),
        capital,
        lower: !capital && LOWER.test(word),
      });
    }
  }
  const keys = new Set<string>();
  const add = (phrase: string) => {
    keys.add(phrase);
    if (phrase.endsWith("'s")) keys.add(phrase.slice(0, -2));
  };
  for (let i = 0; i < words.length; i++) {
    const first = words[i] as (typeof words)[number];
    let named = !(anyCapital && first.lower);
    if (named && (!first.stop || first.capital)) add(first.word);
    if (first.stop && !NAME_PARTICLES.has(first.word)) continue;
    let phrase = first.word;
    for (let n = 2; n <= 5 && i + n <= words.length && !words[i + n - 2]?.endsClause; n++) {
      const next = words[i + n - 1] as (typeof words)[number];
      phrase = `${phrase} ${next.word}`;
      named ||= !(anyCapital && next.lower);
      if (named && !next.stop) add(phrase);
    }
  }
  return [...keys];
}

const CAPITAL = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;

function wordIndex(haystack: string, needle: string): number {
  let from = 0;
  while (needle.length > 0) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return -1;
    const before = haystack[i - 1];
    const after = haystack[i + needle.length];
    const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
    if (boundary(before) && boundary(after)) return i;
    from = i + 1;
  }
  return -1;
}

/** At most this many actors are read for the names in one text. */
const NAMED_CAP = 50;

/** The known actors a text names, in the order they first appear. */
export async function actorsNamedIn(db: BackstoryDB, text: string): Promise<ActorRow[]> {
  const keys = phraseKeys(text).sort(); // distinct already
  if (keys.length === 0) return [];
  // One equality read per key, side by side: `anyOf` walks a cursor from key to key, a round
  // trip for each. In key order, as `anyOf` reads them; an actor found by two keys counts once.
  const perKey = await Promise.all(
    keys.map((key) => db.actors.where('_aliasKeys').equals(key).limit(NAMED_CAP).toArray()),
  );
  const byId = new Map<string, ActorRow>();
  for (const row of perKey.flat()) if (!byId.has(row.id)) byId.set(row.id, row);
  const rows = [...byId.values()].slice(0, NAMED_CAP);
  const folded = foldKey(text);
  const found: { actor: ActorRow; at: number }[] = [];
  for (const actor of rows) {
    if (actor.status === 'rejected' || actor.status === 'candidate' || actor.mergedInto) continue;
    // An alias that is also a common word ("US") counts only with the case it is written in.
    const forms = [
      { text: actor.name, caseSensitive: false },
      ...actor.aliases.map((a) => ({ text: a.text, caseSensitive: a.caseSensitive === true })),
    ];
    let at = -1;
    for (const f of forms) {
      const i = f.caseSensitive ? wordIndex(text, f.text) : wordIndex(folded, foldKey(f.text));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ actor, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.actor);
}

/** The actors a claim names and the history they share. */
export async function claimContext(db: BackstoryDB, claimId: string): Promise<ClaimContext> {
  return db.transaction('r', [db.actors, db.claims, db.events, db.sources], async () => {
    const claim = await db.claims.get(claimId);
    if (!claim) return { named: [], history: { actors: [], events: [], more: false } };
    // The claimant is read alongside the names (one row), in case the claim names no one.
    const [named, claimantRow] = await Promise.all([
      actorsNamedIn(db, claim.gist),
      db.actors.get(claim.claimantId),
    ]);
    const claimant = named.length > 0 ? undefined : claimantRow;
    const actors = named.length > 0 ? named : claimant ? [claimant] : [];
    const history = await sharedHistory(
      db,
      actors.map((a) => a.id),
      CLAIM_LIMITS.history,
    );
    const resolver = await new Resolver(db).load([], history.events, actors);
    return {
      named,
      history: { actors, events: history.events.map((e) => resolver.event(e)), more: history.more },
    };
  });
}

/**
 * Whether a speaker is, or speaks for, an actor: the actor itself, or someone whose role names
 * it ("President of the United States" speaks for the United States).
 */
export function speaksFor(speaker: Speaker, actor: ActorRow): boolean {
  if (speaker.id === actor.id) return true;
  if (!speaker.role) return false;
  const role = foldKey(speaker.role);
  return [actor.name, ...actor.aliases.filter((a) => !a.caseSensitive).map((a) => a.text)].some(
    (form) => wordIndex(role, foldKey(form)) >= 0,
  );
}

/** Of the claimant and the actors a claim names, those with no statement on it on record. */
export function notOnRecord(head: ClaimHead, named: ActorRow[]): ActorRow[] {
  const linked = STANCES.flatMap((stance) => head.groups[stance].items);
  const concerned = [...(head.claimant ? [head.claimant] : []), ...named].filter(
    (a, i, all) => all.findIndex((x) => x.id === a.id) === i,
  );
  return concerned.filter((a) => !linked.some((l) => speaksFor(l.speaker, a)));
}

/** The whole claim view in one call (tests and benchmarks; the panel reads the parts). */
export async function claimPanel(
  db: BackstoryDB,
  claimId: string,
  opts: { perStance?: number } = {},
): Promise<ClaimPanelData | null> {
  const [head, context] = await Promise.all([
    claimHead(db, claimId, opts),
    claimContext(db, claimId),
  ]);
  return head ? { ...head, ...context, notOnRecord: notOnRecord(head, context.named) } : null;
}
