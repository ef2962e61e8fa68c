import Dexie from 'dexie';
import type { Stance } from '../../model';
import type { ActorRow, BackstoryDB, ClaimRow, LinkRow, StatementRow } from '../database';
import {
  byTime,
  COUNT_CAP,
  cappedCount,
  countBeyond,
  type EventInfo,
  type OtherStance,
  Resolver,
  type StatementInfo,
} from './resolve';
import { actorEventRange, actorEvents } from './timeline';

/**
 * The actor view is read in three parts, so its first screen does not wait for the rest: the
 * head (who this is, their newest statements), then side by side the details (their claims and
 * how others answered them, their positions, the denials) and their history (the most recent
 * events). Each part is one read transaction of indexed, limited reads, and each section shows
 * as soon as its own part is read.
 */
export const ACTOR_LIMITS = {
  /** Statements on the first screen; more are read page by page. */
  statements: 10,
  claims: 10,
  /** Denials of their claims listed, taken in turn from each claim (a sample; each claim's view
   * lists all of its own). */
  denials: 6,
  events: 12,
} as const;

export interface ActorHead {
  actor: ActorRow;
  /** The actor this one was merged into, if any. */
  mergedInto?: ActorRow;
  /** Newest first, undated last. */
  statements: StatementInfo[];
  /** There are more statements than these. */
  more: boolean;
  /** How many statements they have, capped (formatCount). */
  statementCount: number;
}

export interface ClaimSummary {
  claim: ClaimRow;
  counts: Record<OtherStance, number>;
  /** A stance has more than COUNT_CAP links: the counts are lower bounds. */
  partial: boolean;
}

/** A claim a statement answers, shown on the statement. */
export interface StatementRelation {
  stance: Stance;
  claimId: string;
  gist: string;
}

export interface Position {
  claim: ClaimRow;
  stances: OtherStance[];
  /** In how many of the statements read. */
  count: number;
}

/** Counts are capped: above COUNT_CAP they read as "100+" (formatCount). */
export interface ActorDetails {
  /** Their claims, the most answered first. */
  claimsMade: ClaimSummary[];
  /** How many claims they put forward (more than `claimsMade` shows when there are many). */
  claimCount: number;
  /** Their stances on claims, in the statements read, denials first. */
  positions: Position[];
  /** For each statement read, the claims it answers. */
  relations: Record<string, StatementRelation[]>;
  /** Statements of others denying this actor's claims. */
  deniedBy: { claim: ClaimRow; statement: StatementInfo }[];
}

/** The most recent events involving the actor, oldest first. */
export interface ActorHistory {
  events: EventInfo[];
  eventCount: number;
}

export type ActorPanelData = ActorHead & ActorDetails & ActorHistory;

const speakerRange = (db: BackstoryDB, actorId: string) =>
  db.statements
    .where('[speakerId+_saidKey]')
    .between([actorId, Dexie.minKey], [actorId, Dexie.maxKey]);

/** Who the actor is and their newest statements: the first screen of the actor view. */
export async function actorHead(
  db: BackstoryDB,
  actorId: string,
  opts: { statements?: number } = {},
): Promise<ActorHead | null> {
  const limit = opts.statements ?? ACTOR_LIMITS.statements;
  return db.transaction('r', [db.actors, db.statements, db.sources], async () => {
    const actor = await db.actors.get(actorId);
    if (!actor) return null;
    const [rows, mergedInto] = await Promise.all([
      speakerRange(db, actorId)
        .reverse()
        .limit(limit + 1)
        .toArray(),
      actor.mergedInto ? db.actors.get(actor.mergedInto) : undefined,
    ]);
    const shown = rows.slice(0, limit);
    const more = rows.length > limit;
    // Counted (only when there are more than are shown) alongside reading their speakers.
    const [resolver, statementCount] = await Promise.all([
      new Resolver(db).load(shown, [], [actor]),
      countBeyond(rows.length, limit + 1, speakerRange(db, actorId)),
    ]);
    const head: ActorHead = {
      actor,
      statements: shown.map((s) => resolver.statement(s)),
      more,
      statementCount,
    };
    if (mergedInto) head.mergedInto = mergedInto;
    return head;
  });
}

/** A claim's links' keys by stance, up to COUNT_CAP + 1 of each. */
type Answers = Record<OtherStance, string[]>;

const NO_ANSWERS: Answers = { denies: [], qualifies: [], supports: [] };

/** A claim's answers counted from its link keys, capped. */
function tally(answers: Answers): Pick<ClaimSummary, 'counts' | 'partial'> {
  const count = (stance: OtherStance) => Math.min(answers[stance].length, COUNT_CAP);
  return {
    counts: { denies: count('denies'), qualifies: count('qualifies'), supports: count('supports') },
    partial: STANCE_ORDER.some((stance) => answers[stance].length > COUNT_CAP),
  };
}

const responses = (c: Record<OtherStance, number>) => c.denies + c.qualifies + c.supports;
const STANCE_ORDER: OtherStance[] = ['denies', 'qualifies', 'supports'];

function positionsOf(links: LinkRow[], claims: Map<string, ClaimRow>): Position[] {
  const byClaim = new Map<string, Position>();
  for (const l of links) {
    const claim = claims.get(l.claimId);
    if (!claim || l.stance === 'states') continue;
    const entry = byClaim.get(claim.id) ?? { claim, stances: [], count: 0 };
    if (!entry.stances.includes(l.stance)) entry.stances.push(l.stance);
    entry.count += 1;
    byClaim.set(claim.id, entry);
  }
  const rank = (p: Position) => Math.min(...p.stances.map((s) => STANCE_ORDER.indexOf(s)));
  for (const p of byClaim.values()) {
    p.stances.sort((a, b) => STANCE_ORDER.indexOf(a) - STANCE_ORDER.indexOf(b));
  }
  return [...byClaim.values()].sort((a, b) => rank(a) - rank(b));
}

/**
 * The actor's claims and positions: for the `statements` newest statements (those on screen) the
 * claims they answer; the claims the actor made, how others answered them and who denied them.
 */
export async function actorDetails(
  db: BackstoryDB,
  actorId: string,
  opts: { statements?: number } = {},
): Promise<ActorDetails> {
  const L = ACTOR_LIMITS;
  const shown = opts.statements ?? L.statements;
  return db.transaction(
    'r',
    [db.actors, db.statements, db.claims, db.links, db.sources],
    async () => {
      // Every read starts as soon as what it needs has arrived (no waiting for a whole round),
      // so the view's time is its longest chain of dependent reads, not the sum of rounds. The
      // requests of a transaction are served one after another in the order they are made, so
      // the reads that start a chain go first.
      const newestIds = speakerRange(db, actorId).reverse().limit(shown).primaryKeys() as Promise<
        string[]
      >;
      const ownClaimsRead = db.claims.where('claimantId').equals(actorId).limit(L.claims).toArray();
      // Links from the statements on screen: `states` adds to the claims they made, the other
      // stances are their positions on claims. One equality read per statement, side by side:
      // `anyOf` walks a cursor from key to key, a round trip for each.
      const ownLinksRead = newestIds.then(async (ids) =>
        (
          await Promise.all(ids.map((id) => db.links.where('statementId').equals(id).toArray()))
        ).flat(),
      );
      // How others answered their claims: for each claim and stance, the keys of its links in the
      // index, capped like every count. Keys come from the index alone; reading the link rows
      // themselves would fetch each from wherever it lies in the table.
      const keysOf = (claimId: string, stance: OtherStance) =>
        db.links
          .where('[claimId+stance]')
          .equals([claimId, stance])
          .limit(COUNT_CAP + 1)
          .primaryKeys() as Promise<string[]>;
      const answersRead = ownClaimsRead.then((own) =>
        Promise.all(
          own.map(async (c): Promise<Answers> => {
            const [denies, qualifies, supports] = await Promise.all([
              keysOf(c.id, 'denies'),
              keysOf(c.id, 'qualifies'),
              keysOf(c.id, 'supports'),
            ]);
            return { denies, qualifies, supports };
          }),
        ),
      );
      const claimCountRead = ownClaimsRead.then((own) =>
        countBeyond(own.length, L.claims, db.claims.where('claimantId').equals(actorId)),
      );
      const claimsRead = Promise.all([ownClaimsRead, ownLinksRead]).then(async ([own, links]) => {
        const claims = new Map<string, ClaimRow>(own.map((c) => [c.id, c]));
        const otherIds = [...new Set(links.map((l) => l.claimId))].filter((id) => !claims.has(id));
        for (const c of otherIds.length ? await db.claims.bulkGet(otherIds) : []) {
          if (c) claims.set(c.id, c);
        }
        return claims;
      });
      const denialsRead = answersRead.then(async (answers) => {
        // One from each claim in turn, so one much-denied claim does not fill the sample alone.
        const lists = answers.map((a) => a.denies);
        const keys: string[] = [];
        for (let i = 0; keys.length < L.denials && lists.some((l) => i < l.length); i++) {
          for (const list of lists) {
            const key = list[i];
            if (key !== undefined && keys.length < L.denials) keys.push(key);
          }
        }
        const denials = (keys.length ? await db.links.bulkGet(keys) : []).filter(
          (l): l is LinkRow => l !== undefined,
        );
        const rows = (
          denials.length ? await db.statements.bulkGet(denials.map((l) => l.statementId)) : []
        ).filter((s): s is StatementRow => s !== undefined && s.speakerId !== actorId);
        // Their speakers and sources.
        const resolver = await new Resolver(db).load(rows);
        return { denials, rows, resolver };
      });
      const [
        claimCount,
        ownClaims,
        ownLinks,
        answers,
        claims,
        { denials, rows: denialRows, resolver },
      ] = await Promise.all([
        claimCountRead,
        ownClaimsRead,
        ownLinksRead,
        answersRead,
        claimsRead,
        denialsRead,
      ]);
      const denialById = new Map(denialRows.map((s) => [s.id, s]));

      const relations: ActorDetails['relations'] = {};
      for (const l of ownLinks) {
        const claim = claims.get(l.claimId);
        if (!claim || (l.stance === 'states' && claim.claimantId === actorId)) continue;
        const list = relations[l.statementId] ?? [];
        relations[l.statementId] = list;
        // A pack's link and one learned from a page may say the same thing: show it once.
        if (list.some((r) => r.claimId === claim.id && r.stance === l.stance)) continue;
        list.push({
          stance: l.stance,
          claimId: claim.id,
          gist: claim.gist,
        });
      }

      const deniedBy: ActorDetails['deniedBy'] = [];
      for (const l of denials) {
        const claim = claims.get(l.claimId);
        const row = denialById.get(l.statementId);
        // Someone denying their own claim is a retraction: it is among their own statements.
        if (claim && row) deniedBy.push({ claim, statement: resolver.statement(row) });
      }

      return {
        claimsMade: ownClaims
          .map((claim, i) => ({
            claim,
            ...tally(answers[i] ?? NO_ANSWERS),
          }))
          .sort((a, b) => responses(b.counts) - responses(a.counts)),
        claimCount: Math.max(claimCount, ownClaims.length),
        positions: positionsOf(ownLinks, claims),
        relations,
        deniedBy: deniedBy.sort((a, b) => byTime(a.statement, b.statement)),
      };
    },
  );
}

/** The `ACTOR_LIMITS.events` most recent events involving the actor, and how many there are. */
export async function actorHistory(db: BackstoryDB, actorId: string): Promise<ActorHistory> {
  return db.transaction('r', [db.events, db.actors, db.sources], async () => {
    const [rows, eventCount] = await Promise.all([
      actorEvents(db, actorId, { limit: ACTOR_LIMITS.events, latest: true }),
      cappedCount(actorEventRange(db, actorId)),
    ]);
    // The actors and sources the events name.
    const resolver = await new Resolver(db).load([], rows);
    return { events: rows.map((e) => resolver.event(e)), eventCount };
  });
}

/** The whole actor view in one call (tests and benchmarks; the panel reads the parts). */
export async function actorPanel(
  db: BackstoryDB,
  actorId: string,
  opts: { statements?: number } = {},
): Promise<ActorPanelData | null> {
  const [head, details, history] = await Promise.all([
    actorHead(db, actorId, opts),
    actorDetails(db, actorId, opts),
    actorHistory(db, actorId),
  ]);
  return head ? { ...head, ...details, ...history } : null;
}
