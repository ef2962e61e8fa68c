import Dexie from 'dexie';
import type { Stance } from '../../model';
import type { ActorRow, BackstoryDB, ClaimRow, LinkRow, StatementRow } from '../database';
import {
  byTime,
  cappedCount,
  type EventInfo,
  type OtherStance,
  Resolver,
  type StatementInfo,
} from './resolve';
import { actorEventRange, actorEvents } from './timeline';

/**
 * The actor view is read in two parts, so its first screen does not wait for the rest: the head
 * (who this is, their newest statements) and the details (their claims and how others answered
 * them, their positions, the denials, their history). Each part is one read transaction of
 * indexed, limited reads.
 */
export const ACTOR_LIMITS = {
  /** Statements on the first screen; more are read page by page. */
  statements: 10,
  claims: 10,
  /** Links read per claim they made, to count its responses and list who denied it. */
  linksPerClaim: 300,
  denialsPerClaim: 5,
  denials: 10,
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
}

export interface ClaimSummary {
  claim: ClaimRow;
  counts: Record<OtherStance, number>;
  /** The claim has more links than were read: the counts are lower bounds. */
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
  statementCount: number;
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
  events: EventInfo[];
  eventCount: number;
}

export type ActorPanelData = ActorHead & ActorDetails;

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
    const resolver = await new Resolver(db).load(shown, [], [actor]);
    const head: ActorHead = {
      actor,
      statements: shown.map((s) => resolver.statement(s)),
      more: rows.length > limit,
    };
    if (mergedInto) head.mergedInto = mergedInto;
    return head;
  });
}

/** How many links of each stance, from a list of a claim's links. */
function tally(links: { stance: Stance }[]): Record<OtherStance, number> {
  const counts = { denies: 0, qualifies: 0, supports: 0 };
  for (const l of links) if (l.stance !== 'states') counts[l.stance] += 1;
  return counts;
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
 * Everything else the actor view shows: for the `statements` newest statements (those on
 * screen) the claims they answer; the claims the actor made, how others answered them and who
 * denied them; the most recent events involving them.
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
    [db.actors, db.statements, db.claims, db.links, db.events, db.sources],
    async () => {
      // Every read starts as soon as what it needs has arrived (no waiting for a whole round),
      // so the view's time is its longest chain of dependent reads, not the sum of rounds. The
      // requests of a transaction are served in the order they are made, so the reads that
      // start a chain go first and the counts, which nothing waits for, last.
      const newestIds = speakerRange(db, actorId).reverse().limit(shown).primaryKeys() as Promise<
        string[]
      >;
      const ownClaimsRead = db.claims.where('claimantId').equals(actorId).limit(L.claims).toArray();
      const eventsRead = actorEvents(db, actorId, { limit: L.events, latest: true });
      // The actors and sources the events name, read as soon as the events arrive.
      const resolver = new Resolver(db);
      const eventsResolved = eventsRead.then((events) => resolver.load([], events));
      // Links from the statements on screen: `states` adds to the claims they made, the other
      // stances are their positions on claims. One equality read per statement, side by side:
      // `anyOf` walks a cursor from key to key, a round trip for each.
      const ownLinksRead = newestIds.then(async (ids) =>
        (
          await Promise.all(ids.map((id) => db.links.where('statementId').equals(id).toArray()))
        ).flat(),
      );
      // How others answered their claims, and who denied them: one read per claim.
      const claimLinksRead = ownClaimsRead.then((own) =>
        Promise.all(
          own.map((c) =>
            db.links
              .where('[claimId+stance]')
              .between([c.id, Dexie.minKey], [c.id, Dexie.maxKey])
              .limit(L.linksPerClaim)
              .toArray(),
          ),
        ),
      );
      const counts = Promise.all([
        cappedCount(speakerRange(db, actorId)),
        cappedCount(db.claims.where('claimantId').equals(actorId)),
        cappedCount(actorEventRange(db, actorId)),
      ]);
      const claimsRead = Promise.all([ownClaimsRead, ownLinksRead]).then(async ([own, links]) => {
        const claims = new Map<string, ClaimRow>(own.map((c) => [c.id, c]));
        const otherIds = [...new Set(links.map((l) => l.claimId))].filter((id) => !claims.has(id));
        for (const c of otherIds.length ? await db.claims.bulkGet(otherIds) : []) {
          if (c) claims.set(c.id, c);
        }
        return claims;
      });
      const denialsRead = claimLinksRead.then(async (claimLinks) => {
        const denials = claimLinks
          .flatMap((links) =>
            links.filter((l) => l.stance === 'denies').slice(0, L.denialsPerClaim),
          )
          .slice(0, L.denials);
        const rows = (
          denials.length ? await db.statements.bulkGet(denials.map((l) => l.statementId)) : []
        ).filter((s): s is StatementRow => s !== undefined && s.speakerId !== actorId);
        // Their speakers and sources. The events' load may still be in flight: an actor or
        // source both name can then be read twice, which costs less than waiting for it.
        await resolver.load(rows);
        return { denials, rows };
      });
      const [
        [statementCount, claimCount, eventCount],
        ownClaims,
        eventRows,
        ownLinks,
        claimLinks,
        claims,
        { denials, rows: denialRows },
      ] = await Promise.all([
        counts,
        ownClaimsRead,
        eventsRead,
        ownLinksRead,
        claimLinksRead,
        claimsRead,
        denialsRead,
        eventsResolved,
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
        statementCount,
        claimsMade: ownClaims
          .map((claim, i) => ({
            claim,
            counts: tally(claimLinks[i] ?? []),
            partial: (claimLinks[i]?.length ?? 0) >= L.linksPerClaim,
          }))
          .sort((a, b) => responses(b.counts) - responses(a.counts)),
        claimCount: Math.max(claimCount, ownClaims.length),
        positions: positionsOf(ownLinks, claims),
        relations,
        deniedBy: deniedBy.sort((a, b) => byTime(a.statement, b.statement)),
        events: eventRows.map((e) => resolver.event(e)),
        eventCount,
      };
    },
  );
}

/** The whole actor view in one call (tests and benchmarks; the panel reads the parts). */
export async function actorPanel(
  db: BackstoryDB,
  actorId: string,
  opts: { statements?: number } = {},
): Promise<ActorPanelData | null> {
  const [head, details] = await Promise.all([
    actorHead(db, actorId, opts),
    actorDetails(db, actorId, opts),
  ]);
  return head ? { ...head, ...details } : null;
}
