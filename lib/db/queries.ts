import Dexie from 'dexie';
import { foldKey } from '../match/fold';
import type { Stance } from '../model';
import type {
  ActorRow,
  BackstoryDB,
  ClaimRow,
  EventRow,
  LinkRow,
  NoteRow,
  PageRow,
  StatementRow,
} from './database';

/**
 * Named queries: each uses an index declared in database.ts and is limited, so its cost does not
 * grow with the size of the cache.
 */

export async function actorsByAlias(db: BackstoryDB, text: string): Promise<ActorRow[]> {
  return db.actors.where('_aliasKeys').equals(foldKey(text)).limit(50).toArray();
}

/** An actor's statements, newest first (undated last). */
export async function statementsBySpeaker(
  db: BackstoryDB,
  speakerId: string,
  limit = 50,
  offset = 0,
): Promise<StatementRow[]> {
  return db.statements
    .where('[speakerId+_saidKey]')
    .between([speakerId, Dexie.minKey], [speakerId, Dexie.maxKey])
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

export async function countStatementsBySpeaker(db: BackstoryDB, speakerId: string) {
  return db.statements
    .where('[speakerId+_saidKey]')
    .between([speakerId, Dexie.minKey], [speakerId, Dexie.maxKey])
    .count();
}

export async function statementsBySource(db: BackstoryDB, sourceId: string, limit = 200) {
  return db.statements.where('_sourceIds').equals(sourceId).limit(limit).toArray();
}

/** Links to a claim, optionally of one stance. */
export async function linksByClaim(
  db: BackstoryDB,
  claimId: string,
  stance?: Stance,
  limit = 200,
): Promise<LinkRow[]> {
  const index = db.links.where('[claimId+stance]');
  const range = stance
    ? index.equals([claimId, stance])
    : index.between([claimId, Dexie.minKey], [claimId, Dexie.maxKey]);
  return range.limit(limit).toArray();
}

export async function linksByStatements(db: BackstoryDB, statementIds: string[]) {
  if (statementIds.length === 0) return [];
  return db.links.where('statementId').anyOf(statementIds).toArray();
}

export interface LinkedStatement {
  link: LinkRow;
  statement: StatementRow;
}

/** The statements linked to a claim, with their links, newest first. */
export async function statementsByClaim(
  db: BackstoryDB,
  claimId: string,
  stance?: Stance,
  limit = 200,
): Promise<LinkedStatement[]> {
  const links = await linksByClaim(db, claimId, stance, limit);
  const statements = await db.statements.bulkGet(links.map((l) => l.statementId));
  const out: LinkedStatement[] = [];
  links.forEach((link, i) => {
    const statement = statements[i];
    if (statement) out.push({ link, statement });
  });
  return out.sort((a, b) => (a.statement._saidKey < b.statement._saidKey ? 1 : -1));
}

export async function claimsByClaimant(db: BackstoryDB, actorId: string, limit = 100) {
  return db.claims.where('claimantId').equals(actorId).limit(limit).toArray();
}

/** Events in date order (a partial date after the specific dates of its period). */
export async function eventsByDate(
  db: BackstoryDB,
  opts: { from?: string; to?: string; limit?: number } = {},
): Promise<EventRow[]> {
  const from = opts.from ?? Dexie.minKey;
  const to = opts.to ?? Dexie.maxKey;
  return db.events
    .where('_dateKey')
    .between(from, to, true, true)
    .limit(opts.limit ?? 500)
    .toArray();
}

export async function eventsByActor(db: BackstoryDB, actorId: string, limit = 200) {
  const rows = await db.events.where('actorIds').equals(actorId).limit(limit).toArray();
  return rows.sort((a, b) => (a._dateKey < b._dateKey ? -1 : a._dateKey > b._dateKey ? 1 : 0));
}

export async function notesByPage(db: BackstoryDB, url: string): Promise<NoteRow[]> {
  return db.notes.where('_pageUrl').equals(url).toArray();
}

export async function pageByUrl(db: BackstoryDB, url: string): Promise<PageRow | undefined> {
  return db.pages.where('url').equals(url).first();
}

export interface ActorOverview {
  actor: ActorRow;
  statements: StatementRow[];
  statementCount: number;
  claimsMade: ClaimRow[];
  /** Claims this actor's statements support, deny or qualify (not their own `states` links). */
  stances: { stance: Exclude<Stance, 'states'>; claim: ClaimRow; statement: StatementRow }[];
  /** For each claim this actor made, the statements of others denying it. */
  deniedBy: { claim: ClaimRow; statement: StatementRow; speaker: ActorRow | undefined }[];
}

/** Everything the panel's actor view shows first, in one read transaction. */
export async function actorOverview(
  db: BackstoryDB,
  actorId: string,
  limit = 50,
): Promise<ActorOverview | undefined> {
  return db.transaction('r', [db.actors, db.statements, db.claims, db.links], async () => {
    const actor = await db.actors.get(actorId);
    if (!actor) return undefined;
    const [statements, statementCount, claimsMade] = await Promise.all([
      statementsBySpeaker(db, actorId, limit),
      countStatementsBySpeaker(db, actorId),
      claimsByClaimant(db, actorId),
    ]);
    const ownLinks = await linksByStatements(
      db,
      statements.map((s) => s.id),
    );
    const stanceLinks = ownLinks.filter((l) => l.stance !== 'states');
    const stanceClaims = await db.claims.bulkGet(stanceLinks.map((l) => l.claimId));
    const byId = new Map(statements.map((s) => [s.id, s]));
    const stances: ActorOverview['stances'] = [];
    stanceLinks.forEach((link, i) => {
      const claim = stanceClaims[i];
      const statement = byId.get(link.statementId);
      if (claim && statement && link.stance !== 'states') {
        stances.push({ stance: link.stance, claim, statement });
      }
    });
    const deniedBy: ActorOverview['deniedBy'] = [];
    for (const claim of claimsMade) {
      for (const { statement } of await statementsByClaim(db, claim.id, 'denies', 20)) {
        const speaker = statement.speakerId ? await db.actors.get(statement.speakerId) : undefined;
        deniedBy.push({ claim, statement, speaker });
      }
    }
    return { actor, statements, statementCount, claimsMade, stances, deniedBy };
  });
}
